package io.orderflow.payment.web;

import java.util.List;

/** A list answer, {@code {"items":[...]}}, open to paging fields later. */
public record Items<T>(List<T> items) {

}

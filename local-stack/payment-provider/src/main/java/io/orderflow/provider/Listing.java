package io.orderflow.provider;

import java.util.List;

/** A list answer, {@code {"data":[...]}} as Stripe's lists. */
public record Listing<T>(List<T> data) {

}

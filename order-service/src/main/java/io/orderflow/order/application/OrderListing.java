package io.orderflow.order.application;

import java.util.List;

import io.orderflow.order.domain.OrderRepository.Position;

/**
 * One page of orders, newest first.
 *
 * @param next where the next page starts, or null when this is the last one
 */
public record OrderListing(List<OrderView> items, Position next) {
}

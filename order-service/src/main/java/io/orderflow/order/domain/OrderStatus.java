package io.orderflow.order.domain;

/** Where an order stands for its customer; CONFIRMED and CANCELLED are final. */
public enum OrderStatus {

	PENDING, CONFIRMED, CANCELLED

}

package io.orderflow.payment.persistence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentEntities extends JpaRepository<PaymentEntity, UUID> {

	Optional<PaymentEntity> findByOrderId(String orderId);

}

package io.orderflow.order.messaging;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.ProductChanged;
import io.orderflow.contract.payment.PaymentEvent;
import io.orderflow.contract.testing.GoldenMessages;
import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.order.saga.SagaInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The replies order-service consumes, read from the participants' golden files through
 * this service's own message types: what inventory and payment publish is what the saga
 * takes.
 */
class ReplyContractTests {

	private final MessageCodec codec = new MessageCodec(new MessagingConfiguration().orderServiceMessages());

	static Stream<Class<?>> sagaReplies() {
		return Stream.of(InventoryEvent.class, PaymentEvent.class)
			.flatMap((topic) -> GoldenMessages.messageTypes(topic).stream())
			.filter((type) -> type != ProductChanged.class);
	}

	@ParameterizedTest
	@MethodSource("sagaReplies")
	void readsEveryReplyTheParticipantsPublish(Class<?> replyType) {
		byte[] golden = GoldenMessages.json(replyType).getBytes(StandardCharsets.UTF_8);

		Object reply = this.codec.decode(GoldenMessages.typeName(replyType), golden);

		assertThat(reply).isEqualTo(GoldenMessages.read(replyType));
		assertThatNoException().isThrownBy(() -> new SagaInput.Reply(reply));
	}

}

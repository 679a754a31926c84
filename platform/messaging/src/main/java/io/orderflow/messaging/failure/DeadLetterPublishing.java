package io.orderflow.messaging.failure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import io.orderflow.messaging.envelope.EnvelopeSerializer;
import io.orderflow.messaging.envelope.MessageCodec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Publishes failed records to {@code <topic>-dlt} (Spring Kafka 4's own default suffix),
 * same partition, with Spring's dead-letter headers ({@code kafka_dlt-original-topic},
 * {@code -partition}, {@code -offset}, {@code -timestamp}, {@code -consumer-group},
 * {@code kafka_dlt-exception-fqcn}, {@code -cause-fqcn}, {@code -message},
 * {@code -stacktrace}) beside the record's own headers, envelope included. The value is
 * the original bytes when the record never deserialized, otherwise the record's JSON.
 * <p>
 * The stack trace header holds a summary (each cause with its first frames), not the full
 * trace: a listener failure's trace runs through dozens of container frames that say
 * nothing about the message.
 */
public final class DeadLetterPublishing implements DisposableBean {

	public static final String SUFFIX = "-dlt";

	private static final int FRAMES_PER_CAUSE = 6;

	private static final int MAX_CAUSES = 8;

	private final DefaultKafkaProducerFactory<Object, Object> producerFactory;

	private final KafkaTemplate<Object, Object> template;

	private final DeadLetterPublishingRecoverer recoverer;

	/**
	 * @param producerConfig the producer configuration (bootstrap servers, security,
	 * acknowledgements); the serializers are the module's
	 */
	public DeadLetterPublishing(Map<String, Object> producerConfig, MessageCodec codec) {
		// Keys too may be raw bytes (a key that did not deserialize) or text.
		this.producerFactory = new DefaultKafkaProducerFactory<>(producerConfig, () -> new EnvelopeSerializer(codec),
				() -> new EnvelopeSerializer(codec));
		this.template = new KafkaTemplate<>(this.producerFactory);
		this.recoverer = new DeadLetterPublishingRecoverer(this.template,
				(record, exception) -> new TopicPartition(topicFor(record.topic()), record.partition()));
		this.recoverer.setExceptionHeadersCreator(DeadLetterPublishing::addExceptionHeaders);
	}

	/** The dead-letter topic of {@code topic}. */
	public static String topicFor(String topic) {
		return topic + SUFFIX;
	}

	public DeadLetterPublishingRecoverer recoverer() {
		return this.recoverer;
	}

	/** For re-publishing: replays of dead letters. */
	public KafkaOperations<Object, Object> template() {
		return this.template;
	}

	@Override
	public void destroy() {
		this.producerFactory.destroy();
	}

	private static void addExceptionHeaders(Headers headers, Exception exception, boolean isKey, HeaderNames names) {
		Throwable failure = unwrap(exception);
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		HeaderNames.ExceptionInfo info = names.getExceptionInfo();
		replace(headers, isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(), failure.getClass().getName());
		replace(headers, info.getExceptionCauseFqcn(), root.getClass().getName());
		replace(headers, isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(), messages(failure));
		replace(headers, isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(),
				stackSummary(failure));
	}

	/** The handler's exception, not the container's wrapper around it. */
	private static Throwable unwrap(Exception exception) {
		Throwable failure = exception;
		while (failure instanceof ListenerExecutionFailedException && failure.getCause() != null) {
			failure = failure.getCause();
		}
		return failure;
	}

	/** The messages of the failure and its causes, each once. */
	static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause)
				&& seen.size() <= MAX_CAUSES; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && !messages.toString().contains(message)) {
				messages.append(messages.isEmpty() ? "" : "; ").append(message);
			}
		}
		return messages.isEmpty() ? failure.getClass().getName() : messages.toString();
	}

	static String stackSummary(Throwable failure) {
		StringWriter text = new StringWriter();
		PrintWriter out = new PrintWriter(text);
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		int causes = 0;
		for (Throwable cause = failure; cause != null && seen.add(cause)
				&& causes < MAX_CAUSES; cause = cause.getCause(), causes++) {
			out.println(((causes == 0) ? "" : "Caused by: ") + cause);
			StackTraceElement[] frames = cause.getStackTrace();
			for (int i = 0; i < Math.min(FRAMES_PER_CAUSE, frames.length); i++) {
				out.println("\tat " + frames[i]);
			}
			if (frames.length > FRAMES_PER_CAUSE) {
				out.println("\t... " + (frames.length - FRAMES_PER_CAUSE) + " more");
			}
		}
		out.flush();
		return text.toString();
	}

	private static void replace(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}

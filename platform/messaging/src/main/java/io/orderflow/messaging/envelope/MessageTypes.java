package io.orderflow.messaging.envelope;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The registry of message types: logical name ↔ record class. Contract modules stay free
 * of Spring: each message record carries {@code @JsonTypeName("StockReserved")} and is a
 * permitted subtype of the sealed interface of its topic, and a service registers the
 * interfaces it produces or consumes as a bean:
 *
 * <pre class="code">
 * &#64;Bean
 * MessageTypes orderMessages() {
 *     return MessageTypes.of(InventoryEvent.class, PaymentEvent.class, OrderEvent.class);
 * }
 * </pre>
 *
 * Several such beans are merged. Names are what goes on the wire, so a class name never
 * does and a record can be renamed or moved without breaking anybody.
 */
public final class MessageTypes {

	private final Map<String, Class<?>> byName;

	private final Map<Class<?>, String> byType;

	private final Set<String> topics;

	private MessageTypes(Map<String, Class<?>> byName, Set<String> topics) {
		this.byName = Collections.unmodifiableMap(byName);
		this.topics = Collections.unmodifiableSet(topics);
		Map<Class<?>, String> byType = new LinkedHashMap<>();
		byName.forEach((name, type) -> byType.put(type, name));
		this.byType = Collections.unmodifiableMap(byType);
	}

	/**
	 * The message records named by {@code types}: sealed interfaces stand for all their
	 * permitted subtypes (recursively), concrete classes for themselves.
	 * @throws IllegalArgumentException for a concrete type without a
	 * {@code @JsonTypeName}, an interface or abstract class that is not sealed, or two
	 * types with the same name
	 */
	public static MessageTypes of(Class<?>... types) {
		Map<String, Class<?>> byName = new LinkedHashMap<>();
		Set<String> topics = new LinkedHashSet<>();
		for (Class<?> type : types) {
			register(type, byName);
			topicOf(type).ifPresent(topics::add);
		}
		return new MessageTypes(byName, topics);
	}

	/**
	 * All the types of {@code registries} together; the same name twice must mean the
	 * same type.
	 */
	public static MessageTypes merge(Collection<MessageTypes> registries) {
		Map<String, Class<?>> byName = new LinkedHashMap<>();
		Set<String> topics = new LinkedHashSet<>();
		for (MessageTypes registry : registries) {
			registry.byName.forEach((name, type) -> put(name, type, byName));
			topics.addAll(registry.topics);
		}
		return new MessageTypes(byName, topics);
	}

	/**
	 * The logical name of a message.
	 * @throws UnknownMessageTypeException when the type is not registered
	 */
	public String nameOf(Class<?> type) {
		String name = this.byType.get(type);
		if (name == null) {
			throw new UnknownMessageTypeException("Not a registered message type: " + type.getName()
					+ " (register its sealed interface in a MessageTypes bean)");
		}
		return name;
	}

	/**
	 * The record class of a logical name.
	 * @throws UnknownMessageTypeException when no registered type has this name
	 */
	public Class<?> typeNamed(String name) {
		Class<?> type = this.byName.get(name);
		if (type == null) {
			throw new UnknownMessageTypeException("Unknown message type '" + name + "'");
		}
		return type;
	}

	public Set<String> names() {
		return this.byName.keySet();
	}

	/**
	 * The topics of the registered interfaces: each sealed interface of a contract names
	 * its topic in a {@code TOPIC} constant.
	 */
	public Set<String> topics() {
		return this.topics;
	}

	private static Optional<String> topicOf(Class<?> type) {
		try {
			Field topic = type.getField("TOPIC");
			if (Modifier.isStatic(topic.getModifiers()) && topic.getType() == String.class) {
				return Optional.ofNullable((String) topic.get(null));
			}
			return Optional.empty();
		}
		catch (NoSuchFieldException | IllegalAccessException ex) {
			return Optional.empty();
		}
	}

	private static void register(Class<?> type, Map<String, Class<?>> byName) {
		if (type.isSealed()) {
			for (Class<?> permitted : type.getPermittedSubclasses()) {
				register(permitted, byName);
			}
			return;
		}
		if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
			throw new IllegalArgumentException(type.getName()
					+ " is neither sealed nor concrete: seal it over its message records or register the records");
		}
		JsonTypeName name = type.getAnnotation(JsonTypeName.class);
		if (name == null || name.value().isBlank()) {
			throw new IllegalArgumentException(type.getName()
					+ " has no @JsonTypeName: every message needs a logical type name, class names never go on the wire");
		}
		put(name.value(), type, byName);
	}

	private static void put(String name, Class<?> type, Map<String, Class<?>> byName) {
		Class<?> existing = byName.putIfAbsent(name, type);
		if (existing != null && !existing.equals(type)) {
			throw new IllegalArgumentException("Message type name '" + name + "' is taken by both " + existing.getName()
					+ " and " + type.getName());
		}
	}

	@Override
	public String toString() {
		return "MessageTypes" + List.copyOf(this.byName.keySet());
	}

}

package io.orderflow.messaging.envelope;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns message records into their wire form (logical type name and JSON) and back.
 * <p>
 * The mapper is the module's own, not the service's: a service that tunes JSON for its
 * REST API must not change what it publishes. Unknown properties are ignored because the
 * contracts evolve additively (DESIGN.md §2).
 */
public final class MessageCodec {

	private final MessageTypes types;

	private final JsonMapper mapper;

	public MessageCodec(MessageTypes types) {
		this.types = types;
		this.mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/**
	 * The type name and JSON of a message.
	 * @throws UnknownMessageTypeException when the message's class is not registered
	 */
	public Encoded encode(Object message) {
		String type = this.types.nameOf(message.getClass());
		return new Encoded(type, this.mapper.writeValueAsString(message));
	}

	/** The JSON of a registered message, for re-publishing a consumed record. */
	public byte[] toJson(Object message) {
		this.types.nameOf(message.getClass());
		return this.mapper.writeValueAsBytes(message);
	}

	/**
	 * The record a payload of the named type stands for.
	 * @throws UnknownMessageTypeException when the name is not registered
	 * @throws InvalidPayloadException when the payload does not read as that record
	 */
	public Object decode(String type, byte[] payload) {
		Class<?> target = this.types.typeNamed(type);
		try {
			return this.mapper.readValue(payload, target);
		}
		catch (JacksonException ex) {
			throw new InvalidPayloadException("Payload is not a valid " + type, ex);
		}
	}

	/** For reading the JSON the module itself writes (headers in the outbox). */
	public JsonMapper mapper() {
		return this.mapper;
	}

	public MessageTypes types() {
		return this.types;
	}

	/** A message in its wire form. */
	public record Encoded(String type, String json) {
	}

}

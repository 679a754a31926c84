package io.orderflow.contract.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonTypeName;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads golden message files and checks that every message type of a topic round-trips.
 */
public final class GoldenMessages {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private GoldenMessages() {
	}

	/** The logical type name on the wire: the record's {@code @JsonTypeName}. */
	public static String typeName(Class<?> messageType) {
		JsonTypeName name = messageType.getAnnotation(JsonTypeName.class);
		if (name == null || name.value().isBlank()) {
			throw new AssertionError(
					messageType.getName() + " has no @JsonTypeName: its wire name would be a class name");
		}
		return name.value();
	}

	/**
	 * The golden JSON of {@code messageType}, from {@code golden/<TypeName>.json} on the
	 * classpath.
	 */
	public static String json(Class<?> messageType) {
		String location = "golden/" + typeName(messageType) + ".json";
		try (InputStream in = messageType.getClassLoader().getResourceAsStream(location)) {
			if (in == null) {
				throw new AssertionError("No golden file " + location + " for " + messageType.getName());
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The golden message of {@code messageType}, as a consumer's test would receive it.
	 */
	public static <T> T read(Class<T> messageType) {
		return MAPPER.readValue(json(messageType), messageType);
	}

	/** Every message type a topic's sealed interface permits. */
	public static List<Class<?>> messageTypes(Class<?> sealedInterface) {
		if (!sealedInterface.isSealed()) {
			throw new AssertionError(
					sealedInterface.getName() + " must be sealed so consumers can switch exhaustively");
		}
		return List.of(sealedInterface.getPermittedSubclasses());
	}

	/**
	 * Checks one message type against its golden file: it is a record, the file names
	 * every component (so the file documents the whole message), reading and writing it
	 * again gives the same JSON, and an unknown field is ignored (additive evolution).
	 */
	public static void assertRoundTrips(Class<?> messageType) {
		assertThat(messageType.isRecord()).as("%s is a record", messageType.getName()).isTrue();
		JsonNode golden = MAPPER.readTree(json(messageType));

		Set<String> components = Arrays.stream(messageType.getRecordComponents())
			.map((component) -> component.getName())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(new TreeSet<>(golden.propertyNames())).as("fields of golden/%s.json", typeName(messageType))
			.isEqualTo(components);

		Object message = MAPPER.treeToValue(golden, messageType);
		assertThat(MAPPER.readTree(MAPPER.writeValueAsString(message))).as("%s written again", typeName(messageType))
			.isEqualTo(golden);

		ObjectNode withUnknownField = (ObjectNode) golden.deepCopy();
		withUnknownField.put("addedInALaterVersion", "ignored");
		assertThat(MAPPER.treeToValue(withUnknownField, messageType)).isEqualTo(message);
	}

}

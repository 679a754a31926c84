package io.orderflow.deploy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one image recipe for every service: JRE 25, the layered jar, a non-root user, the
 * OpenTelemetry agent of the local stack's version, memory and agent settings in
 * JAVA_TOOL_OPTIONS, and a healthcheck against actuator.
 */
class DockerfileTests {

	private static final String DOCKERFILE = "deploy/docker/Dockerfile";

	private final String dockerfile = Repository.read(DOCKERFILE);

	@Test
	void runsOnAPinnedJava25RuntimeImage() {
		String javaImage = argument("JAVA_IMAGE");
		assertThat(javaImage).matches("eclipse-temurin:25\\.\\d+\\.\\d+_\\d+-jre-\\w+");
		assertThat(Images.pinned(javaImage)).isTrue();
		List<String> stages = this.dockerfile.lines().filter((line) -> line.startsWith("FROM ")).toList();
		assertThat(stages).isNotEmpty().allMatch((line) -> line.startsWith("FROM ${JAVA_IMAGE}"));
	}

	@Test
	void runsAsANonRootUser() {
		List<String> users = this.dockerfile.lines().filter((line) -> line.startsWith("USER ")).toList();
		assertThat(users).isNotEmpty();
		String last = users.get(users.size() - 1).substring("USER ".length()).trim();
		assertThat(last).doesNotStartWith("0").doesNotStartWith("root").matches("[1-9]\\d*(:\\d+)?");
	}

	@Test
	void packagesTheLayeredJar() {
		assertThat(this.dockerfile).contains("-Djarmode=tools -jar application.jar extract --layers");
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			assertThat(this.dockerfile).contains("COPY --from=layers /build/extracted/" + layer + "/ ./");
		}
		assertThat(this.dockerfile).contains("ENTRYPOINT [\"java\", \"-jar\", \"application.jar\"]");
	}

	@Test
	void carriesTheOpenTelemetryAgentOfTheBuildsVersion() {
		Matcher version = Pattern.compile("<opentelemetry-javaagent.version>([^<]+)<")
			.matcher(Repository.read("pom.xml"));
		assertThat(version.find()).isTrue();
		assertThat(argument("OTEL_AGENT_VERSION")).isEqualTo(version.group(1));
		assertThat(argument("OTEL_AGENT_SHA256")).matches("[0-9a-f]{64}");
		assertThat(this.dockerfile).contains("ADD --checksum=sha256:${OTEL_AGENT_SHA256}")
			.contains("/otel/opentelemetry-javaagent.jar");
	}

	@Test
	void setsMemoryAndTheAgentInJavaToolOptions() {
		assertThat(this.dockerfile).containsPattern(
				"JAVA_TOOL_OPTIONS=\"[^\"]*-XX:MaxRAMPercentage=\\d+[^\"]*-javaagent:/otel/opentelemetry-javaagent.jar");
		assertThat(this.dockerfile).contains("OTEL_TRACES_EXPORTER=otlp");
	}

	@Test
	void checksItsHealthThroughActuatorReadiness() {
		assertThat(this.dockerfile).containsPattern(
				"(?s)HEALTHCHECK .*CMD curl -fsS \"http://127.0.0.1:\\$\\{SERVER_PORT}/actuator/health/readiness\"");
		assertThat(this.dockerfile).contains("ENV SERVER_PORT=${PORT}");
	}

	private String argument(String name) {
		Matcher matcher = Pattern.compile("(?m)^ARG " + name + "=(\\S+)$").matcher(this.dockerfile);
		assertThat(matcher.find()).as("ARG %s with a default", name).isTrue();
		return matcher.group(1);
	}

}

package io.orderflow.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI workflow runs the README's test command where Docker is, so the Testcontainers
 * path of platform/test-infra runs there.
 */
class ContinuousIntegrationTests {

	private final Map<String, Object> workflow = YamlDocuments.one(Repository.read(".github/workflows/ci.yml"));

	@Test
	void verifiesOnARunnerWithDockerAndTemurin25() {
		Map<String, Object> jobs = YamlDocuments.asMap(this.workflow.get("jobs"));
		assertThat(jobs).isNotEmpty();
		Map<String, Object> job = YamlDocuments.asMap(jobs.values().iterator().next());
		assertThat(job.get("runs-on")).isEqualTo("ubuntu-latest");
		List<Map<String, Object>> steps = YamlDocuments.asList(job.get("steps"))
			.stream()
			.map(YamlDocuments::asMap)
			.toList();
		assertThat(steps).anySatisfy((step) -> {
			assertThat(String.valueOf(step.get("uses"))).startsWith("actions/setup-java@");
			assertThat(YamlDocuments.at(step, "with", "distribution")).isEqualTo("temurin");
			assertThat(String.valueOf(YamlDocuments.at(step, "with", "java-version"))).isEqualTo("25");
			assertThat(YamlDocuments.at(step, "with", "cache")).isEqualTo("maven");
		});
		assertThat(steps).anySatisfy((step) -> {
			assertThat(String.valueOf(step.get("run"))).contains("./mvnw -B verify");
			assertThat(YamlDocuments.at(step, "env", "ORDERFLOW_TEST_INFRA")).isEqualTo("containers");
		});
	}

}

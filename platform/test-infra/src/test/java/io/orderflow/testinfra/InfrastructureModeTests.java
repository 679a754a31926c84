package io.orderflow.testinfra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InfrastructureModeTests {

	@Test
	void choosesContainersWhenAutoAndDockerIsAvailable() {
		assertThat(InfrastructureMode.select(null, () -> true)).isEqualTo(InfrastructureMode.CONTAINERS);
		assertThat(InfrastructureMode.select("auto", () -> true)).isEqualTo(InfrastructureMode.CONTAINERS);
	}

	@Test
	void choosesEmbeddedWhenAutoAndDockerIsNotAvailable() {
		assertThat(InfrastructureMode.select(" AUTO ", () -> false)).isEqualTo(InfrastructureMode.EMBEDDED);
	}

	@Test
	void obeysAnExplicitChoiceWithoutAskingDocker() {
		assertThat(InfrastructureMode.select("embedded", this::dockerMustNotBeAsked))
			.isEqualTo(InfrastructureMode.EMBEDDED);
		assertThat(InfrastructureMode.select("Containers", this::dockerMustNotBeAsked))
			.isEqualTo(InfrastructureMode.CONTAINERS);
	}

	@Test
	void rejectsAnUnknownChoice() {
		assertThatIllegalArgumentException().isThrownBy(() -> InfrastructureMode.select("docker", () -> true))
			.withMessageContaining("auto, embedded or containers");
	}

	private boolean dockerMustNotBeAsked() {
		throw new AssertionError("Docker was asked although the mode was chosen explicitly");
	}

}

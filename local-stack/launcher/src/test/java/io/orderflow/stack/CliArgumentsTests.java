package io.orderflow.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CliArgumentsTests {

	@Test
	void upStartsEverythingInTheForegroundByDefault() {
		CliArguments up = CliArguments.parse("up");

		assertThat(up.command()).isEqualTo("up");
		assertThat(up.names()).isEmpty();
		assertThat(up.detach()).isFalse();
		assertThat(up.fresh()).isFalse();
		assertThat(up.stateDirectory()).isEmpty();
	}

	@Test
	void upTakesComponentNamesAndItsOptions() {
		CliArguments up = CliArguments.parse("up", "order-service", "--detach", "--fresh", "--build", "--port-offset",
				"1000", "--parallel=2", "gateway");

		assertThat(up.names()).containsExactly("order-service", "gateway");
		assertThat(up.detach()).isTrue();
		assertThat(up.fresh()).isTrue();
		assertThat(up.build()).isTrue();
		assertThat(up.portOffset()).isEqualTo(OptionalInt.of(1000));
		assertThat(up.parallelism()).isEqualTo(OptionalInt.of(2));
	}

	@Test
	void shortDetachIsDetach() {
		assertThat(CliArguments.parse("up", "-d").detach()).isTrue();
	}

	@Test
	void everyCommandTakesAStateDirectory() {
		assertThat(CliArguments.parse("status", "--state-dir", "/tmp/stack").stateDirectory())
			.isEqualTo(Optional.of(Path.of("/tmp/stack")));
		assertThat(CliArguments.parse("down", "--state-dir=/tmp/stack").stateDirectory())
			.isEqualTo(Optional.of(Path.of("/tmp/stack")));
	}

	@Test
	void logsFollowsWithDashF() {
		CliArguments logs = CliArguments.parse("logs", "kafka", "-f");

		assertThat(logs.names()).isEqualTo(List.of("kafka"));
		assertThat(logs.follow()).isTrue();
	}

	@Test
	void helpIsACommandAndAnOption() {
		assertThat(CliArguments.parse("help").command()).isEqualTo("help");
		assertThat(CliArguments.parse("--help").command()).isEqualTo("help");
		assertThat(CliArguments.parse("up", "-h").command()).isEqualTo("help");
	}

	@Test
	void killRestartAndLogsNeedExactlyOneComponent() {
		for (String command : List.of("kill", "restart", "logs")) {
			assertThatExceptionOfType(CliArguments.UsageException.class).isThrownBy(() -> CliArguments.parse(command))
				.withMessageContaining("one component name");
			assertThatExceptionOfType(CliArguments.UsageException.class)
				.isThrownBy(() -> CliArguments.parse(command, "kafka", "redis"))
				.withMessageContaining("one component name");
		}
	}

	@Test
	void downAndStatusTakeNoNames() {
		assertThatExceptionOfType(CliArguments.UsageException.class)
			.isThrownBy(() -> CliArguments.parse("down", "kafka"))
			.withMessageContaining("no component names");
	}

	@Test
	void rejectsAnOptionOfAnotherCommand() {
		assertThatExceptionOfType(CliArguments.UsageException.class)
			.isThrownBy(() -> CliArguments.parse("status", "--detach"))
			.withMessage("--detach is an option of up, not of status");
		assertThatExceptionOfType(CliArguments.UsageException.class).isThrownBy(() -> CliArguments.parse("up", "-f"))
			.withMessage("-f is an option of logs, not of up");
	}

	@Test
	void rejectsUnknownCommandsAndOptions() {
		assertThatExceptionOfType(CliArguments.UsageException.class).isThrownBy(() -> CliArguments.parse("start"))
			.withMessage("Unknown command 'start'");
		assertThatExceptionOfType(CliArguments.UsageException.class)
			.isThrownBy(() -> CliArguments.parse("up", "--verbose"))
			.withMessage("Unknown option '--verbose' for up");
		assertThatExceptionOfType(CliArguments.UsageException.class).isThrownBy(CliArguments::parse)
			.withMessage("No command given");
	}

	@Test
	void rejectsAMissingOrNonNumericValue() {
		assertThatExceptionOfType(CliArguments.UsageException.class)
			.isThrownBy(() -> CliArguments.parse("up", "--port-offset"))
			.withMessage("--port-offset needs a value");
		assertThatExceptionOfType(CliArguments.UsageException.class)
			.isThrownBy(() -> CliArguments.parse("up", "--parallel", "many"))
			.withMessage("--parallel needs a number, not 'many'");
		assertThatExceptionOfType(CliArguments.UsageException.class)
			.isThrownBy(() -> CliArguments.parse("up", "--parallel", "0"))
			.withMessage("--parallel must be at least 1");
	}

	@Test
	void acceptsANegativePortOffset() {
		assertThat(CliArguments.parse("up", "--port-offset", "-100").portOffset()).isEqualTo(OptionalInt.of(-100));
	}

}

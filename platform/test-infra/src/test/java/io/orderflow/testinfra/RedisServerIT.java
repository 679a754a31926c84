package io.orderflow.testinfra;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisServerIT {

	private final RedisServer redis = TestInfrastructure.redis();

	@Test
	void returnsWhatWasStored() {
		RedisClient client = RedisClient.create(this.redis.uri());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> commands = connection.sync();
			commands.set("rate-limit:demo-client", "41");

			assertThat(commands.incr("rate-limit:demo-client")).isEqualTo(42);
			assertThat(commands.get("rate-limit:demo-client")).isEqualTo("42");
		}
		finally {
			client.shutdown();
		}
	}

}

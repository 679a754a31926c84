package io.orderflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProbesTests {

	@Test
	void httpCheckPassesOn2xxOnly() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/up", (exchange) -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.createContext("/down", (exchange) -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		server.start();
		try {
			int port = server.getAddress().getPort();

			assertThat(HealthCheck.http("/up").isHealthy(port)).isTrue();
			assertThat(HealthCheck.http("/down").isHealthy(port)).isFalse();
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void noCheckPassesWhereNothingListens() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}

		assertThat(Probes.listening(port)).isFalse();
		assertThat(HealthCheck.kafka().isHealthy(port)).isFalse();
		assertThat(HealthCheck.postgres().isHealthy(port)).isFalse();
		assertThat(HealthCheck.redis().isHealthy(port)).isFalse();
		assertThat(HealthCheck.mongo().isHealthy(port)).isFalse();
		assertThat(HealthCheck.http("/").isHealthy(port)).isFalse();
	}

	@Test
	void redisCheckWantsPongNotLoading() throws IOException {
		assertThat(answering("+PONG\r\n", HealthCheck.redis())).isTrue();
		assertThat(answering("-LOADING Redis is loading the dataset in memory\r\n", HealthCheck.redis())).isFalse();
	}

	@Test
	void postgresCheckRefusesAServerThatIsStillStartingUp() throws IOException {
		assertThat(answering("R\0\0\0\10\0\0\0\0", HealthCheck.postgres())).isTrue();
		String startingUp = "SFATAL\0C57P03\0Mthe database system is starting up\0\0";
		assertThat(answering(
				"E" + new String(new byte[] { 0, 0, 0, (byte) (4 + startingUp.length()) }, StandardCharsets.ISO_8859_1)
						+ startingUp,
				HealthCheck.postgres()))
			.isFalse();
	}

	@Test
	void socketThatSaysNothingIsNotHealthy() throws IOException {
		assertThat(answering("", HealthCheck.kafka())).isFalse();
		assertThat(answering("", HealthCheck.mongo())).isFalse();
	}

	/** Whether {@code check} passes against a server that answers {@code reply} once. */
	private static boolean answering(String reply, HealthCheck check) throws IOException {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread responder = Thread.ofVirtual().start(() -> {
				try (Socket client = server.accept()) {
					InputStream in = client.getInputStream();
					in.read(new byte[256]);
					OutputStream out = client.getOutputStream();
					out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
					out.flush();
				}
				catch (IOException ex) {
					// The probe gave up first; its answer is what the test checks.
				}
			});
			boolean healthy = check.isHealthy(server.getLocalPort());
			responder.interrupt();
			return healthy;
		}
	}

}

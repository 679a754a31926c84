package io.orderflow.stack;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wire-level requests behind {@link HealthCheck}: JDK only, so the launcher needs no
 * client library of any server it runs. Every probe answers false rather than throwing.
 */
final class Probes {

	static final String HOST = "127.0.0.1";

	private static final int CONNECT_TIMEOUT_MILLIS = 1000;

	private static final int READ_TIMEOUT_MILLIS = 3000;

	private Probes() {
	}

	/** Whether something accepts connections on the port, whatever it is. */
	static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MILLIS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static boolean httpOk(int port, String path) {
		HttpURLConnection connection = null;
		try {
			connection = (HttpURLConnection) URI.create("http://" + HOST + ":" + port + path).toURL().openConnection();
			connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
			connection.setReadTimeout(READ_TIMEOUT_MILLIS);
			int status = connection.getResponseCode();
			try (InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
				if (body != null) {
					body.readAllBytes();
				}
			}
			return status >= 200 && status < 300;
		}
		catch (IOException ex) {
			return false;
		}
		finally {
			if (connection != null) {
				connection.disconnect();
			}
		}
	}

	/**
	 * ApiVersions v0: any well-formed answer with our correlation id is a live broker
	 * (one that does not support v0 still answers, with an error code).
	 */
	static boolean kafkaApiVersions(int port) {
		return exchange(port, (in, out) -> {
			int correlationId = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
			byte[] clientId = "orderflow-probe".getBytes(StandardCharsets.UTF_8);
			out.writeInt(2 + 2 + 4 + 2 + clientId.length);
			out.writeShort(18);
			out.writeShort(0);
			out.writeInt(correlationId);
			out.writeShort(clientId.length);
			out.write(clientId);
			out.flush();
			int size = in.readInt();
			return size >= 6 && in.readInt() == correlationId;
		});
	}

	/**
	 * A protocol 3.0 start-up message: an authentication request means the server takes
	 * sessions; error 57P03 ("the database system is starting up") means not yet.
	 */
	static boolean postgresAcceptsSessions(int port) {
		return exchange(port, (in, out) -> {
			byte[] parameters = "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.US_ASCII);
			out.writeInt(4 + 4 + parameters.length);
			out.writeInt(196608);
			out.write(parameters);
			out.flush();
			int type = in.readUnsignedByte();
			if (type == 'R') {
				return true;
			}
			if (type != 'E') {
				return false;
			}
			byte[] fields = new byte[Math.min(in.readInt() - 4, 4096)];
			in.readFully(fields);
			return !new String(fields, StandardCharsets.US_ASCII).contains("C57P03");
		});
	}

	static boolean redisPong(int port) {
		return exchange(port, (in, out) -> {
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] answer = new byte[5];
			in.readFully(answer);
			return "+PONG".equals(new String(answer, StandardCharsets.US_ASCII));
		});
	}

	/** OP_MSG {@code {hello: 1, $db: "admin"}}; the reply must be an OP_MSG to it. */
	static boolean mongoHello(int port) {
		return exchange(port, (in, out) -> {
			int requestId = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
			byte[] document = bson();
			ByteBuffer message = ByteBuffer.allocate(16 + 4 + 1 + document.length).order(ByteOrder.LITTLE_ENDIAN);
			message.putInt(message.capacity()).putInt(requestId).putInt(0).putInt(2013);
			message.putInt(0).put((byte) 0).put(document);
			out.write(message.array());
			out.flush();
			byte[] header = new byte[16];
			in.readFully(header);
			ByteBuffer reply = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
			reply.getInt();
			reply.getInt();
			return reply.getInt() == requestId && reply.getInt() == 2013;
		});
	}

	private static byte[] bson() {
		ByteArrayOutputStream elements = new ByteArrayOutputStream();
		elements.write(0x10);
		elements.writeBytes("hello\0".getBytes(StandardCharsets.US_ASCII));
		elements.writeBytes(littleEndian(1));
		elements.write(0x02);
		elements.writeBytes("$db\0".getBytes(StandardCharsets.US_ASCII));
		elements.writeBytes(littleEndian(6));
		elements.writeBytes("admin\0".getBytes(StandardCharsets.US_ASCII));
		elements.write(0);
		ByteArrayOutputStream document = new ByteArrayOutputStream();
		document.writeBytes(littleEndian(4 + elements.size()));
		document.writeBytes(elements.toByteArray());
		return document.toByteArray();
	}

	private static byte[] littleEndian(int value) {
		return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
	}

	private static boolean exchange(int port, Conversation conversation) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MILLIS);
			socket.setSoTimeout(READ_TIMEOUT_MILLIS);
			return conversation.run(new DataInputStream(socket.getInputStream()),
					new DataOutputStream(socket.getOutputStream()));
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	@FunctionalInterface
	private interface Conversation {

		boolean run(DataInputStream in, DataOutputStream out) throws IOException;

	}

}

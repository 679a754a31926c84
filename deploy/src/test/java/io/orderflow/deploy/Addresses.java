package io.orderflow.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code host:port} pairs in a configuration value (URLs, bootstrap servers). */
final class Addresses {

	private static final Pattern HOST_AND_PORT = Pattern.compile("(?:^|[/@,])([a-z][a-z0-9.-]*):(\\d+)");

	private Addresses() {
	}

	record Address(String host, int port) {

		@Override
		public String toString() {
			return this.host + ":" + this.port;
		}

	}

	static List<Address> in(String value) {
		List<Address> addresses = new ArrayList<>();
		if (value == null) {
			return addresses;
		}
		Matcher matcher = HOST_AND_PORT.matcher(value);
		while (matcher.find()) {
			addresses.add(new Address(matcher.group(1), Integer.parseInt(matcher.group(2))));
		}
		return addresses;
	}

}

package io.orderflow.stack;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** A started server node: its process and the facts it wrote to its ready file. */
public record RunningNode(String name, Node node, ManagedProcess process, Path readyFile) {

	/** What the node announced when it became ready ({@code port}, {@code pids}, ...). */
	public Map<String, String> facts() {
		if (!Files.isRegularFile(this.readyFile)) {
			return Map.of();
		}
		try {
			Properties properties = new Properties();
			properties.load(new StringReader(Files.readString(this.readyFile)));
			Map<String, String> facts = new TreeMap<>();
			properties.stringPropertyNames().forEach((key) -> facts.put(key, properties.getProperty(key)));
			return facts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Processes outside the node's process group that belong to it (the postmaster). */
	public List<Long> extraPids() {
		String pids = facts().getOrDefault("pids", "");
		List<Long> parsed = new ArrayList<>();
		Arrays.stream(pids.split(","))
			.map(String::strip)
			.filter((pid) -> !pid.isEmpty())
			.map(Long::valueOf)
			.forEach(parsed::add);
		return parsed;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public void stop() {
		List<Long> extra = extraPids();
		this.process.stop(Duration.ofSeconds(30), extra);
		deleteReadyFile();
	}

	public void kill() {
		List<Long> extra = extraPids();
		this.process.kill(extra);
		deleteReadyFile();
	}

	private void deleteReadyFile() {
		try {
			Files.deleteIfExists(this.readyFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

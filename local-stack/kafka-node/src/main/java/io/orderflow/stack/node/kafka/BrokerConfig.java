package io.orderflow.stack.node.kafka;

import java.nio.file.Path;
import java.util.Properties;

/** The settings of a one-broker KRaft cluster for a developer machine or a test. */
final class BrokerConfig {

	private static final int NODE_ID = 1;

	private BrokerConfig() {
	}

	static Properties singleNode(Path logDir, int port, int controllerPort) {
		Properties config = new Properties();
		config.setProperty("process.roles", "broker,controller");
		config.setProperty("node.id", Integer.toString(NODE_ID));
		config.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
		config.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		config.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		config.setProperty("controller.listener.names", "CONTROLLER");
		config.setProperty("inter.broker.listener.name", "PLAINTEXT");
		config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		config.setProperty("log.dirs", logDir.toString());
		// The internal topics default to three replicas and would never be created on one
		// broker: consumer groups, transactions and share groups would hang.
		config.setProperty("offsets.topic.replication.factor", "1");
		config.setProperty("transaction.state.log.replication.factor", "1");
		config.setProperty("transaction.state.log.min.isr", "1");
		config.setProperty("share.coordinator.state.topic.replication.factor", "1");
		config.setProperty("share.coordinator.state.topic.min.isr", "1");
		// Fifty partitions each spread coordinators over brokers that do not exist here
		// and
		// cost seconds on the first consumer group of a fresh broker.
		config.setProperty("offsets.topic.num.partitions", "5");
		config.setProperty("transaction.state.log.num.partitions", "5");
		// No other group member will join late on one machine: rebalance at once.
		config.setProperty("group.initial.rebalance.delay.ms", "0");
		// After a SIGKILL the restarted controller keeps the dead incarnation registered
		// until its session times out (9 s by default) and refuses the new one meanwhile.
		// Broker and controller share this JVM, so a short session risks no false
		// fencing.
		config.setProperty("broker.session.timeout.ms", "3000");
		config.setProperty("broker.heartbeat.interval.ms", "500");
		return config;
	}

}

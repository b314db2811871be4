package io.healthstats.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), started
 * in-process from the Apache Kafka jars. Its log lives in the given folder, so a restart keeps
 * every topic and offset.
 */
public final class LocalKafka implements AutoCloseable {

	private final KafkaRaftServer server;
	private final int port;

	private LocalKafka(KafkaRaftServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Formats the folder on first use, then starts the broker.
	 * @param logDir where the broker keeps its log
	 * @param port the client port, or 0 for a free one
	 */
	public static LocalKafka start(Path logDir, int port) {
		int clientPort = port == 0 ? freePort() : port;
		int controllerPort = freePort();
		KafkaConfig config = KafkaConfig.fromProps(properties(logDir, clientPort, controllerPort), false);
		try {
			Files.createDirectories(logDir);
			if (!Files.exists(logDir.resolve("meta.properties"))) {
				format(config, logDir);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		server.startup();
		return new LocalKafka(server, clientPort);
	}

	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

	private static Properties properties(Path logDir, int clientPort, int controllerPort) {
		Properties props = new Properties();
		props.put("process.roles", "broker,controller");
		props.put("node.id", "1");
		props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
		props.put("listeners", "PLAINTEXT://localhost:" + clientPort + ",CONTROLLER://localhost:" + controllerPort);
		props.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
		props.put("controller.listener.names", "CONTROLLER");
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		props.put("inter.broker.listener.name", "PLAINTEXT");
		props.put("log.dirs", logDir.toAbsolutePath().toString());
		props.put("num.partitions", "3");
		props.put("auto.create.topics.enable", "true");
		props.put("offsets.topic.replication.factor", "1");
		props.put("offsets.topic.num.partitions", "3");
		props.put("transaction.state.log.replication.factor", "1");
		props.put("transaction.state.log.min.isr", "1");
		props.put("share.coordinator.state.topic.replication.factor", "1");
		props.put("share.coordinator.state.topic.min.isr", "1");
		props.put("group.initial.rebalance.delay.ms", "0");
		// the default 128 MB compaction buffer is most of a local broker's heap; local topics are small
		props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
		return props;
	}

	private static void format(KafkaConfig config, Path logDir) throws IOException {
		try {
			new Formatter().setPrintStream(System.out)
				.setNodeId(config.nodeId())
				.setClusterId(Uuid.randomUuid().toString())
				.setControllerListenerName(config.controllerListenerNames().get(0))
				.setMetadataLogDirectory(config.metadataLogDir())
				.setSupportedFeatures(Feature.PRODUCTION_FEATURES)
				.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
				.addDirectory(logDir.toAbsolutePath().toString())
				.run();
		}
		catch (IOException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format the Kafka log folder " + logDir, ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

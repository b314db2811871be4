package io.healthstats.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One broker and one Mongo-wire server per test JVM, started on first use and stopped when the JVM
 * exits. Test classes share them; each test owns the data it creates.
 */
public final class EmbeddedInfrastructure {

	private static LocalKafka kafka;
	private static LocalMongo mongo;

	private EmbeddedInfrastructure() {
	}

	public static synchronized LocalKafka kafka() {
		if (kafka == null) {
			kafka = LocalKafka.start(tempDir("kafka"), 0);
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-stop"));
		}
		return kafka;
	}

	public static synchronized LocalMongo mongo() {
		if (mongo == null) {
			mongo = LocalMongo.inMemory();
			Runtime.getRuntime().addShutdownHook(new Thread(mongo::close, "embedded-mongo-stop"));
		}
		return mongo;
	}

	private static Path tempDir(String prefix) {
		try {
			Path dir = Files.createTempDirectory(prefix);
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package io.healthstats.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) that services reach with the real MongoDB
 * driver. In memory for tests; on H2 files for the local platform, so data survives a restart.
 */
public final class LocalMongo implements AutoCloseable {

	/** H2's page cache for the local platform's store (H2's default of 16 MB is small for a million cells). */
	private static final int CACHE_MEGABYTES = 128;

	/**
	 * Whether collections keep their data size ({@code collStats}' {@code size}): mongo-java-server BSON-encodes
	 * every document it inserts, removes or replaces (a replace twice, old and new) to count it, an eighth of the
	 * store's CPU while the indicator-service ingests. Nothing of the platform asks for it.
	 */
	static final boolean TRACKS_DATA_SIZE = false;

	private final MongoServer server;
	private final int port;

	private LocalMongo(MongoServer server, int port) {
		this.server = server;
		this.port = port;
	}

	public static LocalMongo inMemory() {
		return start(new LocalMemoryBackend(), 0);
	}

	/**
	 * @param file the H2 database file, created when missing
	 * @param port the port, or 0 for a free one
	 */
	public static LocalMongo onDisk(Path file, int port) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return start(LocalH2Backend.open(file.toAbsolutePath().toString(), CACHE_MEGABYTES), port);
	}

	/**
	 * {@code hello} is the MongoDB 5+ name of {@code isMaster}. Drivers and Spring Boot's health check send
	 * it; mongo-java-server only knows the old name.
	 */
	static String asked(String command) {
		return "hello".equalsIgnoreCase(command) ? "isMaster" : command;
	}

	private static LocalMongo start(MongoBackend backend, int port) {
		MongoServer server = new MongoServer(backend);
		int bound = port == 0 ? LocalKafka.freePort() : port;
		server.bind("localhost", bound);
		return new LocalMongo(server, bound);
	}

	public String connectionString() {
		return "mongodb://localhost:" + this.port;
	}

	@Override
	public void close() {
		this.server.shutdown();
	}

}

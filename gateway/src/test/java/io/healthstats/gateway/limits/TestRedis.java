package io.healthstats.gateway.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

/**
 * A real Redis server for the shared rate-limit tests, which a test can make unable to answer and
 * then bring back at the same address.
 */
public interface TestRedis extends AutoCloseable {

	/** The value of {@code gateway.limits.rate-limit.redis.url}. */
	String url();

	/** From now on Redis does not answer. */
	void interrupt();

	/** Redis answers again, at the same address. */
	void resume();

	@Override
	void close();

	/**
	 * The {@code redis-server} 6.2 binary shipped in the embedded-redis jar, as a process of this
	 * machine: no Docker, no download (the linux-amd64 binary needs OpenSSL 3's libssl, which
	 * Debian 12 has). Interrupted by stopping the process (connections refused), resumed by
	 * starting it again on the same port, empty.
	 */
	static TestRedis embedded() {
		return new Embedded(freePort());
	}

	/** {@code redis:7.4-alpine} through Testcontainers. Interrupted by pausing the container: no answers at all. */
	static TestRedis container() {
		return new Container();
	}

	/** Whether Testcontainers finds a Docker daemon, as {@code InfrastructureConfiguration} decides. */
	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
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

	final class Embedded implements TestRedis {

		private final int port;

		private final RedisServer server;

		Embedded(int port) {
			this.port = port;
			try {
				// in memory only: nothing written to the working directory
				this.server = RedisServer.newRedisServer()
					.port(port)
					.bind("127.0.0.1")
					.setting("save \"\"")
					.setting("appendonly no")
					.build();
				this.server.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public String url() {
			return "redis://127.0.0.1:" + this.port;
		}

		@Override
		public void interrupt() {
			stop();
		}

		@Override
		public void resume() {
			try {
				this.server.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			stop();
		}

		private void stop() {
			try {
				if (this.server.isActive()) {
					this.server.stop();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	final class Container implements TestRedis {

		@SuppressWarnings("resource")
		private final GenericContainer<?> redis = new GenericContainer<>("redis:7.4-alpine").withExposedPorts(6379);

		Container() {
			this.redis.start();
		}

		@Override
		public String url() {
			return "redis://" + this.redis.getHost() + ":" + this.redis.getMappedPort(6379);
		}

		@Override
		public void interrupt() {
			this.redis.getDockerClient().pauseContainerCmd(this.redis.getContainerId()).exec();
		}

		@Override
		public void resume() {
			this.redis.getDockerClient().unpauseContainerCmd(this.redis.getContainerId()).exec();
		}

		@Override
		public void close() {
			this.redis.stop();
		}

	}

}

package io.healthstats.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Makes sure only one platform runs: an exclusive lock on {@code <data>/platform.lock} (released by the
 * operating system when the process ends, however it ends), then a check that none of the platform's
 * ports is taken by something else.
 */
final class InstanceGuard implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private InstanceGuard(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * @throws AlreadyRunningException when another launcher holds the lock or a port is in use
	 */
	static InstanceGuard acquire(Path lockFile, List<Integer> ports) {
		FileChannel channel = open(lockFile);
		FileLock lock = tryLock(channel);
		if (lock == null) {
			String owner = read(lockFile);
			close(channel);
			throw new AlreadyRunningException("The platform is already running" + (owner.isBlank() ? "" : " (" + owner + ")")
					+ ": lock " + lockFile + " is held. Stop it with Ctrl-C in its terminal first.");
		}
		InstanceGuard guard = new InstanceGuard(channel, lock);
		for (int port : ports) {
			if (!isFree(port)) {
				guard.close();
				throw new AlreadyRunningException("Port " + port
						+ " is already in use, so the platform (or another program) is already running. "
						+ "Stop it first; `ss -ltnp | grep " + port + "` shows which process holds the port.");
			}
		}
		guard.record("pid " + ProcessHandle.current().pid());
		return guard;
	}

	private void record(String owner) {
		try {
			this.channel.truncate(0);
			this.channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
			this.channel.force(false);
		}
		catch (IOException ex) {
			// only informative for the next launcher's message
		}
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			// A port in TIME_WAIT after the last run is usable again; only a listening socket makes it taken.
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static FileChannel open(Path lockFile) {
		try {
			Files.createDirectories(lockFile.toAbsolutePath().getParent());
			return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open the lock file " + lockFile, ex);
		}
	}

	private static FileLock tryLock(FileChannel channel) {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null; // held by this very JVM
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path lockFile) {
		try {
			return Files.readString(lockFile, StandardCharsets.UTF_8).trim();
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static void close(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// nothing to release
		}
	}

	@Override
	public void close() {
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			// closing the channel releases it as well
		}
		close(this.channel);
	}

	static final class AlreadyRunningException extends RuntimeException {

		AlreadyRunningException(String message) {
			super(message);
		}

	}

}

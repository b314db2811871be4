package io.healthstats.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InstanceGuardTests {

	@TempDir
	Path data;

	@Test
	void refusesASecondInstanceWhileTheFirstHoldsTheLock() {
		Path lock = this.data.resolve("platform.lock");
		try (InstanceGuard first = InstanceGuard.acquire(lock, List.of())) {
			assertThatExceptionOfType(InstanceGuard.AlreadyRunningException.class)
				.isThrownBy(() -> InstanceGuard.acquire(lock, List.of()))
				.withMessageContaining("already running")
				.withMessageContaining("pid " + ProcessHandle.current().pid());
		}
	}

	@Test
	void refusesWhileAnotherProcessHoldsTheLock() throws Exception {
		Path lock = this.data.resolve("platform.lock");
		Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LockHolder.class.getName(), lock.toString())
			.redirectErrorStream(true)
			.start();
		try {
			assertThat(new String(other.getInputStream().readNBytes(6))).isEqualTo("locked");
			assertThatExceptionOfType(InstanceGuard.AlreadyRunningException.class)
				.isThrownBy(() -> InstanceGuard.acquire(lock, List.of()))
				.withMessageContaining("pid " + other.pid());
		}
		finally {
			other.destroyForcibly().waitFor();
		}
		// the operating system released the dead process's lock
		InstanceGuard.acquire(lock, List.of()).close();
	}

	@Test
	void startsAgainOnceTheFirstInstanceStopped() throws IOException {
		Path lock = this.data.resolve("platform.lock");
		InstanceGuard.acquire(lock, List.of()).close();

		try (InstanceGuard again = InstanceGuard.acquire(lock, List.of())) {
			assertThat(Files.readString(lock)).isEqualTo("pid " + ProcessHandle.current().pid());
		}
	}

	@Test
	void refusesToStartWhenAPlatformPortIsTaken() throws IOException {
		Path lock = this.data.resolve("platform.lock");
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			assertThatExceptionOfType(InstanceGuard.AlreadyRunningException.class)
				.isThrownBy(() -> InstanceGuard.acquire(lock, List.of(taken.getLocalPort())))
				.withMessageContaining("Port " + taken.getLocalPort() + " is already in use");
		}
		// the refused attempt let go of the lock
		InstanceGuard.acquire(lock, List.of()).close();
	}

}

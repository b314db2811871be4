package io.healthstats.bench;

import java.util.Optional;

/**
 * A Java agent the bench attaches to the launcher it starts ({@code -javaagent:…=<bench pid>}): when
 * the bench dies without stopping the platform (kill -9, a crash), the launcher exits normally, and
 * its shutdown hook stops the services — no platform is left running on a shared machine.
 *
 * <p>Copied on its own into a small agent jar: it must use the JDK only and declare no nested classes.
 */
public final class BenchWatchdog {

	private BenchWatchdog() {
	}

	public static void premain(String benchPid) {
		long bench = Long.parseLong(benchPid.trim());
		Thread watcher = new Thread(() -> watch(bench), "bench-watchdog");
		watcher.setDaemon(true);
		watcher.start();
	}

	private static void watch(long bench) {
		while (parentIs(bench)) {
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
		System.err.println("[bench-watchdog] bench process " + bench + " is gone; stopping the platform");
		System.exit(0);
	}

	// The parent, not just "is that pid alive": immune to the pid being reused.
	private static boolean parentIs(long bench) {
		Optional<ProcessHandle> parent = ProcessHandle.current().parent();
		return parent.isPresent() && parent.get().pid() == bench && parent.get().isAlive();
	}

}

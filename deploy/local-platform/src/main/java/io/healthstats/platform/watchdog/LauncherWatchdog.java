package io.healthstats.platform.watchdog;

import java.util.Optional;

/**
 * A Java agent the launcher attaches to every service it starts ({@code -javaagent:…=<launcher pid>}).
 * When the launcher disappears without stopping its children (e.g. {@code kill -9}), the service is
 * re-parented; the agent notices and exits the service normally, so its shutdown hooks release its
 * port. This is the part of "no orphan JVMs" a shutdown hook cannot do, done without touching the
 * services' code.
 *
 * <p>Copied on its own into a small agent jar at start-up: it must use the JDK only and declare no
 * nested classes.
 */
public final class LauncherWatchdog {

	private static final long POLL_MILLIS = 1000;

	private static final long HALT_AFTER_MILLIS = 30_000;

	private LauncherWatchdog() {
	}

	public static void premain(String launcherPid) {
		long launcher = Long.parseLong(launcherPid.trim());
		Thread watcher = new Thread(() -> watch(launcher), "launcher-watchdog");
		watcher.setDaemon(true);
		watcher.start();
	}

	private static void watch(long launcher) {
		while (parentIs(launcher)) {
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
		System.err.println("[watchdog] launcher process " + launcher + " is gone; stopping this service");
		Thread halt = new Thread(() -> {
			try {
				Thread.sleep(HALT_AFTER_MILLIS);
			}
			catch (InterruptedException ex) {
				// exiting anyway
			}
			Runtime.getRuntime().halt(1);
		}, "launcher-watchdog-halt");
		halt.setDaemon(true);
		halt.start();
		System.exit(0);
	}

	// Comparing the parent (not just "is that pid alive") is immune to the pid being reused.
	private static boolean parentIs(long launcher) {
		Optional<ProcessHandle> parent = ProcessHandle.current().parent();
		return parent.isPresent() && parent.get().pid() == launcher && parent.get().isAlive();
	}

}

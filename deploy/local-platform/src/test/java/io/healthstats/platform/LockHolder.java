package io.healthstats.platform;

import java.nio.file.Path;
import java.util.List;

/** Another launcher process, for {@link InstanceGuardTests}: takes the lock and keeps it until killed. */
final class LockHolder {

	private LockHolder() {
	}

	public static void main(String[] args) throws InterruptedException {
		InstanceGuard.acquire(Path.of(args[0]), List.of());
		System.out.print("locked");
		System.out.flush();
		Thread.sleep(60_000);
	}

}

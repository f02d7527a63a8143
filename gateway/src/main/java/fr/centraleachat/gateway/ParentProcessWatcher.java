package fr.centraleachat.gateway;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the JVM when the process that launched it is gone, so that a killed launcher does not leave
 * an orphan gateway holding port 8080.
 */
public final class ParentProcessWatcher {

	static final String PARENT_PID_ENV = "CENTRALE_PARENT_PID";

	private static final Logger log = LoggerFactory.getLogger(ParentProcessWatcher.class);

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

	private ParentProcessWatcher() {
	}

	static void startFromEnvironment() {
		String value = System.getenv(PARENT_PID_ENV);
		if (value == null || value.isBlank()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			log.warn("Ignoring {}: '{}' is not a process id", PARENT_PID_ENV, value);
			return;
		}
		Thread watcher = new Thread(() -> watch(pid), "parent-process-watcher");
		watcher.setDaemon(true);
		watcher.start();
	}

	private static void watch(long pid) {
		while (true) {
			boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
			if (!alive) {
				log.info("Parent process {} is gone, shutting down", pid);
				// System.exit runs the shutdown hooks, so the Spring context closes gracefully.
				System.exit(0);
				return;
			}
			try {
				Thread.sleep(POLL_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}

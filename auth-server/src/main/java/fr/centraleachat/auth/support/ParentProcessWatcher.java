package fr.centraleachat.auth.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the JVM when the process that launched it is gone, so that a killed launcher does not leave an
 * orphan server holding port 9000.
 */
public final class ParentProcessWatcher {

	public static final String PARENT_PID_ENV = "CENTRALE_PARENT_PID";

	static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

	private static final Logger log = LoggerFactory.getLogger(ParentProcessWatcher.class);

	private final long parentPid;

	private final Duration interval;

	private final LongPredicate isAlive;

	private final AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();

	private final Runnable onParentGone;

	ParentProcessWatcher(long parentPid, Duration interval, LongPredicate isAlive, Runnable onParentGone) {
		this.parentPid = parentPid;
		this.interval = interval;
		this.isAlive = isAlive;
		this.onParentGone = (onParentGone != null) ? onParentGone : this::exit;
	}

	/**
	 * Starts watching the process named by {@value #PARENT_PID_ENV}, if set.
	 * @return the running watcher, or {@code null} when there is no parent to watch
	 */
	public static ParentProcessWatcher startFromEnvironment(Map<String, String> env) {
		String value = env.get(PARENT_PID_ENV);
		if (value == null || value.isBlank()) {
			return null;
		}
		long pid;
		try {
			pid = Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			log.warn("Ignoring {}: '{}' is not a process id", PARENT_PID_ENV, value);
			return null;
		}
		ParentProcessWatcher watcher = new ParentProcessWatcher(pid, DEFAULT_INTERVAL,
				ParentProcessWatcher::processAlive, null);
		watcher.start();
		return watcher;
	}

	static boolean processAlive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	/** Gives the watcher the context to close gracefully once start-up has completed. */
	public void attach(ConfigurableApplicationContext applicationContext) {
		this.context.set(applicationContext);
	}

	void start() {
		Thread thread = new Thread(this::watch, "parent-process-watcher");
		thread.setDaemon(true);
		thread.start();
	}

	private void watch() {
		while (this.isAlive.test(this.parentPid)) {
			try {
				Thread.sleep(this.interval.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		log.info("Parent process {} is gone, shutting down", this.parentPid);
		this.onParentGone.run();
	}

	private void exit() {
		ConfigurableApplicationContext applicationContext = this.context.get();
		int code = (applicationContext != null) ? SpringApplication.exit(applicationContext) : 0;
		System.exit(code);
	}

}

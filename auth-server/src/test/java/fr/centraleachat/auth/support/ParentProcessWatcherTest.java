package fr.centraleachat.auth.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParentProcessWatcherTest {

	@Test
	void stopsWhenParentProcessDies() throws Exception {
		Process parent = new ProcessBuilder("sleep", "60").start();
		CountDownLatch stopped = new CountDownLatch(1);
		new ParentProcessWatcher(parent.pid(), Duration.ofMillis(50), ParentProcessWatcher::processAlive,
				stopped::countDown)
			.start();

		assertThat(stopped.await(300, TimeUnit.MILLISECONDS)).as("stopped while parent alive").isFalse();
		parent.destroy();
		parent.waitFor(5, TimeUnit.SECONDS);

		assertThat(stopped.await(5, TimeUnit.SECONDS)).as("stopped after parent died").isTrue();
	}

	@Test
	void keepsRunningWhileParentAlive() throws Exception {
		AtomicBoolean stopped = new AtomicBoolean();
		new ParentProcessWatcher(ProcessHandle.current().pid(), Duration.ofMillis(20),
				ParentProcessWatcher::processAlive, () -> stopped.set(true))
			.start();

		Thread.sleep(200);

		assertThat(stopped).isFalse();
	}

	@Test
	void watchesNothingWithoutValidParentPid() {
		assertThat(ParentProcessWatcher.startFromEnvironment(Map.of())).isNull();
		assertThat(ParentProcessWatcher.startFromEnvironment(Map.of(ParentProcessWatcher.PARENT_PID_ENV, " "))).isNull();
		assertThat(ParentProcessWatcher.startFromEnvironment(Map.of(ParentProcessWatcher.PARENT_PID_ENV, "launcher")))
			.isNull();
	}

}

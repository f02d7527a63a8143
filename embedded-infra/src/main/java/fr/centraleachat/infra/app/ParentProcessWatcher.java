package fr.centraleachat.infra.app;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * When started by the local-stack launcher ({@code CENTRALE_PARENT_PID} set), exits if the launcher
 * disappears, e.g. after a {@code kill -9}, so no orphan keeps the ports and data files locked.
 */
class ParentProcessWatcher implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatcher.class);

    static final String PARENT_PID_ENV = "CENTRALE_PARENT_PID";

    @Override
    public void afterPropertiesSet() {
        parentPid().flatMap(ProcessHandle::of).ifPresent(parent -> {
            log.info("Watching parent process {}", parent.pid());
            parent.onExit().thenRun(() -> {
                log.warn("Parent process {} is gone, shutting down", parent.pid());
                // System.exit runs the shutdown hooks, so the servers still close cleanly.
                System.exit(0);
            });
        });
    }

    private static Optional<Long> parentPid() {
        String value = System.getenv(PARENT_PID_ENV);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            log.warn("Ignoring invalid {}={}", PARENT_PID_ENV, value);
            return Optional.empty();
        }
    }
}

package fr.centraleachat.support.operations;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * When started by the local launcher (env {@code CENTRALE_PARENT_PID}), stops this process if the launcher is
 * gone, so that killing the launcher never leaves orphans behind.
 */
public class ParentProcessWatchdog implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ParentProcessWatchdog.class);

    private final ConfigurableApplicationContext contexte;
    private final long pidParent;
    private ScheduledExecutorService executeur;
    private volatile boolean enMarche;

    public ParentProcessWatchdog(ConfigurableApplicationContext contexte, long pidParent) {
        this.contexte = contexte;
        this.pidParent = pidParent;
    }

    @Override
    public void start() {
        Optional<ProcessHandle> parent = ProcessHandle.of(pidParent);
        executeur = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parent-watchdog");
            t.setDaemon(true);
            return t;
        });
        executeur.scheduleWithFixedDelay(() -> {
            if (parent.map(ProcessHandle::isAlive).orElse(false)) {
                return;
            }
            LOG.warn("Launcher process {} is gone, shutting down", pidParent);
            executeur.shutdown();
            new Thread(() -> System.exit(SpringApplication.exit(contexte, () -> 0)), "parent-watchdog-exit").start();
        }, 2, 2, TimeUnit.SECONDS);
        enMarche = true;
    }

    @Override
    public void stop() {
        enMarche = false;
        if (executeur != null) {
            executeur.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return enMarche;
    }
}

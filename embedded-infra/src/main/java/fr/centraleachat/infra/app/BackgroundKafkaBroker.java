package fr.centraleachat.infra.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import fr.centraleachat.infra.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Starts the broker on its own thread as soon as the bean is created, so it boots while the web
 * server and actuator initialise; the context refresh still waits for it (and fails if it fails)
 * in {@link #afterSingletonsInstantiated()}, so the app is never reported ready without Kafka.
 * <p>
 * The broker can then be stopped and started again on the same ports and log directory
 * ({@link #stop()}, {@link #start()}): the control endpoints use it to let fault tests take Kafka
 * away from running services.
 */
class BackgroundKafkaBroker implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundKafkaBroker.class);

    private final Supplier<EmbeddedKafkaBroker> starter;

    private CompletableFuture<EmbeddedKafkaBroker> broker;

    private boolean destroyed;

    BackgroundKafkaBroker(Supplier<EmbeddedKafkaBroker> starter) {
        this.starter = starter;
        this.broker = CompletableFuture.supplyAsync(starter, runnable -> {
            Thread thread = new Thread(runnable, "kafka-bootstrap");
            thread.setDaemon(true);
            thread.start();
        });
    }

    synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("Kafka broker is stopped");
        }
        try {
            return broker.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    synchronized boolean isRunning() {
        return broker != null && broker.isDone() && !broker.isCompletedExceptionally();
    }

    /** Stops the broker (its data stays on disk); does nothing when already stopped. */
    synchronized void stop() {
        if (broker == null) {
            return;
        }
        EmbeddedKafkaBroker running = broker();
        broker = null;
        running.close();
        log.info("Kafka broker stopped on request");
    }

    /** Starts the broker again, same ports and data, and waits until it serves clients; idempotent. */
    synchronized void start() {
        if (destroyed) {
            throw new IllegalStateException("Shutting down");
        }
        if (broker != null) {
            broker();
            return;
        }
        try {
            broker = CompletableFuture.completedFuture(starter.get());
        } catch (RuntimeException e) {
            broker = null;
            throw e;
        }
        log.info("Kafka broker started again on request");
    }

    @Override
    public void afterSingletonsInstantiated() {
        broker();
    }

    @Override
    public void destroy() {
        CompletableFuture<EmbeddedKafkaBroker> current;
        synchronized (this) {
            destroyed = true;
            current = broker;
            broker = null;
        }
        if (current == null) {
            return;
        }
        // Wait for a start in progress so the broker is always shut down cleanly.
        current.handle((started, failure) -> started).join();
        EmbeddedKafkaBroker started = current.getNow(null);
        if (started != null) {
            started.close();
        }
    }
}

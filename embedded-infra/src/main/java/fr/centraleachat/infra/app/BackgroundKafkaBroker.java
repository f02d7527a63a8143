package fr.centraleachat.infra.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import fr.centraleachat.infra.EmbeddedKafkaBroker;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Starts the broker on its own thread as soon as the bean is created, so it boots while the web
 * server and actuator initialise; the context refresh still waits for it (and fails if it fails)
 * in {@link #afterSingletonsInstantiated()}, so the app is never reported ready without Kafka.
 */
class BackgroundKafkaBroker implements SmartInitializingSingleton, DisposableBean {

    private final CompletableFuture<EmbeddedKafkaBroker> broker;

    BackgroundKafkaBroker(Supplier<EmbeddedKafkaBroker> starter) {
        this.broker = CompletableFuture.supplyAsync(starter, runnable -> {
            Thread thread = new Thread(runnable, "kafka-bootstrap");
            thread.setDaemon(true);
            thread.start();
        });
    }

    EmbeddedKafkaBroker broker() {
        try {
            return broker.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        broker();
    }

    @Override
    public void destroy() {
        // Wait for a start in progress so the broker is always shut down cleanly.
        broker.handle((started, failure) -> started).join();
        EmbeddedKafkaBroker started = broker.getNow(null);
        if (started != null) {
            started.close();
        }
    }
}

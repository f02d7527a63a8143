package fr.centraleachat.support.relais;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The one background thread of a relay (the outbox's, the mail queue's): it runs the relay's passes one at a time,
 * each pass saying how long until the next. A pass asked for sooner (a wake-up after a write) replaces the one
 * planned later; one asked for later than the planned one changes nothing. Nothing is planned once stopped.
 */
public final class PassesDeRelais {

    private final String nomThread;
    private final LongSupplier passe;
    private ScheduledExecutorService executeur;
    private volatile boolean enMarche;
    private volatile long repli;
    /** The pass planned next, if any; guarded by this. */
    private ScheduledFuture<?> prochaine;

    /**
     * @param passe runs one pass and answers the delay in ms until the next; it handles its own failures (should one
     *              escape, the next pass still comes, after the first delay)
     */
    public PassesDeRelais(String nomThread, LongSupplier passe) {
        this.nomThread = nomThread;
        this.passe = passe;
    }

    public void demarrer(long premierDelai) {
        executeur = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, nomThread);
            t.setDaemon(true);
            return t;
        });
        repli = premierDelai;
        enMarche = true;
        planifier(premierDelai);
    }

    /** Plans a pass in {@code delai} ms unless one is already planned sooner. */
    public synchronized void planifier(long delai) {
        if (!enMarche) {
            return;
        }
        if (prochaine != null && !prochaine.isDone()) {
            if (prochaine.getDelay(TimeUnit.MILLISECONDS) <= delai) {
                return;
            }
            prochaine.cancel(false);
        }
        prochaine = executeur.schedule(this::executer, delai, TimeUnit.MILLISECONDS);
    }

    private void executer() {
        synchronized (this) {
            // This pass is running: a wake-up from now on plans another one.
            prochaine = null;
        }
        long delai = repli;
        try {
            delai = passe.getAsLong();
        } finally {
            planifier(delai);
        }
    }

    public boolean enMarche() {
        return enMarche;
    }

    /** Plans nothing more and waits for the pass under way, at most {@code attente}; true when it has ended. */
    public boolean arreter(Duration attente) {
        enMarche = false;
        if (executeur == null) {
            return true;
        }
        executeur.shutdown();
        try {
            return executeur.awaitTermination(attente.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Interrupts the pass under way (after {@link #arreter} gave up waiting). */
    public void interrompre() {
        if (executeur != null) {
            executeur.shutdownNow();
        }
    }
}

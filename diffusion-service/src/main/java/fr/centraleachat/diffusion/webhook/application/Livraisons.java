package fr.centraleachat.diffusion.webhook.application;

import fr.centraleachat.diffusion.flux.application.Journalisation;
import fr.centraleachat.diffusion.flux.application.JournalEvenements;
import fr.centraleachat.diffusion.flux.application.LectureFlux;
import fr.centraleachat.diffusion.flux.domain.Curseur;
import fr.centraleachat.diffusion.flux.domain.EvenementJournalise;
import fr.centraleachat.diffusion.flux.domain.FiltreFlux;
import fr.centraleachat.diffusion.flux.domain.PageFlux;
import fr.centraleachat.diffusion.webhook.domain.Abonnement;
import fr.centraleachat.diffusion.webhook.domain.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Pushes the journal to the subscriptions, each in journal order, one event per POST. A subscription is taken by
 * a lease, so two deliverers never serve it at once; the position moves only after the receiver's 2xx, so an
 * event is delivered at least once (again after a crash before the position was saved): receivers de-duplicate by
 * the event id, as feed readers do. Woken by each new journal entry, and every {@code intervalle} otherwise (for
 * retries that come due).
 */
@Service
public class Livraisons implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Livraisons.class);
    static final String ENTETE_ID = "Centrale-Webhook-Id";
    static final String ENTETE_HORODATAGE = "Centrale-Webhook-Timestamp";
    static final String ENTETE_SIGNATURE = "Centrale-Webhook-Signature";
    private static final int PAR_PASSE = 50;
    private static final Duration BAIL = Duration.ofMinutes(2);

    private final Abonnements abonnements;
    private final JournalEvenements journal;
    private final LectureFlux lecture;
    private final ClientWebhook client;
    private final WebhooksProperties proprietes;
    private final Clock horloge;
    private final Semaphore reveil = new Semaphore(0);
    private ExecutorService livreurs;
    private Thread boucle;
    private volatile boolean actif;

    public Livraisons(Abonnements abonnements, JournalEvenements journal, LectureFlux lecture, ClientWebhook client,
            WebhooksProperties proprietes, Clock horloge, Journalisation journalisation) {
        this.abonnements = abonnements;
        this.journal = journal;
        this.lecture = lecture;
        this.client = client;
        this.proprietes = proprietes;
        this.horloge = horloge;
        journalisation.abonner(evenement -> reveiller());
    }

    public void reveiller() {
        if (reveil.availablePermits() == 0) {
            reveil.release();
        }
    }

    /** One pass: every subscription due and behind the head gets what it is owed, in parallel across them. */
    public void passe() throws InterruptedException {
        long tete = journal.tete();
        List<Abonnement> dus = abonnements.prendreDus(horloge.instant(), tete, BAIL, proprietes.livreurs() * 4);
        var taches = dus.stream().map(a -> livreurs.submit(() -> servir(a, tete))).toList();
        for (var tache : taches) {
            try {
                tache.get();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("Webhook delivery pass failed", e.getCause());
            }
        }
    }

    /** Delivers what the subscription is owed, up to the head seen at the start of the pass, then gives it back. */
    void servir(Abonnement abonnement, long tete) {
        // A delivery starts only if it ends within the lease (connection and answer each bounded by delaiReponse):
        // past that, another deliverer may take the subscription. What is left goes at the next pass.
        Instant dernierDepart = horloge.instant().plus(BAIL).minus(proprietes.delaiReponse().multipliedBy(3));
        try {
            while (abonnement.estDu(horloge.instant()) && abonnement.position() < tete) {
                PageFlux page = lecture.lire(new Curseur(abonnement.position()), PAR_PASSE,
                        new FiltreFlux(abonnement.types(), null));
                for (EvenementJournalise evenement : page.evenements()) {
                    if (horloge.instant().isAfter(dernierDepart)) {
                        return;
                    }
                    ClientWebhook.Resultat resultat = livrer(abonnement, evenement);
                    if (!resultat.accepte()) {
                        abonnement.echouer(resultat.erreur() == null ? "HTTP " + resultat.statut()
                                : resultat.erreur(), horloge.instant(), proprietes.tentativesMax());
                        LOG.info("Webhook {} delivery of event {} failed ({} in a row): {}", abonnement.id(),
                                evenement.id(), abonnement.echecsConsecutifs(), abonnement.derniereErreur());
                        abonnements.enregistrer(abonnement);
                        return;
                    }
                    abonnement.avancer(evenement.position(), true, horloge.instant());
                    if (!abonnements.enregistrer(abonnement)) {
                        return;
                    }
                }
                // Past events the filter left out: nothing to deliver, the position still moves.
                abonnement.avancer(page.suivant().position(), false, horloge.instant());
                if (!abonnements.enregistrer(abonnement)) {
                    return;
                }
            }
        } finally {
            abonnements.rendre(abonnement.id());
        }
    }

    private ClientWebhook.Resultat livrer(Abonnement abonnement, EvenementJournalise evenement) {
        long horodatage = horloge.instant().getEpochSecond();
        Map<String, String> entetes = new LinkedHashMap<>();
        entetes.put("Content-Type", "application/cloudevents+json; charset=utf-8");
        entetes.put(ENTETE_ID, evenement.id());
        entetes.put(ENTETE_HORODATAGE, Long.toString(horodatage));
        entetes.put(ENTETE_SIGNATURE, Signature.signer(abonnement.secret(), horodatage, evenement.cloudEvent()));
        return client.envoyer(abonnement.url(), entetes, evenement.cloudEvent());
    }

    @Override
    public void start() {
        actif = true;
        livreurs = Executors.newFixedThreadPool(proprietes.livreurs(), r -> {
            Thread t = new Thread(r, "webhook-livreur");
            t.setDaemon(true);
            return t;
        });
        boucle = new Thread(this::tourner, "webhook-livraisons");
        boucle.setDaemon(true);
        boucle.start();
    }

    private void tourner() {
        while (actif) {
            try {
                passe();
                reveil.tryAcquire(proprietes.intervalle().toMillis(), TimeUnit.MILLISECONDS);
                reveil.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store may be away for a moment: try again at the next interval.
                LOG.warn("Webhook delivery pass failed: {}", e.getMessage());
                try {
                    Thread.sleep(proprietes.intervalle().toMillis());
                } catch (InterruptedException interrompu) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        actif = false;
        if (boucle != null) {
            boucle.interrupt();
        }
        if (livreurs != null) {
            livreurs.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return actif;
    }
}

package fr.centraleachat.catalogue.recherche.application;

import fr.centraleachat.catalogue.contrat.application.ContratProjete;
import fr.centraleachat.catalogue.recherche.domain.EtatContrat;
import fr.centraleachat.catalogue.tarif.application.TarifsEnVigueur;
import fr.centraleachat.catalogue.tarif.application.VersionTarifPubliee;
import fr.centraleachat.catalogue.tarif.domain.VersionTarif;
import fr.centraleachat.support.json.DatesBornees;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps this instance's index equal to the store, from one thread of its own:
 * <ul>
 * <li>at start, and then every {@code centrale.recherche.verification-intervalle}, every contract's fingerprint (its
 * fields and the id of the price-list version in force on its reference day) is compared with the one the index
 * recorded, and each contract that differs is indexed again (so an index missing at start is built, one left by a
 * previous run is caught up, writes made through another instance and versions coming into force at midnight are
 * picked up within one interval);</li>
 * <li>a contract projected, or a version published, through this instance is indexed again at once (an event of
 * this process), and searchable within moments.</li>
 * </ul>
 * Each contract is replaced whole and made visible at once; a failure leaves it to the next verification.
 */
@Service
public class MiseAJourIndex implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(MiseAJourIndex.class);
    /** Lines written between two commits to disk during a long build. */
    private static final long LIGNES_PAR_COMMIT = 200_000;

    private final IndexArticles index;
    private final SourcesCatalogue sources;
    private final TarifsEnVigueur tarifs;
    private final Clock horloge;

    private final Object verrou = new Object();
    /** Contracts to index again, with their state when a verification read it (null: to be read). */
    private final Map<String, EtatContrat> enAttente = new LinkedHashMap<>();
    private boolean verificationDemandee;
    private boolean occupe;
    private volatile boolean arret;
    private Thread travailleur;
    private long lignesNonCommitees;

    public MiseAJourIndex(IndexArticles index, SourcesCatalogue sources, TarifsEnVigueur tarifs, Clock horloge) {
        this.index = index;
        this.sources = sources;
        this.tarifs = tarifs;
        this.horloge = horloge;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void demarrer() {
        synchronized (verrou) {
            if (travailleur != null) {
                return;
            }
            verificationDemandee = true;
            travailleur = new Thread(this::boucle, "recherche-index");
            travailleur.setDaemon(true);
            travailleur.start();
        }
    }

    @EventListener
    public void versionPubliee(VersionTarifPubliee publiee) {
        signaler(publiee.numeroContrat());
    }

    @EventListener
    public void contratProjete(ContratProjete projete) {
        signaler(projete.numero());
    }

    @Scheduled(fixedDelayString = "${centrale.recherche.verification-intervalle:1m}",
            initialDelayString = "${centrale.recherche.verification-intervalle:1m}")
    public void verificationPeriodique() {
        demanderVerification();
    }

    /** Indexes the contract again, as soon as the thread is free. */
    public void signaler(String numero) {
        synchronized (verrou) {
            enAttente.putIfAbsent(numero, null);
            verrou.notifyAll();
        }
    }

    /** Compares the whole index with the store, as soon as the thread is free. */
    public void demanderVerification() {
        synchronized (verrou) {
            verificationDemandee = true;
            verrou.notifyAll();
        }
    }

    /**
     * Waits until everything asked so far is done (nothing pending, nothing running); for tests and operations.
     *
     * @return false when still busy after {@code delai}
     */
    public boolean attendre(Duration delai) throws InterruptedException {
        long fin = System.nanoTime() + delai.toNanos();
        synchronized (verrou) {
            while (occupe || verificationDemandee || !enAttente.isEmpty()) {
                long reste = fin - System.nanoTime();
                if (reste <= 0) {
                    return false;
                }
                verrou.wait(Math.max(1, reste / 1_000_000));
            }
            return true;
        }
    }

    private void boucle() {
        while (!arret) {
            Map<String, EtatContrat> lot;
            boolean verifier;
            synchronized (verrou) {
                occupe = false;
                verrou.notifyAll();
                while (enAttente.isEmpty() && !verificationDemandee && !arret) {
                    try {
                        verrou.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (arret) {
                    return;
                }
                occupe = true;
                verifier = verificationDemandee;
                verificationDemandee = false;
                lot = new LinkedHashMap<>(enAttente);
                enAttente.clear();
            }
            traiter(lot, verifier);
        }
    }

    private void traiter(Map<String, EtatContrat> lot, boolean verifier) {
        LocalDate aujourdhui = LocalDate.ofInstant(horloge.instant(), DatesBornees.PARIS);
        long debut = System.nanoTime();
        boolean complet = true;
        try {
            if (verifier) {
                lot.putAll(perimes(aujourdhui));
            }
        } catch (RuntimeException e) {
            complet = false;
            LOG.warn("Search index not compared with the store (retried at the next verification): {}", e.toString());
        }
        int reindexes = 0;
        long lignes = 0;
        for (Map.Entry<String, EtatContrat> entree : lot.entrySet()) {
            if (arret) {
                return;
            }
            try {
                long indexees = reindexer(entree.getKey(), entree.getValue(), aujourdhui);
                if (indexees >= 0) {
                    lignes += indexees;
                    reindexes++;
                }
            } catch (RuntimeException e) {
                complet = false;
                LOG.warn("Contract {} not indexed (retried at the next verification): {}", entree.getKey(),
                        e.toString());
            }
        }
        try {
            index.publier(true);
            lignesNonCommitees = 0;
            if (verifier && complet && !index.pret()) {
                index.marquerPret();
                LOG.info("Search index built: {} contracts, {} items, in {} ms", reindexes, lignes,
                        (System.nanoTime() - debut) / 1_000_000);
            } else if (reindexes > 0) {
                LOG.info("Search index: {} contract(s) indexed again ({} items) in {} ms", reindexes, lignes,
                        (System.nanoTime() - debut) / 1_000_000);
            }
        } catch (RuntimeException e) {
            LOG.warn("Search index changes not published: {}", e.toString());
        }
    }

    /** The contracts whose fingerprint differs from the index's, and those the index holds but the store no longer. */
    private Map<String, EtatContrat> perimes(LocalDate aujourdhui) {
        Map<String, String> tenues = index.empreintes();
        Set<String> vus = new HashSet<>();
        Map<String, EtatContrat> perimes = new LinkedHashMap<>();
        sources.parcourir(etat -> {
            String numero = etat.contrat().numero();
            vus.add(numero);
            if (!etat.empreinte(aujourdhui).equals(tenues.get(numero))) {
                perimes.put(numero, etat);
            }
        });
        tenues.keySet().stream().filter(numero -> !vus.contains(numero)).forEach(numero -> perimes.put(numero, null));
        return perimes;
    }

    /** Indexes the contract again, or removes it; answers the lines indexed, -1 when it had not changed. */
    private long reindexer(String numero, EtatContrat lu, LocalDate aujourdhui) {
        Optional<EtatContrat> etat = lu != null ? Optional.of(lu) : sources.trouver(numero);
        if (etat.isEmpty()) {
            index.supprimer(numero);
            return 0;
        }
        String empreinte = etat.get().empreinte(aujourdhui);
        if (empreinte.equals(index.empreintes().get(numero))) {
            // Announced, but nothing the index shows changed (e.g. a version effective later).
            return -1;
        }
        Optional<VersionTarif> version = etat.get().versionEnVigueur(aujourdhui);
        long lignes = index.remplacer(etat.get().contrat(), empreinte,
                consommateur -> version.ifPresent(v -> tarifs.parcourir(v, ligne -> {
                    if (arret) {
                        throw new IllegalStateException("service stopping");
                    }
                    consommateur.accept(ligne);
                })));
        lignesNonCommitees += lignes;
        if (index.pret()) {
            index.publier(lignesNonCommitees >= LIGNES_PAR_COMMIT);
        } else if (lignesNonCommitees >= LIGNES_PAR_COMMIT) {
            index.publier(true);
        }
        if (lignesNonCommitees >= LIGNES_PAR_COMMIT) {
            lignesNonCommitees = 0;
        }
        return lignes;
    }

    @Override
    public void destroy() throws InterruptedException {
        Thread fil;
        synchronized (verrou) {
            arret = true;
            verrou.notifyAll();
            fil = travailleur;
        }
        if (fil != null) {
            fil.join(Duration.ofSeconds(30).toMillis());
        }
    }
}

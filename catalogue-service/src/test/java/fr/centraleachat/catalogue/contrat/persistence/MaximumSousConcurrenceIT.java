package fr.centraleachat.catalogue.contrat.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.support.messaging.EvenementsAppliques;
import fr.centraleachat.support.test.InfrastructureDeTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The maximum under concurrency, against the MongoDB wire server the service runs on: many threads reserve at once
 * on one contract, then the invariant is checked (accepted total = consumption ≤ maximum, nothing lost).
 */
class MaximumSousConcurrenceIT {

    private MongoTemplate mongo;
    private ContratsMongo contrats;
    private String numero;

    @BeforeEach
    void contrat() {
        mongo = new MongoTemplate(MongoClients.create(InfrastructureDeTest.mongo().connectionString()),
                "catalogue-concurrence");
        contrats = new ContratsMongo(mongo, new EvenementsAppliques(mongo));
        numero = "2027-" + String.format("%04d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000)) + "-L1";
        LocalDate debut = LocalDate.now().minusDays(1);
        contrats.enregistrerNotification(new Contrat(numero, "c1", 1, "Fournitures", "Papier",
                new Siret("55210055400013"), "Papeterie", Contrat.ACCORD_CADRE_BONS_DE_COMMANDE, "UNITAIRE",
                Montant.de(1000), Montant.de(10_000), null, debut, debut.plusYears(1),
                List.of(new Siren("212106173")), null, null, "FOURNITURES", "MAPA", null, List.of(), null, null),
                UUID.randomUUID().toString());
    }

    @Test
    void rejectsOrdersAboveTheContractMaximumWhateverTheConcurrency() throws Exception {
        int threads = 16;
        int parThread = 40;
        // 640 orders of 37.50 € = 24 000 €, against a maximum of 10 000 €: 266 fit (9 975 €).
        Montant montant = Montant.de("37.50");
        AtomicInteger acceptees = new AtomicInteger();
        AtomicInteger seuils80 = new AtomicInteger();
        ConcurrentHashMap<String, Boolean> bonsAcceptes = new ConcurrentHashMap<>();
        CountDownLatch depart = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> taches = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            taches.add(pool.submit(() -> {
                depart.await();
                for (int i = 0; i < parThread; i++) {
                    String bon = "bon-" + thread + "-" + i;
                    Contrats.Reservation reservation = contrats.reserver(numero, bon, montant);
                    if (reservation.acceptee()) {
                        acceptees.incrementAndGet();
                        bonsAcceptes.put(bon, true);
                        if (contrats.marquerSeuil(numero, 80)) {
                            seuils80.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        depart.countDown();
        for (Future<?> tache : taches) {
            tache.get();
        }
        pool.shutdown();

        Document consommation = mongo.findById(numero, Document.class, "contrats").get("consommation", Document.class);
        long consomme = ((Number) consommation.get("consommeCentimes")).longValue();
        long restant = ((Number) consommation.get("restantCentimes")).longValue();
        assertThat(acceptees.get()).isEqualTo(266);
        assertThat(consomme).isEqualTo(266L * 3750).isLessThanOrEqualTo(1_000_000L);
        assertThat(consomme + restant).isEqualTo(1_000_000L);
        assertThat(consommation.getList("reservations", Document.class)).hasSize(266);
        assertThat(seuils80.get()).as("the 80 %% threshold is announced once").isEqualTo(1);

        // A retried reservation of an accepted order consumes nothing more and answers as accepted.
        String dejaAccepte = bonsAcceptes.keys().nextElement();
        Contrats.Reservation relance = contrats.reserver(numero, dejaAccepte, montant);
        assertThat(relance.acceptee()).isTrue();
        assertThat(relance.nouvelle()).isFalse();
        assertThat(relance.consommeApres()).isEqualTo(Montant.de("9975.00"));
        Contrats.Reservation refusee = contrats.reserver(numero, "un-de-plus", montant);
        assertThat(refusee.acceptee()).isFalse();
        assertThat(refusee.restant()).isEqualTo(Montant.de("25.00"));

        // Giving back is once per order; undoing a reservation only undoes an existing one.
        assertThat(contrats.rendre(numero, dejaAccepte, montant)).isTrue();
        assertThat(contrats.rendre(numero, dejaAccepte, montant)).isFalse();
        contrats.annulerReservation(numero, "inconnu", montant);
        assertThat(contrats.trouver(numero).orElseThrow().consommation().consomme()).isEqualTo(Montant.de("9937.50"));
    }
}

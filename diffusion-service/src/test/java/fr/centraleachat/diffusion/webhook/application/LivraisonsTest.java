package fr.centraleachat.diffusion.webhook.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.support.test.HorlogeReglable;
import fr.centraleachat.diffusion.flux.application.JournalEvenements;
import fr.centraleachat.diffusion.flux.application.Journalisation;
import fr.centraleachat.diffusion.flux.application.LectureFlux;
import fr.centraleachat.diffusion.flux.domain.EvenementAJournaliser;
import fr.centraleachat.diffusion.flux.domain.EvenementJournalise;
import fr.centraleachat.diffusion.flux.domain.FiltreFlux;
import fr.centraleachat.diffusion.webhook.domain.Abonnement;
import fr.centraleachat.diffusion.webhook.domain.UrlWebhook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LivraisonsTest {

    static final class Journal implements JournalEvenements {
        final List<EvenementJournalise> evenements = new ArrayList<>();

        @Override
        public EvenementJournalise ajouter(EvenementAJournaliser e) {
            EvenementJournalise journalise = e.a(evenements.size() + 1);
            evenements.add(journalise);
            return journalise;
        }

        @Override
        public List<EvenementJournalise> ajouterTous(List<EvenementAJournaliser> lot) {
            return lot.stream().map(this::ajouter).toList();
        }

        @Override
        public long tete() {
            return evenements.size();
        }

        @Override
        public List<EvenementJournalise> entre(long apres, long jusqua, FiltreFlux filtre) {
            return evenements.stream().filter(e -> e.position() > apres && e.position() <= jusqua).toList();
        }
    }

    /** Only what a deliverer uses: saving progress and giving the subscription back. */
    static final class Stockage implements Abonnements {
        int enregistrements;
        boolean rendu;

        @Override
        public boolean enregistrer(Abonnement abonnement) {
            enregistrements++;
            return true;
        }

        @Override
        public void rendre(String id) {
            rendu = true;
        }

        @Override
        public void creer(Abonnement abonnement) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Abonnement> trouver(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean supprimer(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Abonnement> deProprietaire(String proprietaire, int decalage, int taille) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long compterDeProprietaire(String proprietaire) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Abonnement> tous(int decalage, int taille) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long compterTous() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Abonnement> prendreDus(Instant maintenant, long tete, Duration bail, int nombre) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void startsNoDeliveryThatCouldOutlastItsLeaseAndLeavesTheRestForTheNextPass() {
        HorlogeReglable horloge = new HorlogeReglable(Instant.parse("2027-01-15T10:00:00Z"));
        Journal journal = new Journal();
        for (int i = 0; i < 5; i++) {
            journal.ajouter(new EvenementAJournaliser("e" + i, "T", "s", "{}"));
        }
        Stockage stockage = new Stockage();
        List<String> livres = new ArrayList<>();
        ClientWebhook lent = (url, entetes, corps) -> {
            livres.add(entetes.get(Livraisons.ENTETE_ID));
            horloge.avancer(Duration.ofSeconds(40));
            return new ClientWebhook.Resultat(204, null);
        };
        // Lease 2 min, 5 s per connection and per answer: no delivery starts after 105 s.
        Livraisons livraisons = new Livraisons(stockage, journal, new LectureFlux(journal), lent,
                new WebhooksProperties(10, Duration.ofMillis(500), Duration.ofSeconds(5), 20, 1, false), horloge,
                new Journalisation(journal));
        Abonnement abonnement = Abonnement.creer("a1", "si", UrlWebhook.de("https://si.example.fr/h"), Set.of(),
                "secret", 0, horloge.instant());

        livraisons.servir(abonnement, journal.tete());

        assertThat(livres).containsExactly("e0", "e1", "e2");
        assertThat(abonnement.position()).isEqualTo(3);
        assertThat(stockage.rendu).isTrue();
    }
}

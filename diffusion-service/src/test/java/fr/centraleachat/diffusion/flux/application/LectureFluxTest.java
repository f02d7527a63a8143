package fr.centraleachat.diffusion.flux.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.diffusion.flux.domain.Curseur;
import fr.centraleachat.diffusion.flux.domain.EvenementAJournaliser;
import fr.centraleachat.diffusion.flux.domain.EvenementJournalise;
import fr.centraleachat.diffusion.flux.domain.FiltreFlux;
import fr.centraleachat.diffusion.flux.domain.PageFlux;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LectureFluxTest {

    /** The journal's contract, in memory: ids once, consecutive positions. */
    static final class JournalEnMemoire implements JournalEvenements {
        final List<EvenementJournalise> evenements = new ArrayList<>();

        @Override
        public EvenementJournalise ajouter(EvenementAJournaliser e) {
            if (evenements.stream().anyMatch(x -> x.id().equals(e.id()))) {
                return null;
            }
            EvenementJournalise journalise = e.a(evenements.size() + 1);
            evenements.add(journalise);
            return journalise;
        }

        @Override
        public List<EvenementJournalise> ajouterTous(List<EvenementAJournaliser> lot) {
            return lot.stream().map(this::ajouter).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public long tete() {
            return evenements.size();
        }

        @Override
        public List<EvenementJournalise> entre(long apres, long jusqua, FiltreFlux filtre) {
            return evenements.stream().filter(e -> e.position() > apres && e.position() <= jusqua)
                    .filter(filtre::accepte).toList();
        }
    }

    private final JournalEnMemoire journal = new JournalEnMemoire();
    private final LectureFlux lecture = new LectureFlux(journal);

    private void journaliser(int nombre, String type) {
        for (int i = 0; i < nombre; i++) {
            journal.ajouter(new EvenementAJournaliser("e" + journal.tete(), type, "s" + (journal.tete() % 3), "{}"));
        }
    }

    @Test
    void readsEverythingInOrderPageByPageWithoutLossNorRepeat() {
        journaliser(2_500, "T");
        List<Long> lues = new ArrayList<>();
        Curseur curseur = Curseur.DEBUT;
        PageFlux page;
        do {
            page = lecture.lire(curseur, 1000, FiltreFlux.TOUT);
            page.evenements().forEach(e -> lues.add(e.position()));
            curseur = Curseur.lire(page.suivant().texte());
        } while (!page.aJour());
        assertThat(lues).hasSize(2_500).isSorted().doesNotHaveDuplicates();
        assertThat(lecture.lire(curseur, 10, FiltreFlux.TOUT).evenements()).isEmpty();
    }

    @Test
    void aSparseFilterStopsAfterABoundedScanAndGoesOnFromWhereItStopped() {
        journaliser(LectureFlux.EXAMINES_MAX + 500, "Frequent");
        journaliser(1, "Rare");
        PageFlux premiere = lecture.lire(Curseur.DEBUT, 10, new FiltreFlux(Set.of("Rare"), null));
        assertThat(premiere.evenements()).isEmpty();
        assertThat(premiere.aJour()).isFalse();
        assertThat(premiere.suivant().position()).isEqualTo(LectureFlux.EXAMINES_MAX);
        PageFlux seconde = lecture.lire(premiere.suivant(), 10, new FiltreFlux(Set.of("Rare"), null));
        assertThat(seconde.evenements()).extracting(EvenementJournalise::type).containsExactly("Rare");
        assertThat(seconde.aJour()).isTrue();
    }

    @Test
    void filtersBySubject() {
        journaliser(30, "T");
        PageFlux page = lecture.lire(Curseur.DEBUT, 100, FiltreFlux.de(null, "s1"));
        assertThat(page.evenements()).hasSize(10).allMatch(e -> "s1".equals(e.sujet()));
    }

    @Test
    void refusesALimitOutOfBoundsAndACursorBeyondTheJournal() {
        journaliser(3, "T");
        assertThatThrownBy(() -> lecture.lire(Curseur.DEBUT, 1001, FiltreFlux.TOUT))
                .isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> lecture.lire(Curseur.DEBUT, 0, FiltreFlux.TOUT))
                .isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> lecture.lire(new Curseur(4), 10, FiltreFlux.TOUT))
                .isInstanceOf(ValeurInvalideException.class).hasMessageContaining("au-delà");
    }
}

package fr.centraleachat.support.membre;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.kernel.membre.DescriptionMembre;
import fr.centraleachat.kernel.membre.Membre;
import fr.centraleachat.kernel.membre.StatutMembre;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.membre.Membres.Enregistrement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectionMembresTest {

    private static final Siren TALANT = new Siren("212106173");
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final DescriptionMembre DESCRIPTION = new DescriptionMembre("a-1", "Talant", "COMMUNE",
            List.of("INFORMATIQUE_TELECOMS"), "PASSATION", LocalDate.of(2026, 11, 1));

    private final Stockage stockage = new Stockage();
    private final ProjectionMembres projection = new ProjectionMembres(stockage);

    @Test
    void decidesAgainWhenAnotherEventChangedTheMemberBetweenReadAndWrite() {
        projection.activer("e1", TALANT, DESCRIPTION, T0);
        // Between the read and the write of the activation at T0+10, a suspension at T0+20 is stored.
        stockage.avantLaProchaineEcriture = () -> stockage.parSiren.put(TALANT,
                Membre.reconstituer(TALANT, DESCRIPTION, StatutMembre.SUSPENDUE, T0.plusSeconds(20)));

        boolean applique = projection.reprendre("e2", TALANT, T0.plusSeconds(10));

        assertThat(applique).as("older than the suspension once read again").isFalse();
        assertThat(stockage.parSiren.get(TALANT).statut()).contains(StatutMembre.SUSPENDUE);
        assertThat(stockage.ecritures).containsExactly("e1", "e2 refused");
    }

    @Test
    void appliesAfterAConflictWhenTheEventIsStillTheNewest() {
        projection.activer("e1", TALANT, DESCRIPTION, T0);
        stockage.avantLaProchaineEcriture = () -> stockage.parSiren.put(TALANT,
                Membre.reconstituer(TALANT, DESCRIPTION, StatutMembre.SUSPENDUE, T0.plusSeconds(5)));

        assertThat(projection.resilier("e2", TALANT, T0.plusSeconds(10))).isTrue();
        assertThat(stockage.parSiren.get(TALANT).statut()).contains(StatutMembre.RESILIEE);
        assertThat(stockage.ecritures).containsExactly("e1", "e2 refused", "e2");
    }

    /** Compare-and-set on the last update time, as MembresMongo does in one conditional upsert. */
    private static final class Stockage implements Membres {

        final Map<Siren, Membre> parSiren = new HashMap<>();
        final List<String> ecritures = new ArrayList<>();
        Runnable avantLaProchaineEcriture;

        @Override
        public Optional<Membre> trouver(Siren siren) {
            return Optional.ofNullable(parSiren.get(siren)).map(m -> Membre.reconstituer(m.siren(),
                    m.description().orElse(null), m.statut().orElse(null), m.derniereMiseAJour().orElse(null)));
        }

        @Override
        public Enregistrement enregistrer(Membre membre, Optional<Instant> miseAJourLue, String evenementId) {
            if (avantLaProchaineEcriture != null) {
                avantLaProchaineEcriture.run();
                avantLaProchaineEcriture = null;
            }
            Optional<Instant> stockee = Optional.ofNullable(parSiren.get(membre.siren()))
                    .flatMap(Membre::derniereMiseAJour);
            if (!stockee.equals(miseAJourLue)) {
                ecritures.add(evenementId + " refused");
                return Enregistrement.MODIFIE_ENTRE_TEMPS;
            }
            parSiren.put(membre.siren(), membre);
            ecritures.add(evenementId);
            return Enregistrement.ENREGISTRE;
        }

        @Override
        public List<Membre> actifs() {
            throw new UnsupportedOperationException("not read by the projection");
        }

        @Override
        public List<Membre> parmi(Collection<Siren> sirens) {
            throw new UnsupportedOperationException("not read by the projection");
        }
    }
}

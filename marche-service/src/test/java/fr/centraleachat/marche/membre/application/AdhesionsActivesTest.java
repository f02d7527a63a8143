package fr.centraleachat.marche.membre.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.support.test.MembresEnMemoire;
import fr.centraleachat.kernel.Siren;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdhesionsActivesTest {

    private static final Siren DIJON = new Siren("212102313");
    private static final Siren TALANT = new Siren("212106173");
    private static final Siren INCONNU = new Siren("732829320");

    @Test
    void namesEveryBeneficiaryWithoutAnActiveAdhesionInTheOrderGiven() {
        MembresEnMemoire membres = new MembresEnMemoire().actif(DIJON, "Dijon").actif(TALANT, "Talant").suspendu(TALANT);

        var refus = new AdhesionsActives(membres).refusParmi(List.of(INCONNU, DIJON, TALANT));

        assertThat(refus).containsExactly(
                java.util.Map.entry(INCONNU, "aucune adhésion active connue à la centrale"),
                java.util.Map.entry(TALANT, "adhésion suspendue"));
    }

    @Test
    void admitsActiveMembersOnly() {
        MembresEnMemoire membres = new MembresEnMemoire().actif(DIJON, "Dijon");

        assertThat(new AdhesionsActives(membres).refusParmi(List.of(DIJON))).isEmpty();
    }
}

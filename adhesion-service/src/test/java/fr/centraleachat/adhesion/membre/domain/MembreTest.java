package fr.centraleachat.adhesion.membre.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.CodeInsee;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MembreTest {

    @Test
    void registersCommuneWithItsInseeCode() {
        Membre talant = Membre.enregistrer(new Siren("212106173"), " Talant ", TypeMembre.COMMUNE,
                Optional.of(new CodeInsee("21617")), false);

        assertThat(talant.nom()).isEqualTo("Talant");
        assertThat(talant.evenementsEnAttente()).containsExactly(
                new MembreEnregistre(new Siren("212106173"), "Talant", TypeMembre.COMMUNE));
    }

    @Test
    void rejectsCommuneWithoutInseeCode() {
        assertThatThrownBy(() -> Membre.enregistrer(new Siren("212106173"), "Talant", TypeMembre.COMMUNE,
                Optional.empty(), false))
                .isInstanceOf(RegleMetierException.class)
                .extracting(e -> ((RegleMetierException) e).champ()).isEqualTo("codeInsee");
    }

    @Test
    void acceptsCcasWithoutInseeCode() {
        Membre ccas = Membre.enregistrer(new Siren("212106173"), "CCAS de Talant", TypeMembre.CCAS, Optional.empty(),
                false);

        assertThat(ccas.codeInsee()).isEmpty();
    }

    @Test
    void rejectsBlankName() {
        assertThatThrownBy(() -> Membre.enregistrer(new Siren("212106173"), " ", TypeMembre.EPL, Optional.empty(), false))
                .isInstanceOf(ValeurInvalideException.class)
                .extracting(e -> ((ValeurInvalideException) e).champ()).isEqualTo("nom");
    }

    @Test
    void partnerEpciJoinsGroupementsButCannotAdhere() {
        Membre epci = Membre.enregistrer(new Siren("212106173"), "CC Ouche et Montagne", TypeMembre.EPCI_PARTENAIRE,
                Optional.empty(), false);

        assertThat(epci.type().peutAdherer()).isFalse();
        assertThat(TypeMembre.EPCI.peutAdherer()).isTrue();
        assertThat(TypeMembre.COMMUNE.peutAdherer()).isTrue();
    }
}

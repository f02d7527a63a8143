package fr.centraleachat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComptesFournisseursTest {

    @Test
    void checksSiretsAndSirensAsThePlatformDoes() {
        assertThat(ComptesFournisseurs.valide("73282932000074")).isTrue();
        assertThat(ComptesFournisseurs.valide("73282932000075")).isFalse();
        assertThat(ComptesFournisseurs.valide("732829320")).isTrue();
    }

    @Test
    void everyAccountHasItsOwnValidSiretWhoseSirenIsValidToo() {
        List<ComptesFournisseurs.Compte> comptes = ComptesFournisseurs.comptes(200);
        assertThat(comptes).hasSize(200);
        assertThat(comptes.get(0).identifiant()).isEqualTo("bench-fournisseur-001");
        assertThat(new HashSet<>(comptes.stream().map(ComptesFournisseurs.Compte::siret).toList())).hasSize(200);
        for (ComptesFournisseurs.Compte compte : comptes) {
            assertThat(compte.siret()).matches("\\d{14}").doesNotStartWith("356000000");
            assertThat(ComptesFournisseurs.valide(compte.siret())).isTrue();
            assertThat(ComptesFournisseurs.valide(compte.siret().substring(0, 9))).isTrue();
        }
    }

    @Test
    void yamlAddsUsersUnderTheAuthServersMap() {
        String yaml = ComptesFournisseurs.yaml(ComptesFournisseurs.comptes(2));
        assertThat(yaml).contains("centrale:\n  auth:\n    users:\n      bench-fournisseur-001:\n"
                + "        password: \"{noop}bench-fournisseur-001\"\n        roles: [FOURNISSEUR]\n        siret: \"");
    }
}

package fr.centraleachat.catalogue.membre.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.support.test.MembresEnMemoire;
import fr.centraleachat.kernel.membre.DescriptionMembre;
import fr.centraleachat.kernel.membre.Membre;
import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembresActifsTest {

    private static final Siren DIJON = new Siren("212102313");
    private static final Siren TALANT = new Siren("212106173");

    private static final PageDemandee PAGE = PageDemandee.premiere();

    private final MembresEnMemoire membres = new MembresEnMemoire();
    private final MembresActifs membresActifs = new MembresActifs(membres);

    MembresActifsTest() {
        membres.ajouter(actif(DIJON, "Dijon"));
        membres.ajouter(actif(TALANT, "Talant"));
    }

    @Test
    void staffAndDataReadersSeeEveryActiveMember() {
        assertThat(sirens(membresActifs.lister(PAGE, acteur(Set.of(Role.ACHETEUR), null, Set.of())))).containsExactly(DIJON, TALANT);
        assertThat(sirens(membresActifs.lister(PAGE, acteur(Set.of(Role.ADMIN), null, Set.of())))).containsExactly(DIJON, TALANT);
        assertThat(sirens(membresActifs.lister(PAGE, acteur(Set.of(), null, Set.of("data:read"))))).containsExactly(DIJON, TALANT);
    }

    @Test
    void agentSeesOnlyItsOwnMember() {
        assertThat(sirens(membresActifs.lister(PAGE, acteur(Set.of(Role.AGENT), TALANT, Set.of())))).containsExactly(TALANT);
        assertThat(membresActifs.consulter(TALANT, acteur(Set.of(Role.AGENT), TALANT, Set.of())).siren()).isEqualTo(TALANT);
    }

    @Test
    void rejectsAgentOfAnotherMemberAsIfItDidNotExist() {
        assertThatThrownBy(() -> membresActifs.consulter(DIJON, acteur(Set.of(Role.AGENT), TALANT, Set.of())))
                .isInstanceOf(RessourceIntrouvableException.class);
    }

    @Test
    void refusesSuppliersAndClientsWithoutTheReadScope() {
        var fournisseur = new Acteur("f", Set.of(Role.FOURNISSEUR), Optional.empty(),
                Optional.of(new Siret("73282932000074")), Set.of());
        assertThatThrownBy(() -> membresActifs.lister(PAGE, fournisseur)).isInstanceOf(AccesRefuseException.class);
        assertThatThrownBy(() -> membresActifs.consulter(DIJON, acteur(Set.of(), null, Set.of("events:read"))))
                .isInstanceOf(AccesRefuseException.class);
    }

    @Test
    void suspendedMemberIsNotActive() {
        Membre talant = membres.trouver(TALANT).orElseThrow();
        talant.suspendre(Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(sirens(membresActifs.lister(PAGE, acteur(Set.of(Role.ACHETEUR), null, Set.of())))).containsExactly(DIJON);
        assertThatThrownBy(() -> membresActifs.consulter(TALANT, acteur(Set.of(Role.AGENT), TALANT, Set.of())))
                .isInstanceOf(RessourceIntrouvableException.class);
        assertThat(membresActifs.lister(PAGE, acteur(Set.of(Role.AGENT), TALANT, Set.of())).elements()).isEmpty();
    }

    @Test
    void listsActiveMembersInFrenchAlphabeticalOrderOnStablePages() {
        Siren fenay = new Siren("212102727");
        Siren fontaine = new Siren("212102784");
        Siren flavignerot = new Siren("212102743");
        membres.ajouter(actif(fontaine, "Fontaine-lès-Dijon"));
        membres.ajouter(actif(fenay, "Fénay"));
        membres.ajouter(actif(flavignerot, "Flavignerot"));
        Acteur acheteur = acteur(Set.of(Role.ACHETEUR), null, Set.of());

        assertThat(sirens(membresActifs.lister(PAGE, acheteur))).containsExactly(DIJON, fenay, flavignerot, fontaine, TALANT);

        PageVue<Membre> seconde = membresActifs.lister(new PageDemandee(1, 2), acheteur);
        assertThat(sirens(seconde)).containsExactly(flavignerot, fontaine);
        assertThat(seconde.total()).isEqualTo(5);
        assertThat(sirens(membresActifs.lister(new PageDemandee(3, 2), acheteur))).isEmpty();
    }

    private static Acteur acteur(Set<Role> roles, Siren membre, Set<String> scopes) {
        return new Acteur("sujet", roles, Optional.ofNullable(membre), Optional.empty(), scopes);
    }

    private static List<Siren> sirens(PageVue<Membre> page) {
        return page.elements().stream().map(Membre::siren).toList();
    }

    private static Membre actif(Siren siren, String nom) {
        Membre membre = Membre.inconnu(siren);
        membre.activer(new DescriptionMembre("adh-" + nom, nom, "COMMUNE", List.of("INFORMATIQUE"), "PASSATION",
                LocalDate.of(2026, 11, 1)), Instant.parse("2026-11-01T00:00:00Z"));
        return membre;
    }
}

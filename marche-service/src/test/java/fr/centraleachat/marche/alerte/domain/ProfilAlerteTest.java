package fr.centraleachat.marche.alerte.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilAlerteTest {

    private static final Instant LE = Instant.parse("2026-12-01T09:00:00Z");

    /** Office supplies in the Côte-d'Or: main code 30192000-1, lot 1 on paper (30197630-1), lot 2 without a code. */
    private static final AvisConsultation FOURNITURES_DE_BUREAU = new AvisConsultation("c1",
            "Fournitures de bureau et équipements pour l'Hôtel de Ville", Nature.FOURNITURES, new CodeCpv("30192000-1"),
            List.of(new AvisConsultation.LotAvis(1, "Papiers recyclés", new CodeCpv("30197630-1")),
                    new AvisConsultation.LotAvis(2, "Petites fournitures", new CodeCpv("30192000-1"))),
            new Departement("21"), Procedure.APPEL_OFFRES_OUVERT, Instant.parse("2027-01-15T11:00:00Z"));

    @Test
    void aProfileWithoutCriteriaMatchesEveryConsultation() {
        assertThat(profil(CriteresAlerte.aucun()).correspond(FOURNITURES_DE_BUREAU)).isTrue();
    }

    @Test
    void cpvPrefixesMatchTheMainCodeOrALotsCodeOnTheirLeadingDigits() {
        assertThat(cpv("301").correspond(FOURNITURES_DE_BUREAU)).isTrue();
        assertThat(cpv("30192").correspond(FOURNITURES_DE_BUREAU)).isTrue();
        // Only lot 1 is under 30197.
        assertThat(cpv("30197").correspond(FOURNITURES_DE_BUREAU)).isTrue();
        assertThat(cpv("302").correspond(FOURNITURES_DE_BUREAU)).isFalse();
        assertThat(cpv("45", "33").correspond(FOURNITURES_DE_BUREAU)).isFalse();
        assertThat(cpv("45", "3019").correspond(FOURNITURES_DE_BUREAU)).isTrue();
    }

    @Test
    void aFullCpvCodeCoversItsNodeOfTheTreeWithoutItsCheckDigit() {
        // 30190000-7 is class 3019: both codes of the consultation are below it.
        assertThat(cpv("30190000-7").correspond(FOURNITURES_DE_BUREAU)).isTrue();
        assertThat(new PrefixeCpv("30190000-7").chiffres()).isEqualTo("3019");
        assertThat(new PrefixeCpv("30000000-9").chiffres()).isEqualTo("30");
        assertThat(new PrefixeCpv("30197630-1").couvre(new CodeCpv("30197630-1"))).isTrue();
        assertThat(new PrefixeCpv("30197630-1").couvre(new CodeCpv("30192000-1"))).isFalse();
        // 33141000-0 (medical consumables) is elsewhere in the tree.
        assertThat(cpv("33141000-0").correspond(FOURNITURES_DE_BUREAU)).isFalse();
    }

    @Test
    void refusesACpvEntryThatIsNeitherACodeNorAPrefix() {
        assertThatThrownBy(() -> new PrefixeCpv("30192000-2")).isInstanceOf(ValeurInvalideException.class)
                .hasMessageContaining("clé de contrôle");
        for (String invalide : new String[] {"3", "301920001", "30-192", "abc", "", " 301"}) {
            assertThatThrownBy(() -> new PrefixeCpv(invalide)).as(invalide)
                    .isInstanceOf(ValeurInvalideException.class).hasMessageContaining("préfixe de 2 à 8 chiffres");
        }
    }

    @Test
    void naturesMatchTheConsultationsNature() {
        assertThat(profil(new CriteresAlerte(List.of(), List.of(Nature.FOURNITURES, Nature.SERVICES), List.of(),
                List.of())).correspond(FOURNITURES_DE_BUREAU)).isTrue();
        assertThat(profil(new CriteresAlerte(List.of(), List.of(Nature.TRAVAUX), List.of(), List.of()))
                .correspond(FOURNITURES_DE_BUREAU)).isFalse();
    }

    @Test
    void keywordsAreFoundInTheObjetOrALotsTitleWhateverTheAccentsAndCase() {
        assertThat(motsCles("EQUIPEMENT").correspond(FOURNITURES_DE_BUREAU)).isTrue();
        assertThat(motsCles("hôtel de ville").correspond(FOURNITURES_DE_BUREAU)).isTrue();
        assertThat(motsCles("papier").correspond(FOURNITURES_DE_BUREAU)).isTrue();
        assertThat(motsCles("recycles").correspond(FOURNITURES_DE_BUREAU)).isTrue();
        assertThat(motsCles("mobilier", "Petites").correspond(FOURNITURES_DE_BUREAU)).isTrue();
        assertThat(motsCles("mobilier").correspond(FOURNITURES_DE_BUREAU)).isFalse();
        // At the start of a word only: « ville » is there, « ille » is not a word of it.
        assertThat(motsCles("ille").correspond(FOURNITURES_DE_BUREAU)).isFalse();
    }

    @Test
    void departementsMatchThePlaceOfExecution() {
        assertThat(profil(new CriteresAlerte(List.of(), List.of(), List.of(),
                List.of(new Departement("71"), new Departement("21")))).correspond(FOURNITURES_DE_BUREAU)).isTrue();
        assertThat(profil(new CriteresAlerte(List.of(), List.of(), List.of(), List.of(new Departement("2A"))))
                .correspond(FOURNITURES_DE_BUREAU)).isFalse();
    }

    @Test
    void everyCriterionSetMustMatch() {
        PrefixeCpv bureau = new PrefixeCpv("301");
        assertThat(profil(new CriteresAlerte(List.of(bureau), List.of(Nature.FOURNITURES), List.of(new MotCle("papier")),
                List.of(new Departement("21")))).correspond(FOURNITURES_DE_BUREAU)).isTrue();
        assertThat(profil(new CriteresAlerte(List.of(bureau), List.of(Nature.FOURNITURES), List.of(new MotCle("papier")),
                List.of(new Departement("71")))).correspond(FOURNITURES_DE_BUREAU)).isFalse();
        assertThat(profil(new CriteresAlerte(List.of(bureau), List.of(Nature.TRAVAUX), List.of(new MotCle("papier")),
                List.of(new Departement("21")))).correspond(FOURNITURES_DE_BUREAU)).isFalse();
    }

    @Test
    void acceptsEveryFrenchDepartementCodeAndNothingElse() {
        for (String code : new String[] {"01", "19", "2A", "2B", "21", "71", "95", "971", "974", "976"}) {
            assertThat(new Departement(code).code()).isEqualTo(code);
        }
        for (String code : new String[] {"00", "20", "96", "2C", "2a", "970", "977", "1", "210", " 21", ""}) {
            assertThatThrownBy(() -> new Departement(code)).as(code).isInstanceOf(ValeurInvalideException.class)
                    .hasMessageContaining("n'existe pas");
        }
    }

    @Test
    void boundsTheCriteriaAndDropsDuplicates() {
        List<PrefixeCpv> cinquanteEtUn = java.util.stream.IntStream.range(10, 61)
                .mapToObj(i -> new PrefixeCpv(String.valueOf(i))).toList();
        assertThatThrownBy(() -> new CriteresAlerte(cinquanteEtUn, List.of(), List.of(), List.of()))
                .isInstanceOf(ValeurInvalideException.class).hasMessageContaining("au plus 50");
        List<MotCle> vingtEtUn = java.util.stream.IntStream.range(0, 21).mapToObj(i -> new MotCle("mot" + i)).toList();
        assertThatThrownBy(() -> new CriteresAlerte(List.of(), List.of(), vingtEtUn, List.of()))
                .isInstanceOf(ValeurInvalideException.class).hasMessageContaining("au plus 20 mots-clés");
        assertThatThrownBy(() -> new MotCle("x".repeat(51))).isInstanceOf(ValeurInvalideException.class)
                .hasMessageContaining("50 caractères");
        assertThatThrownBy(() -> new MotCle("--")).isInstanceOf(ValeurInvalideException.class);
        CriteresAlerte criteres = new CriteresAlerte(List.of(new PrefixeCpv("301"), new PrefixeCpv("301")),
                List.of(Nature.SERVICES, Nature.FOURNITURES, Nature.SERVICES), List.of(), List.of());
        assertThat(criteres.cpv()).containsExactly(new PrefixeCpv("301"));
        assertThat(criteres.natures()).containsExactly(Nature.FOURNITURES, Nature.SERVICES);
    }

    @Test
    void acceptsBareEmailAddressesOnly() {
        assertThat(new AdresseCourriel("appels-offres@papeterie-dijon.fr").valeur())
                .isEqualTo("appels-offres@papeterie-dijon.fr");
        for (String invalide : new String[] {"sans-arobase", "Nom <a@b.fr>", "a@b", "a b@c.fr", "a@b.fr\r\nBcc: x@y.fr",
                ".a@b.fr", "a..b@c.fr", "a@-b.fr", "x".repeat(250) + "@b.fr"}) {
            assertThatThrownBy(() -> new AdresseCourriel(invalide)).as(invalide)
                    .isInstanceOf(ValeurInvalideException.class);
        }
    }

    @Test
    void aSupplierKeepsAtMostTenProfilesAndChangesOnlyThoseItHas() {
        AlertesFournisseur alertes = AlertesFournisseur.nouvelles(new fr.centraleachat.kernel.Siret("73282932000074"));
        for (int i = 0; i < AlertesFournisseur.PROFILS_MAX; i++) {
            alertes.ajouter("p" + i, "Profil " + i, new AdresseCourriel("veille@papeterie.fr"), CriteresAlerte.aucun(),
                    LE);
        }
        assertThatThrownBy(() -> alertes.ajouter("p10", "De trop", new AdresseCourriel("veille@papeterie.fr"),
                CriteresAlerte.aucun(), LE)).isInstanceOf(ValeurInvalideException.class)
                .hasMessageContaining("au plus 10 profils");
        ProfilAlerte modifie = alertes.modifier("p3", "Papier", new AdresseCourriel("achats@papeterie.fr"),
                CriteresAlerte.aucun(), LE.plusSeconds(60));
        assertThat(modifie.creeLe()).isEqualTo(LE);
        assertThat(modifie.modifieLe()).isEqualTo(LE.plusSeconds(60));
        assertThat(alertes.adresses()).extracting(AdresseCourriel::valeur)
                .containsExactly("veille@papeterie.fr", "achats@papeterie.fr");
        alertes.supprimer("p3");
        assertThat(alertes.profils()).hasSize(9);
        assertThatThrownBy(() -> alertes.supprimer("p3"))
                .isInstanceOf(fr.centraleachat.kernel.RessourceIntrouvableException.class);
        assertThatThrownBy(() -> new ProfilAlerte("p", "deux\nlignes", new AdresseCourriel("a@b.fr"),
                CriteresAlerte.aucun(), LE, LE)).isInstanceOf(ValeurInvalideException.class);
    }

    @Test
    void aSupplierGetsOneAlertPerAddressNamingItsMatchingProfiles() {
        AlertesFournisseur alertes = AlertesFournisseur.nouvelles(new fr.centraleachat.kernel.Siret("73282932000074"));
        CriteresAlerte papier = new CriteresAlerte(List.of(new PrefixeCpv("30197")), List.of(), List.of(), List.of());
        CriteresAlerte travaux = new CriteresAlerte(List.of(new PrefixeCpv("45")), List.of(), List.of(), List.of());
        alertes.ajouter("p1", "Papier", new AdresseCourriel("veille@papeterie.fr"), papier, LE);
        alertes.ajouter("p2", "Tout", new AdresseCourriel("direction@papeterie.fr"), CriteresAlerte.aucun(), LE);
        alertes.ajouter("p3", "Travaux", new AdresseCourriel("veille@papeterie.fr"), travaux, LE);
        alertes.ajouter("p4", "Bureau", new AdresseCourriel("Veille@Papeterie.fr"), CriteresAlerte.aucun(), LE);

        List<Alerte> aEnvoyer = alertes.alertes(FOURNITURES_DE_BUREAU);

        assertThat(aEnvoyer).extracting(a -> a.email().valeur())
                .containsExactly("veille@papeterie.fr", "direction@papeterie.fr");
        assertThat(aEnvoyer.get(0).profils()).extracting(ProfilAlerte::id).containsExactly("p1", "p4");
        assertThat(aEnvoyer.get(0).premierProfil()).isEqualTo("p1");
        assertThat(aEnvoyer.get(1).profils()).extracting(ProfilAlerte::id).containsExactly("p2");
        assertThatThrownBy(() -> new Alerte(new AdresseCourriel("autre@papeterie.fr"), alertes.profils()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AlertesFournisseur.nouvelles(new fr.centraleachat.kernel.Siret("73282932000074"))
                .alertes(FOURNITURES_DE_BUREAU)).isEmpty();
    }

    private static ProfilAlerte profil(CriteresAlerte criteres) {
        return new ProfilAlerte("p1", "Veille", new AdresseCourriel("veille@papeterie.fr"), criteres, LE, LE);
    }

    private static ProfilAlerte cpv(String... codes) {
        return profil(new CriteresAlerte(java.util.Arrays.stream(codes).map(PrefixeCpv::new).toList(), List.of(),
                List.of(), List.of()));
    }

    private static ProfilAlerte motsCles(String... mots) {
        return profil(new CriteresAlerte(List.of(), List.of(), java.util.Arrays.stream(mots).map(MotCle::new).toList(),
                List.of()));
    }
}

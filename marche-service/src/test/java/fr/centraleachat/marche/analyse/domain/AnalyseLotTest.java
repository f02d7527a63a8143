package fr.centraleachat.marche.analyse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.reglementation.Procedure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyseLotTest {

    static final Instant OUVERTURE = Instant.parse("2027-01-20T09:00:00Z");
    static final List<CritereAttribution> CRITERES = List.of(new CritereAttribution("Prix", 60, TypeCritere.PRIX),
            new CritereAttribution("Valeur technique", 40, TypeCritere.TECHNIQUE));

    static Offre offre(String pli, String siret, String prix, int minutes) {
        return new Offre(pli, new Siret(siret), "Entreprise " + pli, Montant.de(prix),
                OUVERTURE.minusSeconds(86_400L - minutes * 60L), Map.of(), null, null);
    }

    static AnalyseLot lot(Procedure procedure, Offre... offres) {
        return AnalyseLot.ouvrir("c1", 1, procedure, CRITERES, new BigDecimal("30"), List.of(offres));
    }

    static Note note(String valeur) {
        return new Note(new BigDecimal(valeur), "Mémoire technique détaillé.");
    }

    @Test
    void scoresThePriceAsWeightTimesLowestOverThisPriceAndRanksByTotal() {
        AnalyseLot analyse = lot(Procedure.APPEL_OFFRES_OUVERT, offre("A", "73282932000074", "10000", 1),
                offre("B", "55210055400013", "12500", 2));
        analyse.noter("A", "Valeur technique", note("20"));
        analyse.noter("B", "valeur technique ", note("35"));

        List<Classement> classement = analyse.classement();

        // A: 60 × 10000/10000 + 20 = 80; B: 60 × 10000/12500 + 35 = 48 + 35 = 83.
        assertThat(classement).extracting(Classement::numeroPli).containsExactly("B", "A");
        assertThat(classement.get(0).noteTotale()).isEqualByComparingTo("83.00");
        assertThat(classement.get(0).notesParCritere().get("Prix")).isEqualByComparingTo("48.00");
        assertThat(classement.get(1).noteTotale()).isEqualByComparingTo("80.00");
        assertThat(classement.get(1).rang()).isEqualTo(2);
    }

    @Test
    void breaksTiesByLowerPriceThenEarlierReceipt() {
        AnalyseLot analyse = AnalyseLot.ouvrir("c1", 1, Procedure.MAPA,
                List.of(new CritereAttribution("Prix", 100, TypeCritere.PRIX)), new BigDecimal("90"),
                List.of(offre("TARDIF", "73282932000074", "1000", 30), offre("TOT", "55210055400013", "1000", 5)));

        assertThat(analyse.classement()).extracting(Classement::numeroPli).containsExactly("TOT", "TARDIF");
    }

    @Test
    void refusesAScoreAboveTheCriterionWeightOrOnThePriceCriterion() {
        AnalyseLot analyse = lot(Procedure.MAPA, offre("A", "73282932000074", "10000", 1));
        assertThatThrownBy(() -> analyse.noter("A", "Valeur technique", note("40.01")))
                .isInstanceOf(ValeurInvalideException.class).hasMessageContaining("entre 0 et 40");
        assertThatThrownBy(() -> analyse.noter("A", "Prix", note("10")))
                .hasMessageContaining("noté automatiquement");
        assertThatThrownBy(() -> analyse.noter("A", "Délai", note("10"))).hasMessageContaining("Critère inconnu");
        assertThatThrownBy(() -> new Note(new BigDecimal("5"), " ")).hasMessageContaining("motivée");
    }

    @Test
    void flagsAnAbnormallyLowPriceWithItsComputationAndNeverRejectsItByItself() {
        AnalyseLot analyse = lot(Procedure.APPEL_OFFRES_OUVERT, offre("BAS", "73282932000074", "6000", 1),
                offre("B", "55210055400013", "10000", 2), offre("C", "21210231300013", "11000", 3));

        List<PrixAnormalementBas> detectes = analyse.prixAnormalementBas();

        assertThat(detectes).singleElement().satisfies(p -> {
            assertThat(p.numeroPli()).isEqualTo("BAS");
            assertThat(p.moyenneDesAutres()).isEqualByComparingTo("10500.00");
            assertThat(p.ecartPourcent()).isEqualByComparingTo("42.9");
            assertThat(p.methode()).contains("30 %");
        });
        assertThat(analyse.offre("BAS").admise()).isTrue();
    }

    @Test
    void refusesTheAwardUntilEveryScoreIsGivenAndEveryLowPriceExamined() {
        AnalyseLot analyse = lot(Procedure.APPEL_OFFRES_OUVERT, offre("BAS", "73282932000074", "6000", 1),
                offre("B", "55210055400013", "10000", 2));
        assertThatThrownBy(() -> analyse.attribuer(null, null, OUVERTURE))
                .isInstanceOf(RegleMetierException.class).hasMessageContaining("Notes manquantes")
                .hasMessageContaining("offre BAS : critère « Valeur technique »");
        analyse.noter("BAS", "Valeur technique", note("30"));
        analyse.noter("B", "Valeur technique", note("30"));
        assertThatThrownBy(() -> analyse.attribuer(null, null, OUVERTURE)).hasMessageContaining("anormalement basses")
                .hasMessageContaining("BAS");

        analyse.examinerPrixBas("BAS", new Offre.DecisionPrixBas(false, "Prix de la main-d'œuvre sous le SMIC."));

        assertThat(analyse.offre("BAS").admise()).isFalse();
        assertThat(analyse.offre("BAS").exclusion().motif()).isEqualTo(MotifExclusion.ANORMALEMENT_BASSE);
        AnalyseLot.Attribution attribution = analyse.attribuer(null, null, OUVERTURE);
        assertThat(attribution.numeroPli()).isEqualTo("B");
        assertThat(attribution.choixHorsClassement()).isFalse();
        assertThat(analyse.statut()).isEqualTo(StatutLot.ATTRIBUE);
    }

    @Test
    void awardsAnotherThanTheBestRankedOnlyWithAJustificationThatStandsOut() {
        AnalyseLot analyse = lot(Procedure.MAPA, offre("A", "73282932000074", "10000", 1),
                offre("B", "55210055400013", "11000", 2));
        analyse.noter("A", "Valeur technique", note("30"));
        analyse.noter("B", "Valeur technique", note("30"));
        assertThatThrownBy(() -> analyse.attribuer("B", "  ", OUVERTURE)).hasMessageContaining("justifié");

        AnalyseLot.Attribution attribution = analyse.attribuer("B", "Seule offre livrant sous 48 h.", OUVERTURE);

        assertThat(attribution.choixHorsClassement()).isTrue();
        assertThat(attribution.justification()).isEqualTo("Seule offre livrant sous 48 h.");
        assertThat(analyse.evenementsEnAttente()).last().isInstanceOf(EvenementAnalyse.LotAttribue.class);
    }

    @Test
    void aLotWithoutAdmittedOfferIsInfructueuxAndOneWithSomeIsNot() {
        AnalyseLot vide = lot(Procedure.MAPA);
        assertThatThrownBy(() -> vide.attribuer(null, null, OUVERTURE)).hasMessageContaining("infructueux");
        vide.declarerInfructueux("Aucune offre reçue.", OUVERTURE);
        assertThat(vide.statut()).isEqualTo(StatutLot.INFRUCTUEUX);
        assertThat(vide.estTermine()).isTrue();

        AnalyseLot avecOffre = lot(Procedure.MAPA, offre("A", "73282932000074", "10000", 1));
        assertThatThrownBy(() -> avecOffre.declarerInfructueux("Trop cher.", OUVERTURE))
                .hasMessageContaining("offres admises");
        avecOffre.exclure("A", new Offre.Exclusion(MotifExclusion.INACCEPTABLE, "Prix au-delà des crédits budgétaires."));
        avecOffre.declarerInfructueux("Seule offre inacceptable.", OUVERTURE);
        assertThat(avecOffre.statut()).isEqualTo(StatutLot.INFRUCTUEUX);
    }

    @Test
    void notifiesOnlyAfterTheRejectionsAndTheStandstill() {
        AnalyseLot analyse = lot(Procedure.APPEL_OFFRES_OUVERT, offre("A", "73282932000074", "10000", 1),
                offre("B", "55210055400013", "11000", 2));
        analyse.noter("A", "Valeur technique", note("30"));
        analyse.noter("B", "Valeur technique", note("30"));
        analyse.attribuer(null, null, OUVERTURE);
        assertThatThrownBy(() -> analyse.notifier(marche("73282932000074"), OUVERTURE)).hasMessageContaining("lettres de rejet");

        AnalyseLot.Rejets rejets = analyse.envoyerRejets(OUVERTURE, true, false, List.of(lettre("B", "55210055400013")));

        // 11 days in Paris time from the sending.
        assertThat(rejets.finSuspension()).isEqualTo(Instant.parse("2027-01-31T09:00:00Z"));
        assertThatThrownBy(() -> analyse.notifier(marche("73282932000074"), Instant.parse("2027-01-31T08:59:59Z")))
                .hasMessageContaining("délai de suspension");
        assertThatThrownBy(() -> analyse.envoyerRejets(OUVERTURE, true, false, List.of(lettre("B", "55210055400013"))))
                .isInstanceOf(TransitionInterditeException.class);
        analyse.notifier(marche("73282932000074"), Instant.parse("2027-01-31T09:00:00Z"));
        assertThat(analyse.statut()).isEqualTo(StatutLot.NOTIFIE);
        assertThat(analyse.numeroMarche()).contains("2027-0001-L1");
    }

    @Test
    void everyOfferButTheTitulairesIsToldWhyItWasNotRetainedRankedFirstThenExcluded() {
        AnalyseLot analyse = lot(Procedure.APPEL_OFFRES_OUVERT, offre("A", "73282932000074", "10000", 1),
                offre("B", "55210055400013", "11000", 2), offre("C", "21210231300013", "10500", 3),
                offre("X", "44306184100047", "9000", 4));
        assertThatThrownBy(analyse::nonRetenues).isInstanceOf(TransitionInterditeException.class);
        analyse.exclure("X", new Offre.Exclusion(MotifExclusion.IRREGULIERE, "Acte d'engagement non signé."));
        for (String pli : List.of("A", "B", "C")) {
            analyse.noter(pli, "Valeur technique", note("30"));
        }
        analyse.attribuer(null, null, OUVERTURE);

        List<AnalyseLot.NonRetenue> nonRetenues = analyse.nonRetenues();

        assertThat(nonRetenues).extracting(n -> n.offre().numeroPli()).containsExactly("C", "B", "X");
        assertThat(nonRetenues.get(0).classement().rang()).isEqualTo(2);
        assertThat(nonRetenues.get(2).classement()).isNull();
        assertThat(nonRetenues.get(2).offre().exclusion().raison()).isEqualTo("Acte d'engagement non signé.");
        // A letter missing, or one to the titulaire, is a programming error: the letters follow nonRetenues().
        assertThatThrownBy(() -> analyse.envoyerRejets(OUVERTURE, true, false, List.of(lettre("B", "55210055400013"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(analyse.rejets()).isEmpty();
    }

    @Test
    void aProcedureAdapteeHasNoStandstillButItsLettersAreStillRecorded() {
        AnalyseLot analyse = lot(Procedure.MAPA, offre("A", "73282932000074", "10000", 1),
                offre("B", "55210055400013", "11000", 2));
        analyse.noter("A", "Valeur technique", note("30"));
        analyse.noter("B", "Valeur technique", note("30"));
        analyse.attribuer(null, null, OUVERTURE);

        AnalyseLot.Rejets rejets = analyse.envoyerRejets(OUVERTURE, true, false, List.of(lettre("B", "55210055400013")));

        assertThat(rejets.finSuspension()).isNull();
        assertThat(rejets.lettres()).extracting(AnalyseLot.LettreDeRejet::numeroPli).containsExactly("B");
        analyse.notifier(marche("73282932000074"), OUVERTURE);
        assertThat(analyse.statut()).isEqualTo(StatutLot.NOTIFIE);
    }

    static AnalyseLot.LettreDeRejet lettre(String pli, String siret) {
        return new AnalyseLot.LettreDeRejet(pli, new Siret(siret), new fr.centraleachat.marche.fichier.domain.FichierStocke(
                "f-" + pli, "lettre-de-rejet-" + pli + ".pdf", "application/pdf", 1234, "0".repeat(64)));
    }

    @Test
    void anAccordCadreHasAMaximumAndLastsFourYearsAtMost() {
        assertThatThrownBy(() -> marche(FormeMarche.ACCORD_CADRE_BONS_DE_COMMANDE, null, 12))
                .hasFieldOrPropertyWithValue("champ", "montantMaximumHt");
        assertThatThrownBy(() -> marche(FormeMarche.ACCORD_CADRE_BONS_DE_COMMANDE, Montant.de("200000"), 49))
                .hasFieldOrPropertyWithValue("champ", "dureeMois");
        assertThatThrownBy(() -> marche(FormeMarche.MARCHE_ORDINAIRE, Montant.de("200000"), 12))
                .hasMessageContaining("accord-cadre");
        Marche accordCadre = marche(FormeMarche.ACCORD_CADRE_BONS_DE_COMMANDE, Montant.de("200000"), 48);
        assertThat(accordCadre.dateFin()).isEqualTo(java.time.LocalDate.of(2031, 2, 28));
    }

    @Test
    void refusesToNotifyAMarcheOfAnotherTitulaire() {
        AnalyseLot analyse = lot(Procedure.MAPA, offre("A", "73282932000074", "10000", 1));
        analyse.noter("A", "Valeur technique", note("30"));
        analyse.attribuer(null, null, OUVERTURE);
        assertThatThrownBy(() -> analyse.notifier(marche("55210055400013"), OUVERTURE))
                .isInstanceOf(IllegalArgumentException.class);
        analyse.notifier(marche("73282932000074"), OUVERTURE);
        assertThat(analyse.marche()).map(Marche::numero).contains("2027-0001-L1");
    }

    @Test
    void terminatesANotifiedMarcheOnceFromADateWithinItsTerm() {
        AnalyseLot analyse = lot(Procedure.MAPA, offre("A", "73282932000074", "10000", 1));
        analyse.noter("A", "Valeur technique", note("30"));
        analyse.attribuer(null, null, OUVERTURE);
        java.time.LocalDate debut = java.time.LocalDate.of(2027, 3, 1);
        assertThatThrownBy(() -> analyse.resilier(debut, "Défaillance du titulaire.", OUVERTURE))
                .isInstanceOf(TransitionInterditeException.class);
        analyse.notifier(marche("73282932000074"), OUVERTURE);
        int avant = analyse.evenementsEnAttente().size();

        assertThatThrownBy(() -> analyse.resilier(debut.minusDays(1), "Défaillance du titulaire.", OUVERTURE))
                .hasFieldOrPropertyWithValue("champ", "dateEffet");
        assertThatThrownBy(() -> analyse.resilier(debut.plusMonths(12), "Défaillance du titulaire.", OUVERTURE))
                .hasFieldOrPropertyWithValue("champ", "dateEffet");
        assertThatThrownBy(() -> analyse.resilier(debut.plusMonths(2), "  ", OUVERTURE))
                .hasFieldOrPropertyWithValue("champ", "motif");
        assertThat(analyse.resiliation()).isEmpty();
        assertThat(analyse.evenementsEnAttente()).hasSize(avant);

        analyse.resilier(debut.plusMonths(2), " Défaillance du titulaire. ", OUVERTURE);

        assertThat(analyse.resiliation()).contains(new AnalyseLot.Resiliation(debut.plusMonths(2),
                "Défaillance du titulaire.", OUVERTURE));
        assertThat(analyse.statut()).isEqualTo(StatutLot.NOTIFIE);
        assertThat(analyse.evenementsEnAttente().subList(avant, avant + 1)).containsExactly(new EvenementAnalyse.MarcheResilie("c1", 1,
                "2027-0001-L1", debut.plusMonths(2), OUVERTURE));
        assertThatThrownBy(() -> analyse.resilier(debut.plusMonths(3), "Encore.", OUVERTURE))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("déjà résilié");
        assertThat(analyse.evenementsEnAttente()).hasSize(avant + 1);
    }

    /** An accord-cadre notified with a 200 000 € maximum, from 2027-03-01 for 24 months. */
    static AnalyseLot accordCadreNotifie() {
        AnalyseLot analyse = lot(Procedure.MAPA, offre("A", "73282932000074", "10000", 1));
        analyse.noter("A", "Valeur technique", note("30"));
        analyse.attribuer(null, null, OUVERTURE);
        analyse.notifier(marche(FormeMarche.ACCORD_CADRE_BONS_DE_COMMANDE, Montant.de("200000"), 24), OUVERTURE);
        return analyse;
    }

    static final java.time.LocalDate SIGNATURE = java.time.LocalDate.of(2027, 6, 1);
    static final Instant APRES_SIGNATURE = Instant.parse("2027-06-02T09:00:00Z");
    static final fr.centraleachat.marche.reglementation.SeuilsEnVigueur SEUILS_2027 =
            fr.centraleachat.marche.reglementation.GrilleDesSeuils.parDefaut().seuilsAu(SIGNATURE);

    @Test
    void countsEveryDeMinimisAvenantTogetherUnderTenPercentOfTheInitialMaximum() {
        AnalyseLot analyse = accordCadreNotifie();
        int avant = analyse.evenementsEnAttente().size();

        analyse.conclureAvenant(BaseLegaleAvenant.DE_MINIMIS, new BigDecimal("12000"), null, "Ajout de références.",
                SIGNATURE, SEUILS_2027, APRES_SIGNATURE);
        // A decrease counts too: 12 000 + 5 000 = 17 000, still under 20 000 (10 % of 200 000).
        analyse.conclureAvenant(BaseLegaleAvenant.DE_MINIMIS, new BigDecimal("-5000"), null, "Retrait d'un site.",
                SIGNATURE, SEUILS_2027, APRES_SIGNATURE);

        assertThatThrownBy(() -> analyse.conclureAvenant(BaseLegaleAvenant.DE_MINIMIS, new BigDecimal("3000"), null,
                "Encore.", SIGNATURE, SEUILS_2027, APRES_SIGNATURE))
                .isInstanceOf(RegleMetierException.class).hasFieldOrPropertyWithValue("champ", "montantHt")
                .hasMessageContaining("R2194-8").hasMessageContaining("20000.00 € HT (dont celle-ci : 3000.00 € HT)")
                .hasMessageContaining("soit 10.00 % du montant initial de 200000.00 € HT")
                .hasMessageContaining("sous 10 % (20000.00 € HT)");
        assertThat(analyse.avenants()).hasSize(2);
        assertThat(analyse.montantActuel()).isEqualByComparingTo("207000");
        assertThat(analyse.evenementsEnAttente().subList(avant, analyse.evenementsEnAttente().size()))
                .extracting(e -> ((EvenementAnalyse.AvenantConclu) e).numeroAvenant()).containsExactly(1, 2);
    }

    @Test
    void capsSupplementaryServicesAtHalfTheInitialAmountPerAvenant() {
        AnalyseLot analyse = accordCadreNotifie();

        assertThatThrownBy(() -> analyse.conclureAvenant(BaseLegaleAvenant.PRESTATIONS_SUPPLEMENTAIRES,
                new BigDecimal("100000.01"), null, "Nouveaux sites.", SIGNATURE, SEUILS_2027, APRES_SIGNATURE))
                .isInstanceOf(RegleMetierException.class).hasMessageContaining("50 % du montant initial")
                .hasMessageContaining("100000.00 € HT ; celle-ci est de 100000.01 € HT");
        analyse.conclureAvenant(BaseLegaleAvenant.PRESTATIONS_SUPPLEMENTAIRES, new BigDecimal("100000"), null,
                "Nouveaux sites.", SIGNATURE, SEUILS_2027, APRES_SIGNATURE);
        // Per change: a second one may take as much again.
        analyse.conclureAvenant(BaseLegaleAvenant.CIRCONSTANCES_IMPREVUES, new BigDecimal("100000"), null,
                "Crue de la Saône.", SIGNATURE, SEUILS_2027, APRES_SIGNATURE);

        assertThat(analyse.montantActuel()).isEqualByComparingTo("400000");
    }

    @Test
    void movesTheEndWithinFourYearsForAnAccordCadreAndRefusesWhatIsNotAChange() {
        AnalyseLot analyse = accordCadreNotifie();
        java.time.LocalDate debut = java.time.LocalDate.of(2027, 3, 1);

        assertThatThrownBy(() -> analyse.conclureAvenant(BaseLegaleAvenant.CLAUSE_REEXAMEN, BigDecimal.ZERO,
                debut.plusYears(4), "Prolongation.", SIGNATURE, SEUILS_2027, APRES_SIGNATURE))
                .hasFieldOrPropertyWithValue("champ", "nouvelleDateFin").hasMessageContaining("2031-02-28");
        assertThatThrownBy(() -> analyse.conclureAvenant(BaseLegaleAvenant.CLAUSE_REEXAMEN, BigDecimal.ZERO, null,
                "Rien.", SIGNATURE, SEUILS_2027, APRES_SIGNATURE)).hasFieldOrPropertyWithValue("champ", "montantHt");
        assertThatThrownBy(() -> analyse.conclureAvenant(BaseLegaleAvenant.CLAUSE_REEXAMEN, new BigDecimal("-200000"),
                null, "Tout retirer.", SIGNATURE, SEUILS_2027, APRES_SIGNATURE))
                .hasFieldOrPropertyWithValue("champ", "montantHt").hasMessageContaining("positif");
        assertThatThrownBy(() -> analyse.conclureAvenant(BaseLegaleAvenant.CLAUSE_REEXAMEN, BigDecimal.ONE, null,
                "Signé demain.", SIGNATURE.plusDays(2), SEUILS_2027, APRES_SIGNATURE))
                .hasFieldOrPropertyWithValue("champ", "date");

        analyse.conclureAvenant(BaseLegaleAvenant.CLAUSE_REEXAMEN, BigDecimal.ZERO, debut.plusYears(3),
                "Prolongation prévue par la clause de réexamen.", SIGNATURE, SEUILS_2027, APRES_SIGNATURE);

        assertThat(analyse.dateFinActuelle()).isEqualTo(debut.plusYears(3));
        assertThat(analyse.avenants()).hasSize(1);
        // The termination may now take effect until the new end.
        analyse.resilier(debut.plusYears(3).minusDays(1), "Défaillance du titulaire.", APRES_SIGNATURE);
        assertThatThrownBy(() -> analyse.conclureAvenant(BaseLegaleAvenant.CLAUSE_REEXAMEN, BigDecimal.ONE, null,
                "Après la résiliation.", SIGNATURE, SEUILS_2027, APRES_SIGNATURE))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("résilié");
    }

    static Marche marche(String titulaire) {
        return new Marche("2027-0001-L1", "c1", 1, "Fournitures", "Papier", new Siret(titulaire), "Entreprise",
                FormeMarche.MARCHE_ORDINAIRE, FormePrix.FORFAITAIRE, Montant.de("10000"), null, null, 12,
                java.time.LocalDate.of(2027, 3, 1), List.of(new fr.centraleachat.kernel.Siren("212102313")),
                new fr.centraleachat.kernel.CodeCpv("30192000-1"), null,
                fr.centraleachat.marche.reglementation.Nature.FOURNITURES, Procedure.MAPA, OUVERTURE, OUVERTURE, 2,
                List.of());
    }

    static Marche marche(FormeMarche forme, Montant maximum, int mois) {
        return new Marche("2027-0001-L1", "c1", 1, "Fournitures", "Papier", new Siret("73282932000074"), "Entreprise",
                forme, FormePrix.UNITAIRE, Montant.de("10000"), maximum, null, mois,
                java.time.LocalDate.of(2027, 3, 1), List.of(), new fr.centraleachat.kernel.CodeCpv("30192000-1"), null,
                fr.centraleachat.marche.reglementation.Nature.FOURNITURES, Procedure.MAPA, OUVERTURE, OUVERTURE, 2,
                List.of());
    }

    @Test
    void excludedOffersCannotBeScoredAndClosedLotsTakeNoDecision() {
        AnalyseLot analyse = lot(Procedure.MAPA, offre("A", "73282932000074", "10000", 1),
                offre("B", "55210055400013", "11000", 2));
        analyse.exclure("B", new Offre.Exclusion(MotifExclusion.IRREGULIERE, "Pièce obligatoire manquante."));
        assertThatThrownBy(() -> analyse.noter("B", "Valeur technique", note("10")))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("exclue");
        analyse.noter("A", "Valeur technique", note("10"));
        analyse.attribuer(null, null, OUVERTURE);
        assertThatThrownBy(() -> analyse.noter("A", "Valeur technique", note("20")))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("ATTRIBUE");
    }
}

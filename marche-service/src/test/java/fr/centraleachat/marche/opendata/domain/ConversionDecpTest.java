package fr.centraleachat.marche.opendata.domain;

import fr.centraleachat.contrat.opendata.SchemasOfficiels;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.ACHETEURS;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.AUJOURDHUI;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.CENTRALE;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.COTE_D_OR;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.SIEGE_VILLE_DE_DIJON;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.TALANT;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.VILLE_DE_DIJON;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.accordCadre;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.avenant;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.marche;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.ordinaire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.analyse.domain.Avenant;
import fr.centraleachat.marche.analyse.domain.BaseLegaleAvenant;
import fr.centraleachat.marche.analyse.domain.FormeMarche;
import fr.centraleachat.marche.analyse.domain.FormePrix;
import fr.centraleachat.marche.analyse.domain.Marche;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class ConversionDecpTest {

    private static Decp.Marche decp(Marche marche, List<Avenant> avenants, PublicationDecp publication) {
        return ConversionDecp.marche(marche, avenants, ACHETEURS.siretDe(marche).orElseThrow(), COTE_D_OR, publication,
                AUJOURDHUI);
    }

    private static Decp.Marche decp(Marche marche, Avenant... avenants) {
        return decp(marche, List.of(avenants), PublicationDecp.aucune(marche.numero()));
    }

    /** Every kind of marché the service notifies, with and without avenants of every legal ground. */
    static Stream<Arguments> marchesDeToutesSortes() {
        List<Arguments> cas = new ArrayList<>();
        for (FormeMarche forme : FormeMarche.values()) {
            for (FormePrix prix : FormePrix.values()) {
                for (Nature nature : Nature.values()) {
                    for (Procedure procedure : Procedure.values()) {
                        cas.add(Arguments.of(forme + " " + prix + " " + nature + " " + procedure, marche(forme, prix,
                                nature, procedure, "60000", forme.estAccordCadre() ? "500000" : null), List.of()));
                    }
                }
            }
        }
        LocalDate mars = LocalDate.of(2027, 3, 20);
        List<Avenant> toutesLesBases = new ArrayList<>();
        int numero = 1;
        for (BaseLegaleAvenant base : BaseLegaleAvenant.values()) {
            toutesLesBases.add(avenant(numero, base, numero % 2 == 0 ? "-2000" : "5000",
                    numero == 3 ? LocalDate.of(2028, 6, 30) : null, mars.plusDays(numero)));
            numero++;
        }
        toutesLesBases.add(avenant(numero, BaseLegaleAvenant.CLAUSE_REEXAMEN, "0", LocalDate.of(2028, 12, 31),
                mars.plusDays(numero)));
        cas.add(Arguments.of("marché ordinaire avec avenants de toutes les bases légales", ordinaire(), toutesLesBases));
        cas.add(Arguments.of("accord-cadre avec avenants de toutes les bases légales", accordCadre(), toutesLesBases));
        cas.add(Arguments.of("accord-cadre à marchés subséquents d'un groupement", marche(
                FormeMarche.ACCORD_CADRE_MARCHES_SUBSEQUENTS, FormePrix.MIXTE, Nature.SERVICES,
                Procedure.APPEL_OFFRES_OUVERT, "80000", "900000", "groupement-1", VILLE_DE_DIJON), toutesLesBases));
        cas.add(Arguments.of("marché d'un groupement coordonné par la centrale", marche(FormeMarche.MARCHE_ORDINAIRE,
                FormePrix.FORFAITAIRE, Nature.TRAVAUX, Procedure.MAPA, "250000", null, "groupement-2",
                CENTRALE.siren()), List.of()));
        return cas.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("marchesDeToutesSortes")
    void producesDataTheOfficialDecpSchemaAccepts(String cas, Marche marche, List<Avenant> avenants) {
        Decp.Fichier fichier = Decp.Fichier.de(List.of(decp(marche, avenants, PublicationDecp.aucune(marche.numero()))));

        assertThat(SchemasOfficiels.erreursDecp(fichier)).as(cas).isEmpty();
    }

    @Test
    void theOfficialExampleValidatesSoTheSchemaCheckIsMeaningful() throws Exception {
        try (var exemple = getClass().getResourceAsStream("/schemas/decp/exemple_marches_avec_modifications.json")) {
            JsonNode json = SchemasOfficiels.JSON.readTree(exemple);
            assertThat(SchemasOfficiels.erreursDecp(json)).isEmpty();
            ((tools.jackson.databind.node.ObjectNode) json.get("marches").get("marche").get(0)).put("champ", "x");
            assertThat(SchemasOfficiels.erreursDecp(json)).isNotEmpty();
        }
    }

    @Test
    void publishesAnOrdinaryMarcheWithTheCentraleAsAcheteurAndTheSchemaLabels() {
        Decp.Marche decp = decp(ordinaire());

        assertThat(decp.id()).isEqualTo("2027-0042-L1");
        assertThat(decp.acheteur().id()).isEqualTo(CENTRALE.valeur());
        assertThat(decp.nature()).isEqualTo("Marché");
        assertThat(decp.objet()).isEqualTo("Fournitures de bureau pour les membres - lot 1 : Papier");
        assertThat(decp.codeCPV()).isEqualTo("30192000");
        assertThat(decp.procedure()).isEqualTo("Procédure adaptée");
        assertThat(decp.techniques().technique()).containsExactly("Sans objet");
        assertThat(decp.modalitesExecution().modaliteExecution()).containsExactly("Sans objet");
        assertThat(decp.formePrix()).isEqualTo("Forfaitaire");
        assertThat(decp.ccag()).isEqualTo("Fournitures courantes et services");
        assertThat(decp.montant()).isEqualByComparingTo("150000");
        assertThat(decp.dureeMois()).isEqualTo(12);
        assertThat(decp.offresRecues()).isEqualTo(3);
        assertThat(decp.dateNotification()).isEqualTo("2027-02-10");
        assertThat(decp.lieuExecution()).isEqualTo(COTE_D_OR);
        assertThat(decp.titulaires()).extracting(t -> t.titulaire().typeIdentifiant() + " " + t.titulaire().id())
                .containsExactly("SIRET 73282932000074");
        assertThat(decp.considerationsSociales().considerationSociale()).containsExactly("Pas de considération sociale");
        assertThat(decp.considerationsEnvironnementales().considerationEnvironnementale())
                .containsExactly("Pas de considération environnementale");
        assertThat(decp.modifications()).isNull();
    }

    @Test
    void publishesAnAccordCadreWithItsMaximumItsTechniqueAndHowItIsExecuted() {
        Decp.Marche decp = decp(accordCadre());

        assertThat(decp.montant()).isEqualByComparingTo("400000");
        assertThat(decp.techniques().technique()).containsExactly("Accord-cadre");
        assertThat(decp.modalitesExecution().modaliteExecution()).containsExactly("Bons de commande");
        assertThat(decp.procedure()).isEqualTo("Appel d'offres ouvert");
        assertThat(decp.dureeMois()).isEqualTo(48);
        assertThat(decp(marche(FormeMarche.ACCORD_CADRE_MARCHES_SUBSEQUENTS, FormePrix.MIXTE, Nature.TRAVAUX,
                Procedure.DISPENSE, "1", "90000")).modalitesExecution().modaliteExecution())
                .containsExactly("Marchés subséquents");
    }

    @Test
    void namesTheCoordonnateurOfAGroupementAsAcheteurByItsEstablishment() {
        Marche duGroupement = marche(FormeMarche.MARCHE_ORDINAIRE, FormePrix.UNITAIRE, Nature.SERVICES,
                Procedure.MAPA, "70000", null, "groupement-1", VILLE_DE_DIJON);

        assertThat(decp(duGroupement).acheteur().id()).isEqualTo(SIEGE_VILLE_DE_DIJON.valeur());
    }

    @Test
    void cannotNameACoordonnateurWhoseEstablishmentIsUnknownAndSaysWhichSettingToAdd() {
        Marche coordonneParTalant = marche(FormeMarche.MARCHE_ORDINAIRE, FormePrix.UNITAIRE, Nature.SERVICES,
                Procedure.MAPA, "70000", null, "groupement-2", TALANT);

        assertThat(ACHETEURS.siretDe(coordonneParTalant)).isEmpty();
        assertThat(ACHETEURS.raisonSansSiret(coordonneParTalant))
                .contains("centrale.acheteur.sirets-coordonnateurs.212106173");
    }

    @Test
    void refusesACoordonnateurSiretThatIsNotAnEstablishmentOfItsSiren() {
        assertThatThrownBy(() -> new AcheteursDecp(CENTRALE, Map.of(TALANT, SIEGE_VILLE_DE_DIJON)))
                .isInstanceOf(ValeurInvalideException.class).hasMessageContaining("212106173");
    }

    @Test
    void turnsEachAvenantIntoAModificationWithTheNewAmountAndDuration() {
        Decp.Marche decp = decp(accordCadre(),
                avenant(1, BaseLegaleAvenant.DE_MINIMIS, "20000", null, LocalDate.of(2027, 4, 2)),
                avenant(2, BaseLegaleAvenant.CLAUSE_REEXAMEN, "0", LocalDate.of(2031, 4, 15), LocalDate.of(2027, 9, 1)),
                avenant(3, BaseLegaleAvenant.PRESTATIONS_SUPPLEMENTAIRES, "-10000", null, LocalDate.of(2028, 1, 5)));

        assertThat(decp.montant()).as("the initial maximum stays").isEqualByComparingTo("400000");
        assertThat(decp.dureeMois()).isEqualTo(48);
        assertThat(decp.modifications()).extracting(Decp.ModificationDe::modification)
                .extracting(Decp.Modification::id, m -> m.montant() == null ? null : m.montant().toPlainString(),
                        Decp.Modification::dureeMois, Decp.Modification::dateNotificationModification)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "420000.00", null, "2027-04-02"),
                        // From 2027-03-01 to 2031-04-15: 49 months and a half, a started month counts.
                        org.assertj.core.groups.Tuple.tuple(2, null, 50, "2027-09-01"),
                        org.assertj.core.groups.Tuple.tuple(3, "410000.00", null, "2028-01-05"));
    }

    @Test
    void keepsRecordedPublicationDatesAndDatesTheRestToday() {
        Marche marche = ordinaire();
        List<Avenant> avenants = List.of(
                avenant(1, BaseLegaleAvenant.DE_MINIMIS, "5000", null, LocalDate.of(2027, 2, 20)),
                avenant(2, BaseLegaleAvenant.DE_MINIMIS, "5000", null, LocalDate.of(2027, 2, 25)));
        PublicationDecp publication = new PublicationDecp(marche.numero(), LocalDate.of(2027, 2, 15),
                Map.of(1, LocalDate.of(2027, 2, 22)));

        Decp.Marche decp = decp(marche, avenants, publication);

        assertThat(decp.datePublicationDonnees()).isEqualTo("2027-02-15");
        assertThat(decp.modifications()).extracting(m -> m.modification().datePublicationDonneesModification())
                .containsExactly("2027-02-22", AUJOURDHUI.toString());
    }

    @Test
    void concernsOnlyMarchesOfFortyThousandEurosOrMore() {
        assertThat(ConversionDecp.estConcerne(marche(FormeMarche.MARCHE_ORDINAIRE, FormePrix.FORFAITAIRE,
                Nature.FOURNITURES, Procedure.DISPENSE, "39999.99", null))).isFalse();
        assertThat(ConversionDecp.estConcerne(marche(FormeMarche.MARCHE_ORDINAIRE, FormePrix.FORFAITAIRE,
                Nature.FOURNITURES, Procedure.DISPENSE, "40000", null))).isTrue();
        // An accord-cadre counts by its maximum, whatever the awarded offer's price.
        assertThat(ConversionDecp.estConcerne(marche(FormeMarche.ACCORD_CADRE_BONS_DE_COMMANDE, FormePrix.UNITAIRE,
                Nature.FOURNITURES, Procedure.MAPA, "1000", "40000"))).isTrue();
        Marche petit = marche(FormeMarche.MARCHE_ORDINAIRE, FormePrix.FORFAITAIRE, Nature.FOURNITURES,
                Procedure.DISPENSE, "12000", null);
        assertThatThrownBy(() -> decp(petit)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ConversionDecp.echeances(petit, List.of(), PublicationDecp.aucune(petit.numero()), AUJOURDHUI,
                null)).isEmpty();
    }

    @Test
    void listsWhatIsDueWithinTwoMonthsOfTheNotificationAndOfEachModification() {
        Marche marche = ordinaire();
        List<Avenant> avenants = List.of(
                avenant(1, BaseLegaleAvenant.DE_MINIMIS, "5000", null, LocalDate.of(2027, 2, 20)),
                avenant(2, BaseLegaleAvenant.DE_MINIMIS, "5000", null, LocalDate.of(2027, 5, 2)));
        PublicationDecp publication = new PublicationDecp(marche.numero(), null, Map.of(1, LocalDate.of(2027, 3, 1)));

        List<EcheanceDecp> echeances = ConversionDecp.echeances(marche, avenants, publication,
                LocalDate.of(2027, 4, 11), null);

        assertThat(echeances).extracting(EcheanceDecp::evenement, EcheanceDecp::modification, EcheanceDecp::dateLimite,
                EcheanceDecp::enRetard).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EcheanceDecp.Evenement.NOTIFICATION, null,
                                LocalDate.of(2027, 4, 10), true),
                        org.assertj.core.groups.Tuple.tuple(EcheanceDecp.Evenement.MODIFICATION, 2,
                                LocalDate.of(2027, 7, 2), false));
    }

    @Test
    void recordingAPublicationNeverMovesADateAlreadyRecorded() {
        PublicationDecp deja = new PublicationDecp("2027-0042-L1", LocalDate.of(2027, 2, 15),
                Map.of(1, LocalDate.of(2027, 2, 22)));

        PublicationDecp completee = deja.completee(LocalDate.of(2027, 6, 1), List.of(1, 2));

        assertThat(completee.initiale()).contains(LocalDate.of(2027, 2, 15));
        assertThat(completee.modification(1)).contains(LocalDate.of(2027, 2, 22));
        assertThat(completee.modification(2)).contains(LocalDate.of(2027, 6, 1));
    }

    @Test
    void cutsAnObjetLongerThanTheSchemaAllows() {
        Marche marche = ordinaire();
        Marche long_ = new Marche(marche.numero(), marche.consultationId(), 1, "x".repeat(900), "y".repeat(300),
                marche.titulaireSiret(), null, marche.forme(), marche.formePrix(), marche.montantHt(), null, null, 12,
                marche.dateDebut(), List.of(), marche.cpv(), null, Nature.FOURNITURES, Procedure.MAPA, null,
                marche.dateNotification(), 1, List.of());
        assertThat(ConversionDecp.objet(long_).length()).isLessThanOrEqualTo(1000);
        assertThat(SchemasOfficiels.erreursDecp(Decp.Fichier.de(List.of(decp(long_))))).isEmpty();
        assertThat(new Siret(decp(long_).acheteur().id())).isEqualTo(CENTRALE);
    }
}

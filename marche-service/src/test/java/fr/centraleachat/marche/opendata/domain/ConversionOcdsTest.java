package fr.centraleachat.marche.opendata.domain;

import fr.centraleachat.contrat.opendata.SchemasOfficiels;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.ACHETEURS;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.CENTRALE;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.TALANT;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.TITULAIRE;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.VILLE_DE_DIJON;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.avenant;
import static fr.centraleachat.marche.opendata.domain.ExemplesOpenData.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.marche.analyse.domain.Avenant;
import fr.centraleachat.marche.analyse.domain.BaseLegaleAvenant;
import fr.centraleachat.marche.analyse.domain.FormeMarche;
import fr.centraleachat.marche.analyse.domain.FormePrix;
import fr.centraleachat.marche.analyse.domain.Marche;
import fr.centraleachat.marche.analyse.domain.Offre;
import fr.centraleachat.marche.analyse.domain.StatutLot;
import fr.centraleachat.marche.consultation.domain.Beneficiaires;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.ContenuConsultation;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.Criteres;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.consultation.domain.Lot;
import fr.centraleachat.marche.consultation.domain.Lots;
import fr.centraleachat.marche.consultation.domain.Mutualisation;
import fr.centraleachat.marche.consultation.domain.Rectificatif;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversionOcdsTest {

    static final ConversionOcds.Editeur EDITEUR = new ConversionOcds.Editeur("ocds-centrale-dijon", "Dijon Métropole",
            ACHETEURS);
    static final ConsultationId ID = ConsultationId.de("5f0c8a4e-5a7d-4b58-9d3a-0f9a7a0d2c11");
    static final Instant PUBLICATION = paris("2026-12-01T10:00");
    static final Instant DLRO = paris("2027-01-15T12:00");

    static Consultation consultation(StatutConsultation statut, Mutualisation mutualisation,
            List<Rectificatif> rectificatifs) {
        ContenuConsultation contenu = new ContenuConsultation("Fournitures de bureau pour les membres",
                Nature.FOURNITURES, new CodeCpv("30192000-1"), FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                Lots.de(new Lot(1, "Papier", Montant.de("150000")), new Lot(2, "Stylos", Montant.de("50000"),
                        new CodeCpv("30192120-8"), Criteres.de(new CritereAttribution("Prix", 100, TypeCritere.PRIX)))),
                Criteres.de(new CritereAttribution("Prix", 60, TypeCritere.PRIX),
                        new CritereAttribution("Valeur technique", 40, TypeCritere.TECHNIQUE)),
                rectificatifs.isEmpty() ? DLRO : rectificatifs.get(rectificatifs.size() - 1).dlro(),
                Beneficiaires.de(VILLE_DE_DIJON, TALANT), DelaiReduit.NONE);
        return Consultation.reconstituer(ID, contenu, "acheteur", statut, statut == StatutConsultation.BROUILLON
                ? null : Procedure.APPEL_OFFRES_OUVERT, statut == StatutConsultation.BROUILLON ? null : PUBLICATION,
                statut == StatutConsultation.BROUILLON ? null : true,
                statut == StatutConsultation.SANS_SUITE ? "Besoin disparu." : null, rectificatifs, mutualisation, 3);
    }

    static AnalyseLot lotNotifie(List<Avenant> avenants, AnalyseLot.Resiliation resiliation) {
        Offre offre = new Offre("P-1", TITULAIRE, "Papeterie de Bourgogne", Montant.de("95000"),
                paris("2027-01-10T09:00"), Map.of(), null, null);
        Marche marche = new Marche("2027-0042-L1", ID.toString(), 1, "Fournitures de bureau pour les membres", "Papier",
                TITULAIRE, "Papeterie de Bourgogne", FormeMarche.ACCORD_CADRE_BONS_DE_COMMANDE, FormePrix.UNITAIRE,
                Montant.de("95000"), Montant.de("400000"), null, 48, LocalDate.of(2027, 3, 1),
                List.of(VILLE_DE_DIJON, TALANT), new CodeCpv("30192000-1"), FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                Nature.FOURNITURES, Procedure.APPEL_OFFRES_OUVERT, PUBLICATION, paris("2027-02-10T15:30"), 1,
                List.of());
        return AnalyseLot.reconstituer(ID.toString(), 1, Procedure.APPEL_OFFRES_OUVERT,
                List.of(new CritereAttribution("Prix", 100, TypeCritere.PRIX)), new BigDecimal("30"), List.of(offre),
                1, StatutLot.NOTIFIE, new AnalyseLot.Attribution(TITULAIRE, "P-1", null, false,
                        paris("2027-01-20T10:00")), null, null, marche, resiliation, avenants, 4);
    }

    static AnalyseLot lotInfructueux() {
        return AnalyseLot.reconstituer(ID.toString(), 2, Procedure.APPEL_OFFRES_OUVERT,
                List.of(new CritereAttribution("Prix", 100, TypeCritere.PRIX)), new BigDecimal("30"), List.of(), 0,
                StatutLot.INFRUCTUEUX, null, null, "Aucune offre.", null, null, List.of(), 2);
    }

    static List<Avenant> deuxAvenants() {
        return List.of(avenant(1, BaseLegaleAvenant.DE_MINIMIS, "20000", null, LocalDate.of(2027, 4, 2)),
                avenant(2, BaseLegaleAvenant.CLAUSE_REEXAMEN, "0", LocalDate.of(2030, 12, 31),
                        LocalDate.of(2027, 9, 1)));
    }

    private static Ocds.PaquetDeReleases paquet(List<Ocds.Release> releases) {
        return new Ocds.PaquetDeReleases("https://centrale.example/api/marche/consultations/" + ID + "/ocds/releases",
                Ocds.VERSION, List.of(Ocds.EXTENSION_LOTS), releases.get(releases.size() - 1).date(),
                EDITEUR.publisher(), Ocds.LICENCE, releases);
    }

    private static Ocds.PaquetDeRecords paquetDeRecords(Consultation consultation, List<AnalyseLot> lots) {
        List<Ocds.Release> releases = ConversionOcds.releases(consultation, lots, EDITEUR);
        Ocds.Release compilee = ConversionOcds.compilee(consultation, lots, EDITEUR, releases);
        return new Ocds.PaquetDeRecords("https://centrale.example/api/marche/consultations/" + ID + "/ocds", Ocds.VERSION,
                List.of(Ocds.EXTENSION_LOTS), compilee.date(), EDITEUR.publisher(), Ocds.LICENCE,
                List.of("https://centrale.example/api/marche/consultations/" + ID + "/ocds/releases"),
                List.of(new Ocds.Record(EDITEUR.ocid(ID.toString()), releases, compilee)));
    }

    @Test
    void publishesTheWholeLifeOfAConsultationAsReleasesTheOcdsSchemaAccepts() {
        Consultation consultation = consultation(StatutConsultation.NOTIFIEE, Mutualisation.AUCUNE, List.of());
        List<AnalyseLot> lots = List.of(lotNotifie(deuxAvenants(), new AnalyseLot.Resiliation(LocalDate.of(2029, 1, 1),
                "Défaillance du titulaire.", paris("2028-12-01T09:00"))), lotInfructueux());

        List<Ocds.Release> releases = ConversionOcds.releases(consultation, lots, EDITEUR);

        assertThat(releases).extracting(r -> r.tag().get(0)).containsExactly("tender", "award", "contract",
                "contractAmendment", "contractAmendment", "contractTermination");
        assertThat(releases).extracting(Ocds.Release::ocid).containsOnly("ocds-centrale-dijon-" + ID);
        assertThat(releases).extracting(Ocds.Release::id).doesNotHaveDuplicates();
        assertThat(SchemasOfficiels.erreursPaquetDeReleases(paquet(releases))).isEmpty();
        Ocds.Release tender = releases.get(0);
        assertThat(tender.date()).isEqualTo("2026-12-01T10:00:00+01:00");
        assertThat(tender.tender().procurementMethodDetails()).isEqualTo("Appel d'offres ouvert");
        assertThat(tender.tender().mainProcurementCategory()).isEqualTo("goods");
        assertThat(tender.tender().items()).extracting(i -> i.classification().id() + " " + i.relatedLot())
                .containsExactly("30192000-1 1", "30192120-8 2");
        assertThat(tender.tender().awardCriteriaDetails()).isEqualTo("Prix 60 %, Valeur technique 40 % ; lot 2 : Prix 100 %");
        Ocds.Award award = releases.get(1).awards().get(0);
        assertThat(award.value().amount()).isEqualByComparingTo("95000");
        assertThat(award.suppliers()).extracting(Ocds.ReferenceOrganisation::id).containsExactly("FR-SIRET-" + TITULAIRE);
        assertThat(releases.get(3).contracts().get(0).value().amount()).isEqualByComparingTo("420000");
        Ocds.Contract resilie = releases.get(5).contracts().get(0);
        assertThat(resilie.status()).isEqualTo("terminated");
        assertThat(resilie.period().endDate()).isEqualTo("2028-12-31T23:59:59+01:00");
        assertThat(resilie.amendments()).hasSize(2);
    }

    @Test
    void compilesTheCurrentStateIntoARecordTheOcdsSchemaAccepts() {
        Consultation consultation = consultation(StatutConsultation.NOTIFIEE, Mutualisation.AUCUNE, List.of());
        List<AnalyseLot> lots = List.of(lotNotifie(deuxAvenants(), null), lotInfructueux());

        Ocds.PaquetDeRecords paquet = paquetDeRecords(consultation, lots);

        assertThat(SchemasOfficiels.erreursPaquetDeRecords(paquet)).isEmpty();
        Ocds.Release compilee = paquet.records().get(0).compiledRelease();
        assertThat(compilee.tag()).containsExactly("compiled");
        assertThat(compilee.date()).isEqualTo(paquet.records().get(0).releases().get(4).date());
        assertThat(compilee.tender().status()).isEqualTo("complete");
        assertThat(compilee.tender().lots()).extracting(Ocds.Lot::status).containsExactly("complete", "unsuccessful");
        Ocds.Contract contrat = compilee.contracts().get(0);
        assertThat(contrat.value().amount()).isEqualByComparingTo("420000");
        assertThat(contrat.period().endDate()).isEqualTo("2030-12-31T23:59:59+01:00");
        assertThat(contrat.amendments()).extracting(Ocds.Amendment::id).containsExactly("avenant-1", "avenant-2");
        assertThat(compilee.parties()).extracting(Ocds.Partie::id)
                .containsExactly("FR-SIRET-" + CENTRALE, "FR-SIRET-" + TITULAIRE);
    }

    @Test
    void aPublishedTenderWithoutDecisionYetIsOneReleaseThenOnePerRectificatif() {
        Rectificatif rectificatif = new Rectificatif("r1", 1, paris("2026-12-20T09:00"), "Précision du CCTP.", true,
                paris("2027-01-29T12:00"), DLRO, null);
        Consultation consultation = consultation(StatutConsultation.PUBLIEE, Mutualisation.AUCUNE,
                List.of(rectificatif));

        List<Ocds.Release> releases = ConversionOcds.releases(consultation, List.of(), EDITEUR);

        assertThat(releases).extracting(r -> r.tag().get(0)).containsExactly("tender", "tenderAmendment");
        assertThat(releases.get(0).tender().tenderPeriod().endDate()).isEqualTo("2027-01-15T12:00:00+01:00");
        assertThat(releases.get(1).tender().tenderPeriod().endDate()).isEqualTo("2027-01-29T12:00:00+01:00");
        assertThat(releases.get(1).tender().amendments()).extracting(Ocds.Amendment::rationale)
                .containsExactly("Précision du CCTP.");
        assertThat(SchemasOfficiels.erreursPaquetDeReleases(paquet(releases))).isEmpty();
        assertThat(SchemasOfficiels.erreursPaquetDeRecords(paquetDeRecords(consultation, List.of()))).isEmpty();
    }

    @Test
    void namesTheGroupementsCoordonnateurAsBuyer() {
        Mutualisation groupement = Mutualisation.duGroupement(new Mutualisation.GroupementAcheteur("g-1",
                VILLE_DE_DIJON, "Ville de Dijon", List.of(VILLE_DE_DIJON, TALANT)));
        Mutualisation sansSiret = Mutualisation.duGroupement(new Mutualisation.GroupementAcheteur("g-2", TALANT,
                "Talant", List.of(VILLE_DE_DIJON, TALANT)));

        Ocds.Release parDijon = ConversionOcds.releases(consultation(StatutConsultation.PUBLIEE, groupement, List.of()),
                List.of(), EDITEUR).get(0);
        Ocds.Release parTalant = ConversionOcds.releases(consultation(StatutConsultation.PUBLIEE, sansSiret, List.of()),
                List.of(), EDITEUR).get(0);

        assertThat(parDijon.buyer()).isEqualTo(new Ocds.ReferenceOrganisation("FR-SIRET-21210231300013",
                "Ville de Dijon"));
        assertThat(parDijon.tender().procuringEntity()).isEqualTo(parDijon.buyer());
        assertThat(parTalant.buyer().id()).isEqualTo("FR-SIREN-212106173");
        assertThat(SchemasOfficiels.erreursPaquetDeReleases(paquet(List.of(parDijon, parTalant)))).isEmpty();
    }

    @Test
    void aConsultationDeclaredSansSuiteIsCancelledInItsCompiledRelease() {
        Consultation consultation = consultation(StatutConsultation.SANS_SUITE, Mutualisation.AUCUNE, List.of());

        Ocds.PaquetDeRecords paquet = paquetDeRecords(consultation, List.of());

        assertThat(paquet.records().get(0).compiledRelease().tender().status()).isEqualTo("cancelled");
        assertThat(SchemasOfficiels.erreursPaquetDeRecords(paquet)).isEmpty();
    }

    @Test
    void neverPublishesADraftNorAcceptsAnUnregisteredOcidPrefix() {
        Consultation brouillon = consultation(StatutConsultation.BROUILLON, Mutualisation.AUCUNE, List.of());

        assertThatThrownBy(() -> ConversionOcds.releases(brouillon, List.of(), EDITEUR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConversionOcds.Editeur("centrale dijon", "Dijon Métropole", ACHETEURS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefixe-ocid");
        assertThat(new Siret(EDITEUR.publisher().uid())).isEqualTo(CENTRALE);
    }

    @Test
    void theOcdsSchemaCheckRejectsAnInvalidPackage() {
        Consultation consultation = consultation(StatutConsultation.PUBLIEE, Mutualisation.AUCUNE, List.of());
        Ocds.PaquetDeReleases valide = paquet(ConversionOcds.releases(consultation, List.of(), EDITEUR));
        Ocds.PaquetDeReleases sansRelease = new Ocds.PaquetDeReleases(valide.uri(), valide.version(),
                valide.extensions(), valide.publishedDate(), valide.publisher(), valide.license(), List.of());
        Ocds.PaquetDeReleases dateInvalide = new Ocds.PaquetDeReleases(valide.uri(), valide.version(),
                valide.extensions(), "2027-01-15", valide.publisher(), valide.license(), valide.releases());

        assertThat(SchemasOfficiels.erreursPaquetDeReleases(sansRelease)).isNotEmpty();
        assertThat(SchemasOfficiels.erreursPaquetDeReleases(dateInvalide)).isNotEmpty();
    }
}

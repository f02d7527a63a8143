package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.kernel.FamilleAchat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.consultation.domain.Beneficiaires;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.ContenuConsultation;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.Criteres;
import fr.centraleachat.marche.consultation.domain.Lot;
import fr.centraleachat.marche.consultation.domain.Lots;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.membre.application.AdhesionsActives;
import fr.centraleachat.support.test.MembresEnMemoire;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.journal.application.MessagesJournal;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.marche.groupement.application.Groupements;
import fr.centraleachat.marche.groupement.application.GroupementsConnus;
import fr.centraleachat.marche.groupement.domain.GroupementDeCommandes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ServiceConsultationsTest {

    private static final Instant PUBLICATION = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant DLRO = Instant.parse("2027-01-15T11:00:00Z");
    private static final Acteur ACHETEUR = new Acteur("acheteur", Set.of(Role.ACHETEUR), Optional.empty(),
            Optional.empty(), Set.of());
    private static final Acteur AGENT = new Acteur("agent", Set.of(Role.AGENT), Optional.of(new Siren("212102313")),
            Optional.empty(), Set.of());
    private static final Acteur FOURNISSEUR = new Acteur("f", Set.of(Role.FOURNISSEUR), Optional.empty(),
            Optional.of(new Siret("73282932000074")), Set.of());
    private static final Acteur SYSTEME_LECTEUR = new Acteur("si", Set.of(), Optional.empty(), Optional.empty(),
            Set.of("data:read"));
    private static final Acteur SYSTEME_EVENEMENTS = new Acteur("si", Set.of(), Optional.empty(), Optional.empty(),
            Set.of("events:read"));

    private static final Siren DIJON = new Siren("212102313");
    private static final Siren TALANT = new Siren("212106173");
    private static final Siren FOURNISSEUR_SIREN = new Siren("732829320");

    private final ConsultationsEnMemoire consultations = new ConsultationsEnMemoire();
    private final MembresEnMemoire membres = new MembresEnMemoire().actif(DIJON, "Dijon");
    private final java.util.List<Object> annonces = new java.util.ArrayList<>();
    private final java.util.Map<String, GroupementDeCommandes> connus = new java.util.HashMap<>();
    private final Groupements groupements = new Groupements() {
        @Override
        public java.util.Optional<GroupementDeCommandes> trouver(String id) {
            return java.util.Optional.ofNullable(connus.get(id));
        }

        @Override
        public boolean appliquer(GroupementDeCommandes etat) {
            connus.put(etat.id(), etat);
            return true;
        }
    };

    private ServiceConsultations service(Instant maintenant) {
        Clock horloge = Clock.fixed(maintenant, ZoneOffset.UTC);
        FabriqueMessages fabrique = new FabriqueMessages(JsonMapper.builder().build(), horloge);
        return new ServiceConsultations(consultations, new AdhesionsActives(membres),
                new EvenementsPublies(fabrique, new JournalisationConsultations(new MessagesJournal(fabrique))),
                GrilleDesSeuils.parDefaut(), new DelaisReglementaires(), horloge, annonces::add,
                new GroupementsConnus(groupements), (consultation, lancement) -> java.util.Optional.empty());
    }

    private static ContenuConsultation contenu() {
        return new ContenuConsultation("Fournitures de bureau", Nature.FOURNITURES, new CodeCpv("30192000-1"), FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                Lots.de(new Lot(1, "Papier", Montant.de(150000))),
                Criteres.de(new CritereAttribution("Prix", 100, TypeCritere.PRIX)), DLRO,
                Beneficiaires.de(new Siren("212102313")), DelaiReduit.NONE);
    }

    private ConsultationId publiee() {
        ConsultationId id = service(PUBLICATION).creer(contenu(), ACHETEUR).consultation().id();
        service(PUBLICATION).publier(id, ACHETEUR);
        return id;
    }

    @Test
    void keepsDraftsFromEveryoneButStaff() {
        ConsultationId brouillon = service(PUBLICATION).creer(contenu(), ACHETEUR).consultation().id();

        for (Acteur lecteur : new Acteur[] {AGENT, FOURNISSEUR, SYSTEME_LECTEUR}) {
            assertThatThrownBy(() -> service(PUBLICATION).consulter(brouillon, lecteur))
                    .isInstanceOf(RessourceIntrouvableException.class);
            assertThat(service(PUBLICATION).lister(Optional.empty(), PageDemandee.premiere(), lecteur).elements())
                    .isEmpty();
        }
        assertThat(service(PUBLICATION).consulter(brouillon, ACHETEUR).consultation().statut())
                .isEqualTo(StatutConsultation.BROUILLON);
        assertThatThrownBy(() -> service(PUBLICATION).lister(Optional.empty(), PageDemandee.premiere(), SYSTEME_EVENEMENTS))
                .isInstanceOf(AccesRefuseException.class);
    }

    @Test
    void letsAnInformationSystemWithDataReadScopeReadPublishedConsultations() {
        ConsultationId id = publiee();

        assertThat(service(PUBLICATION).lister(Optional.of(StatutConsultation.PUBLIEE), PageDemandee.premiere(),
                SYSTEME_LECTEUR).elements()).extracting(f -> f.consultation().id()).containsExactly(id);
        assertThat(service(PUBLICATION).lister(Optional.of(StatutConsultation.BROUILLON), PageDemandee.premiere(),
                SYSTEME_LECTEUR).elements()).isEmpty();
    }

    @Test
    void refusesToPublishWithBeneficiariesThatAreNotActiveMembersAndNamesEachOne() {
        membres.actif(TALANT, "Talant").suspendu(TALANT);
        ConsultationId id = service(PUBLICATION).creer(contenuPour(DIJON, FOURNISSEUR_SIREN, TALANT), ACHETEUR)
                .consultation().id();

        assertThatThrownBy(() -> service(PUBLICATION).publier(id, ACHETEUR))
                .isInstanceOf(RegleMetierException.class)
                .hasFieldOrPropertyWithValue("champ", "beneficiaires")
                .hasMessageContaining("732829320 (aucune adhésion active connue à la centrale)")
                .hasMessageContaining("212106173 (adhésion suspendue)")
                .hasMessageNotContaining("212102313");
        assertThat(consultations.trouver(id).orElseThrow().consultation().statut()).isEqualTo(StatutConsultation.BROUILLON);
        assertThat(consultations.publics()).isEmpty();
        assertThat(actionsJournalisees()).containsExactly("CREATION");
    }

    @Test
    void publishesOnceEveryBeneficiaryHasAnActiveAdhesion() {
        membres.actif(TALANT, "Talant");
        ConsultationId id = service(PUBLICATION).creer(contenuPour(DIJON, TALANT), ACHETEUR).consultation().id();

        assertThat(service(PUBLICATION).publier(id, ACHETEUR).consultation().statut()).isEqualTo(StatutConsultation.PUBLIEE);
    }

    private static final Siren PARTENAIRE = new Siren("200070555");

    private GroupementDeCommandes groupement(String id, fr.centraleachat.marche.groupement.domain.StatutGroupement statut,
            long sequence, boolean partenaireApprouve) {
        return new GroupementDeCommandes(id, "Balayage des voiries", DIJON, "Dijon", statut, java.util.List.of(
                new fr.centraleachat.marche.groupement.domain.MembreDuGroupement(DIJON, "Dijon", true),
                new fr.centraleachat.marche.groupement.domain.MembreDuGroupement(TALANT, "Talant", false),
                new fr.centraleachat.marche.groupement.domain.MembreDuGroupement(PARTENAIRE, "CC Partenaire",
                        partenaireApprouve)), sequence);
    }

    @Test
    void refusesToPublishAGroupementConsultationUntilTheGroupementIsConstitutedNamingTheMissingApprovals() {
        String gid = "8f0c6f0e-1c1e-4b5e-9a55-000000000001";
        groupements.appliquer(groupement(gid, fr.centraleachat.marche.groupement.domain.StatutGroupement.EN_CONSTITUTION,
                2, false));
        ConsultationId id = service(PUBLICATION).creer(contenuPour(DIJON, TALANT, PARTENAIRE), Optional.of(gid),
                ACHETEUR).consultation().id();

        assertThatThrownBy(() -> service(PUBLICATION).publier(id, ACHETEUR))
                .isInstanceOf(fr.centraleachat.kernel.TransitionInterditeException.class)
                .hasMessageContaining("n'est pas constitué")
                .hasMessageContaining("Talant (212106173)")
                .hasMessageContaining("CC Partenaire (200070555)")
                .hasMessageNotContaining("Dijon (212102313)");
        assertThat(consultations.trouver(id).orElseThrow().consultation().statut()).isEqualTo(StatutConsultation.BROUILLON);
        assertThat(consultations.publics()).isEmpty();

        groupements.appliquer(groupement(gid, fr.centraleachat.marche.groupement.domain.StatutGroupement.CONSTITUE,
                5, true));
        // The partner EPCI has no adhésion to the centrale: the groupement's convention is what entitles it.
        FicheConsultation publiee = service(PUBLICATION).publier(id, ACHETEUR);
        assertThat(publiee.consultation().statut()).isEqualTo(StatutConsultation.PUBLIEE);
        assertThat(publiee.consultation().mutualisation().groupement().coordonnateur()).isEqualTo(DIJON);
    }

    @Test
    void refusesBeneficiariesOutsideTheGroupementAndADissolvedGroupement() {
        String gid = "8f0c6f0e-1c1e-4b5e-9a55-000000000002";
        groupements.appliquer(groupement(gid, fr.centraleachat.marche.groupement.domain.StatutGroupement.CONSTITUE,
                3, true));
        Siren chenove = new Siren("212101661");

        assertThatThrownBy(() -> service(PUBLICATION).creer(contenuPour(DIJON, chenove), Optional.of(gid), ACHETEUR))
                .isInstanceOf(RegleMetierException.class).hasFieldOrPropertyWithValue("champ", "beneficiaires")
                .hasMessageContaining("212101661");
        assertThatThrownBy(() -> service(PUBLICATION).creer(contenuPour(DIJON), Optional.of("inconnu"), ACHETEUR))
                .isInstanceOf(RegleMetierException.class).hasFieldOrPropertyWithValue("champ", "groupementId");

        groupements.appliquer(groupement(gid, fr.centraleachat.marche.groupement.domain.StatutGroupement.DISSOUS,
                4, true));
        assertThatThrownBy(() -> service(PUBLICATION).creer(contenuPour(DIJON), Optional.of(gid), ACHETEUR))
                .isInstanceOf(fr.centraleachat.kernel.TransitionInterditeException.class)
                .hasMessageContaining("dissous");
        assertThat(consultations.stock).isEmpty();
    }

    @Test
    void aMemberJoiningTheGroupementAfterTheLaunchCannotBeMadeABeneficiary() {
        String gid = "8f0c6f0e-1c1e-4b5e-9a55-000000000003";
        groupements.appliquer(groupement(gid, fr.centraleachat.marche.groupement.domain.StatutGroupement.CONSTITUE,
                3, true));
        ConsultationId id = service(PUBLICATION).creer(contenuPour(DIJON, TALANT), Optional.of(gid), ACHETEUR)
                .consultation().id();
        Siren chenove = new Siren("212101661");
        java.util.List<fr.centraleachat.marche.groupement.domain.MembreDuGroupement> avecChenove =
                new java.util.ArrayList<>(groupement(gid, fr.centraleachat.marche.groupement.domain.StatutGroupement
                        .CONSTITUE, 4, true).membres());
        avecChenove.add(new fr.centraleachat.marche.groupement.domain.MembreDuGroupement(chenove, "Chenôve", true));
        groupements.appliquer(new GroupementDeCommandes(gid, "Balayage des voiries", DIJON, "Dijon",
                fr.centraleachat.marche.groupement.domain.StatutGroupement.CONSTITUE, avecChenove, 4));

        assertThatThrownBy(() -> service(PUBLICATION).modifier(id, contenuPour(DIJON, TALANT, chenove), ACHETEUR))
                .isInstanceOf(RegleMetierException.class).hasMessageContaining("212101661");
        assertThatThrownBy(() -> service(PUBLICATION).modifier(id, contenuPour(DIJON), Optional.of(
                "8f0c6f0e-1c1e-4b5e-9a55-000000000009"), ACHETEUR))
                .isInstanceOf(RegleMetierException.class).hasFieldOrPropertyWithValue("champ", "groupementId");
        assertThat(consultations.trouver(id).orElseThrow().consultation().beneficiaires().membres())
                .containsExactly(DIJON, TALANT);
    }

    @Test
    void draftsFromARecensementOnceHoweverOftenItIsAnnounced() {
        ConsultationId id = BrouillonsDesRecensements.idDuBrouillon("r-1");
        assertThat(service(PUBLICATION).creerDepuisRecensement(id, "r-1", contenu(), "acheteur")).isTrue();
        assertThat(service(PUBLICATION).creerDepuisRecensement(id, "r-1", contenu(), "acheteur")).isFalse();
        assertThat(consultations.trouver(id).orElseThrow().consultation().mutualisation().recensementId())
                .isEqualTo("r-1");
        assertThat(actionsJournalisees()).containsExactly("CREATION");
    }

    @Test
    void keepsADraftDeclaredSansSuitePrivateAndAnnouncesNothing() {
        ConsultationId id = service(PUBLICATION).creer(contenu(), ACHETEUR).consultation().id();

        service(PUBLICATION).declarerSansSuite(id, "Besoin abandonné avant publication", ACHETEUR);

        for (Acteur lecteur : new Acteur[] {AGENT, FOURNISSEUR, SYSTEME_LECTEUR}) {
            assertThatThrownBy(() -> service(PUBLICATION).consulter(id, lecteur))
                    .isInstanceOf(RessourceIntrouvableException.class);
            assertThat(service(PUBLICATION).lister(Optional.of(StatutConsultation.SANS_SUITE), PageDemandee.premiere(),
                    lecteur).elements()).isEmpty();
        }
        assertThat(service(PUBLICATION).consulter(id, ACHETEUR).consultation().statut())
                .isEqualTo(StatutConsultation.SANS_SUITE);
        assertThat(consultations.publics()).isEmpty();
        assertThat(actionsJournalisees()).containsExactly("CREATION", "SANS_SUITE");
    }

    @Test
    void showsAPublishedConsultationDeclaredSansSuiteToEveryReader() {
        ConsultationId id = publiee();

        service(PUBLICATION).declarerSansSuite(id, "Besoin disparu", ACHETEUR);

        assertThat(service(PUBLICATION).consulter(id, FOURNISSEUR).consultation().raisonSansSuite()).contains("Besoin disparu");
        assertThat(consultations.publics()).extracting(MessageSortant::type)
                .contains(Evenements.CONSULTATION_SANS_SUITE.ceType());
    }

    @Test
    void deletesADraftButNothingPublished() {
        ConsultationId brouillon = service(PUBLICATION).creer(contenu(), ACHETEUR).consultation().id();
        ConsultationId id = publiee();

        service(PUBLICATION).supprimer(brouillon, ACHETEUR);

        assertThat(consultations.trouver(brouillon)).isEmpty();
        assertThatThrownBy(() -> service(PUBLICATION).supprimer(brouillon, ACHETEUR))
                .isInstanceOf(RessourceIntrouvableException.class);
        assertThatThrownBy(() -> service(PUBLICATION).supprimer(id, ACHETEUR))
                .isInstanceOf(TransitionInterditeException.class)
                .hasMessage("Impossible de supprimer la consultation : l'état actuel est PUBLIEE.");
        assertThat(consultations.trouver(id)).isPresent();
        assertThatThrownBy(() -> service(PUBLICATION).supprimer(id, AGENT)).isInstanceOf(AccesRefuseException.class);
        assertThat(annonces).containsExactly(new BrouillonSupprime(brouillon));
    }

    @Test
    void keepsThePublicityNoticeDecisionTakenAtPublication() {
        ConsultationId mapaAvecPublicite = service(PUBLICATION).creer(contenu(), ACHETEUR).consultation().id();

        FicheConsultation publiee = service(PUBLICATION).publier(mapaAvecPublicite, ACHETEUR);

        // 150 000 € HT of supplies in December 2026: a MAPA above the 90 000 € publicity threshold.
        assertThat(publiee.consultation().procedure()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("MAPA"));
        assertThat(publiee.consultation().publiciteBoampOuJalRequise()).contains(true);
        assertThat(consultations.trouver(mapaAvecPublicite).orElseThrow().consultation().publiciteBoampOuJalRequise())
                .contains(true);
    }

    private static ContenuConsultation contenuPour(Siren... beneficiaires) {
        return new ContenuConsultation("Fournitures de bureau", Nature.FOURNITURES, new CodeCpv("30192000-1"), FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                Lots.de(new Lot(1, "Papier", Montant.de(150000))),
                Criteres.de(new CritereAttribution("Prix", 100, TypeCritere.PRIX)), DLRO,
                Beneficiaires.de(beneficiaires), DelaiReduit.NONE);
    }

    @Test
    void rejectsAnAgentChangingAConsultation() {
        assertThatThrownBy(() -> service(PUBLICATION).creer(contenu(), AGENT)).isInstanceOf(AccesRefuseException.class);
        assertThat(consultations.stock).isEmpty();
    }

    @Test
    void closesEveryConsultationWhoseDlroHasPassedAndSkipsAConflictUntilTheNextPass() {
        ConsultationId premiere = publiee();
        ConsultationId seconde = publiee();
        consultations.publies.clear();
        ClotureAutomatique cloture = new ClotureAutomatique(service(DLRO.plusSeconds(60)));
        consultations.conflitSur = premiere;

        assertThat(cloture.cloturerLesConsultationsEchues()).isEqualTo(1);
        assertThat(consultations.stock.get(premiere).consultation().statut()).isEqualTo(StatutConsultation.PUBLIEE);
        assertThat(consultations.stock.get(seconde).consultation().statut()).isEqualTo(StatutConsultation.CLOTUREE);

        assertThat(cloture.cloturerLesConsultationsEchues()).isEqualTo(1);
        assertThat(consultations.stock.get(premiere).consultation().statut()).isEqualTo(StatutConsultation.CLOTUREE);
        assertThat(consultations.publics()).extracting(MessageSortant::type)
                .containsOnly(Evenements.CONSULTATION_CLOTUREE.ceType()).hasSize(2);
        assertThat(consultations.journal()).hasSize(2).allSatisfy(message -> {
            JsonNode donnees = JSON.readTree(message.donnees());
            assertThat(donnees.get("action").asString()).isEqualTo("CLOTURE");
            assertThat(donnees.get("acteur").asString()).as("closed by the service itself").isEqualTo("systeme");
            assertThat(donnees.get("roles").get(0).asString()).isEqualTo("SYSTEME");
        });
    }

    @Test
    void leavesConsultationsWhoseDlroIsStillAhead() {
        ConsultationId id = publiee();

        assertThat(new ClotureAutomatique(service(DLRO.minusSeconds(1))).cloturerLesConsultationsEchues()).isZero();
        assertThat(consultations.stock.get(id).consultation().statut()).isEqualTo(StatutConsultation.PUBLIEE);
    }

    @Test
    void keepsThePublicationWarningsForLaterReads() {
        ContenuConsultation mapaCourte = new ContenuConsultation("Petit achat", Nature.FOURNITURES,
                new CodeCpv("30192000-1"), FamilleAchat.FOURNITURES_ADMINISTRATIVES, Lots.de(new Lot(1, "Papier", Montant.de(80000))),
                Criteres.de(new CritereAttribution("Prix", 100, TypeCritere.PRIX)),
                Instant.parse("2026-12-08T11:00:00Z"), Beneficiaires.de(new Siren("212102313")), DelaiReduit.NONE);
        ConsultationId id = service(PUBLICATION).creer(mapaCourte, ACHETEUR).consultation().id();

        FicheConsultation publiee = service(PUBLICATION).publier(id, ACHETEUR);

        assertThat(publiee.avertissements()).singleElement().asString().contains("procédure adaptée");
        assertThat(publiee.version()).isEqualTo(1);
        assertThat(service(PUBLICATION).consulter(id, AGENT).avertissements()).isEqualTo(publiee.avertissements());
    }

    @Test
    void journalsEveryStepWithItsAuthorInTheSameWriteAsTheChange() {
        ConsultationId id = service(PUBLICATION).creer(contenu(), ACHETEUR).consultation().id();
        service(PUBLICATION).modifier(id, contenuPour(DIJON, TALANT), ACHETEUR);
        membres.actif(TALANT, "Talant");
        service(PUBLICATION).publier(id, ACHETEUR);
        service(DLRO.plusSeconds(1)).cloturer(id, ACHETEUR);
        service(DLRO.plusSeconds(2)).ouvrirLesPlis(id, ACHETEUR);

        assertThat(actionsJournalisees()).containsExactly("CREATION", "MODIFICATION", "PUBLICATION", "CLOTURE",
                "OUVERTURE_DES_PLIS");
        assertThat(consultations.journal()).allSatisfy(message -> {
            assertThat(message.sujet()).isEqualTo(id.toString());
            JsonNode donnees = JSON.readTree(message.donnees());
            assertThat(donnees.get("acteur").asString()).isEqualTo("acheteur");
            assertThat(donnees.get("roles")).hasSize(1);
            assertThat(donnees.get("roles").get(0).asString()).isEqualTo("ACHETEUR");
        });
        assertThat(resumesJournalises()).containsExactly(
                "→ BROUILLON ; objet « Fournitures de bureau » ; FOURNITURES ; CPV 30192000-1 ; 1 lot(s),"
                        + " 150000.00 € HT ; DLRO 2027-01-15T12:00:00+01:00",
                "BROUILLON modifié : bénéficiaires 1 membre(s) → 2 membre(s)",
                "BROUILLON → PUBLIEE ; procédure MAPA ; 150000.00 € HT ; DLRO 2027-01-15T12:00:00+01:00 ;"
                        + " publicité BOAMP ou JAL requise",
                "PUBLIEE → CLOTUREE ; DLRO 2027-01-15T12:00:00+01:00 passée",
                "CLOTUREE → EN_ANALYSE ; plis ouverts");
    }

    @Test
    void journalsTheDeletionOfADraftWithTheWriteThatDeletesIt() {
        ConsultationId brouillon = service(PUBLICATION).creer(contenu(), ACHETEUR).consultation().id();

        service(PUBLICATION).supprimer(brouillon, ACHETEUR);

        assertThat(actionsJournalisees()).containsExactly("CREATION", "SUPPRESSION");
        assertThat(resumesJournalises()).last().isEqualTo("BROUILLON → supprimé");
        assertThat(consultations.publics()).isEmpty();
    }

    @Test
    void journalsNothingForAStepThatIsRefused() {
        ConsultationId id = publiee();
        int avant = consultations.journal().size();

        assertThatThrownBy(() -> service(PUBLICATION).cloturer(id, ACHETEUR)).isInstanceOf(RegleMetierException.class);
        assertThatThrownBy(() -> service(PUBLICATION).supprimer(id, ACHETEUR))
                .isInstanceOf(TransitionInterditeException.class);

        assertThat(consultations.journal()).hasSize(avant);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private List<String> actionsJournalisees() {
        return consultations.journal().stream().map(m -> JSON.readTree(m.donnees()).get("action").asString()).toList();
    }

    private List<String> resumesJournalises() {
        return consultations.journal().stream().map(m -> JSON.readTree(m.donnees()).get("resume").asString()).toList();
    }
}

package fr.centraleachat.marche.consultation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RessourceIntrouvableException;
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
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
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

    private final ConsultationsEnMemoire consultations = new ConsultationsEnMemoire();

    private ServiceConsultations service(Instant maintenant) {
        Clock horloge = Clock.fixed(maintenant, ZoneOffset.UTC);
        return new ServiceConsultations(consultations,
                new EvenementsPublies(new FabriqueMessages(JsonMapper.builder().build(), horloge)),
                GrilleDesSeuils.parDefaut(), new DelaisReglementaires(), horloge);
    }

    private static ContenuConsultation contenu() {
        return new ContenuConsultation("Fournitures de bureau", Nature.FOURNITURES, new CodeCpv("30192000-1"),
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
            assertThat(service(PUBLICATION).lister(Optional.empty(), lecteur)).isEmpty();
        }
        assertThat(service(PUBLICATION).consulter(brouillon, ACHETEUR).consultation().statut())
                .isEqualTo(StatutConsultation.BROUILLON);
        assertThatThrownBy(() -> service(PUBLICATION).lister(Optional.empty(), SYSTEME_EVENEMENTS))
                .isInstanceOf(AccesRefuseException.class);
    }

    @Test
    void letsAnInformationSystemWithDataReadScopeReadPublishedConsultations() {
        ConsultationId id = publiee();

        assertThat(service(PUBLICATION).lister(Optional.of(StatutConsultation.PUBLIEE), SYSTEME_LECTEUR))
                .extracting(f -> f.consultation().id()).containsExactly(id);
        assertThat(service(PUBLICATION).lister(Optional.of(StatutConsultation.BROUILLON), SYSTEME_LECTEUR)).isEmpty();
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
        assertThat(consultations.publies).extracting(MessageSortant::type)
                .containsOnly(Evenements.CONSULTATION_CLOTUREE.ceType()).hasSize(2);
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
                new CodeCpv("30192000-1"), Lots.de(new Lot(1, "Papier", Montant.de(80000))),
                Criteres.de(new CritereAttribution("Prix", 100, TypeCritere.PRIX)),
                Instant.parse("2026-12-08T11:00:00Z"), Beneficiaires.de(new Siren("212102313")), DelaiReduit.NONE);
        ConsultationId id = service(PUBLICATION).creer(mapaCourte, ACHETEUR).consultation().id();

        FicheConsultation publiee = service(PUBLICATION).publier(id, ACHETEUR);

        assertThat(publiee.avertissements()).singleElement().asString().contains("procédure adaptée");
        assertThat(publiee.version()).isEqualTo(1);
        assertThat(service(PUBLICATION).consulter(id, AGENT).avertissements()).isEqualTo(publiee.avertissements());
    }
}

package fr.centraleachat.marche.consultation.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.Lot;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.journal.application.MessagesJournal;
import fr.centraleachat.marche.membre.application.AdhesionsActives;
import fr.centraleachat.support.test.MembresEnMemoire;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import fr.centraleachat.support.outbox.FabriqueMessages;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BrouillonsDesRecensementsTest {

    private static final Instant CLOTURE = Instant.parse("2026-12-04T17:00:00Z");
    private static final Siren TALANT = new Siren("212106173");
    private static final Siren CHENOVE = new Siren("212101661");
    private static final Siren QUETIGNY = new Siren("212105159");

    private final ConsultationsEnMemoire consultations = new ConsultationsEnMemoire();
    private final Clock horloge = Clock.fixed(CLOTURE, ZoneOffset.UTC);

    private BrouillonsDesRecensements brouillons() {
        FabriqueMessages fabrique = new FabriqueMessages(JsonMapper.builder().build(), horloge);
        ServiceConsultations service = new ServiceConsultations(consultations,
                new AdhesionsActives(new MembresEnMemoire()),
                new EvenementsPublies(fabrique, new JournalisationConsultations(new MessagesJournal(fabrique))),
                GrilleDesSeuils.parDefaut(), new DelaisReglementaires(), horloge, e -> { }, null,
                (c, l) -> Optional.empty());
        return new BrouillonsDesRecensements(service, GrilleDesSeuils.parDefaut(), new DelaisReglementaires());
    }

    private static BrouillonsDesRecensements.RecensementClos recensement(BigDecimal... montants) {
        List<BrouillonsDesRecensements.LotRecense> lots = new java.util.ArrayList<>();
        for (int i = 0; i < montants.length; i++) {
            lots.add(new BrouillonsDesRecensements.LotRecense(i + 1, "Lot " + (i + 1), "ramette", null,
                    new BigDecimal("1200.000"), montants[i]));
        }
        return new BrouillonsDesRecensements.RecensementClos("rec-1", "Papier pour les écoles",
                FamilleAchat.FOURNITURES_ADMINISTRATIVES, Nature.FOURNITURES, new CodeCpv("30197630-1"), "acheteur",
                CLOTURE, lots, List.of(CHENOVE, QUETIGNY, TALANT));
    }

    @Test
    void draftsTheConsolidatedLotsForTheMembersThatDeclaredANeedLeavingOutLotsNobodyNeeds() {
        assertThat(brouillons().creer(recensement(new BigDecimal("90000"), BigDecimal.ZERO,
                new BigDecimal("180000.50")))).isTrue();

        Consultation brouillon = consultations.trouver(BrouillonsDesRecensements.idDuBrouillon("rec-1"))
                .orElseThrow().consultation();
        assertThat(brouillon.statut()).isEqualTo(StatutConsultation.BROUILLON);
        assertThat(brouillon.acheteur()).isEqualTo("acheteur");
        assertThat(brouillon.mutualisation().recensementId()).isEqualTo("rec-1");
        assertThat(brouillon.lots().liste()).extracting(Lot::numero).containsExactly(1, 2);
        assertThat(brouillon.lots().liste()).extracting(Lot::intitule)
                .containsExactly("Lot 1 (quantité recensée : 1200 ramette)", "Lot 3 (quantité recensée : 1200 ramette)");
        assertThat(brouillon.valeurEstimeeTotale().valeurHt()).isEqualByComparingTo("270000.50");
        assertThat(brouillon.beneficiaires().membres()).containsExactly(CHENOVE, QUETIGNY, TALANT);
        // 270 000 € crosses the EU threshold: the DLRO is set for an appel d'offres published two weeks later.
        LocalDate attendue = new DelaisReglementaires().premiereDlroPossible(Procedure.APPEL_OFFRES_OUVERT,
                CLOTURE.plus(java.time.Duration.ofDays(14)), fr.centraleachat.marche.reglementation.DelaiReduit.NONE);
        assertThat(brouillon.dlro()).isEqualTo(attendue.atTime(LocalTime.NOON).atZone(HeureDeParis.FUSEAU).toInstant());
    }

    @Test
    void draftsNothingWhenNoNeedWasDeclaredAndNothingTwice() {
        assertThat(brouillons().creer(recensement(BigDecimal.ZERO))).isFalse();
        assertThat(consultations.stock).isEmpty();

        assertThat(brouillons().creer(recensement(new BigDecimal("1000")))).isTrue();
        assertThat(brouillons().creer(recensement(new BigDecimal("1000")))).isFalse();
        assertThat(consultations.stock).hasSize(1);
    }
}

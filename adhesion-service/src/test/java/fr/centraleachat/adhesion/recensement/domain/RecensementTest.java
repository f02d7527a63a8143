package fr.centraleachat.adhesion.recensement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecensementTest {

    static final Siren DIJON = new Siren("212102313");
    static final Siren TALANT = new Siren("212106173");
    static final Siren CHENOVE = new Siren("212101661");
    static final Instant MAINTENANT = Instant.parse("2026-03-02T09:00:00Z");
    static final List<LotRecensement> LOTS = List.of(
            new LotRecensement(1, "Papier A4", "ramette", null),
            new LotRecensement(2, "Stylos", "boîte", new CodeCpv("30192000-1")));

    static Recensement ouvert() {
        return Recensement.ouvrir(RecensementId.nouveau(), "Fournitures 2027", FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                Nature.FOURNITURES, new CodeCpv("30192000-1"), LOTS, List.of(TALANT, DIJON, CHENOVE),
                MAINTENANT.plus(Duration.ofDays(30)), "acheteur-1", MAINTENANT);
    }

    @Test
    void opensWithItsInvitedMembersSortedAndRecordsIt() {
        Recensement recensement = ouvert();

        assertThat(recensement.statut()).isEqualTo(StatutRecensement.OUVERT);
        assertThat(recensement.membresInvites()).containsExactly(CHENOVE, DIJON, TALANT);
        assertThat(recensement.evenementsEnAttente()).containsExactly(new RecensementOuvert(recensement.id(), MAINTENANT));
    }

    @Test
    void refusesAClosingDateInThePastOrMoreThanAYearAhead() {
        assertThatThrownBy(() -> Recensement.ouvrir(RecensementId.nouveau(), "X", FamilleAchat.ENERGIE, Nature.SERVICES,
                new CodeCpv("30192000-1"), LOTS, List.of(DIJON), MAINTENANT, "a", MAINTENANT))
                .isInstanceOf(RegleMetierException.class).hasMessageContaining("futur");
        assertThatThrownBy(() -> Recensement.ouvrir(RecensementId.nouveau(), "X", FamilleAchat.ENERGIE, Nature.SERVICES,
                new CodeCpv("30192000-1"), LOTS, List.of(DIJON), MAINTENANT.plus(Duration.ofDays(400)), "a", MAINTENANT))
                .isInstanceOf(RegleMetierException.class).hasMessageContaining("un an");
    }

    @Test
    void refusesDuplicateInvitationsAndLotsOutOfOrder() {
        assertThatThrownBy(() -> Recensement.ouvrir(RecensementId.nouveau(), "X", FamilleAchat.ENERGIE, Nature.SERVICES,
                new CodeCpv("30192000-1"), LOTS, List.of(DIJON, DIJON), MAINTENANT.plusSeconds(60), "a", MAINTENANT))
                .isInstanceOf(ValeurInvalideException.class).hasMessageContaining("plusieurs fois");
        assertThatThrownBy(() -> Recensement.ouvrir(RecensementId.nouveau(), "X", FamilleAchat.ENERGIE, Nature.SERVICES,
                new CodeCpv("30192000-1"), List.of(LOTS.get(1)), List.of(DIJON), MAINTENANT.plusSeconds(60), "a",
                MAINTENANT)).isInstanceOf(ValeurInvalideException.class).hasMessageContaining("numérotés");
    }

    @Test
    void closesOnceWithTheConsolidationAndRecordsIt() {
        Recensement recensement = ouvert();
        Map<Siren, List<BesoinLot>> reponses = Map.of(DIJON, List.of(
                BesoinLot.besoin(1, new BigDecimal("100"), new BigDecimal("450.50")), BesoinLot.aucunBesoin(2)));
        Instant cloture = MAINTENANT.plus(Duration.ofDays(2));

        recensement.cloturer(reponses, cloture);

        assertThat(recensement.statut()).isEqualTo(StatutRecensement.CLOS);
        assertThat(recensement.consolidation()).isPresent();
        assertThat(recensement.evenementsEnAttente()).last().isInstanceOf(RecensementClos.class);
        assertThatThrownBy(() -> recensement.cloturer(reponses, cloture))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("CLOS");
    }

    @Test
    void remindsOnlyTheMembersWithoutAnAnswer() {
        Recensement recensement = ouvert();

        List<Siren> relances = recensement.relancer(Set.of(DIJON), MAINTENANT);

        assertThat(relances).containsExactly(CHENOVE, TALANT);
        assertThat(recensement.evenementsEnAttente()).last()
                .isEqualTo(new RecensementRelance(recensement.id(), List.of(CHENOVE, TALANT), MAINTENANT));
    }

    @Test
    void refusesAReminderWhenEveryoneAnsweredOrOnceClosed() {
        Recensement recensement = ouvert();
        assertThatThrownBy(() -> recensement.relancer(Set.of(DIJON, TALANT, CHENOVE), MAINTENANT))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("ont répondu");

        recensement.cloturer(Map.of(), MAINTENANT);
        assertThatThrownBy(() -> recensement.relancer(Set.of(), MAINTENANT))
                .isInstanceOf(TransitionInterditeException.class);
    }

    @Test
    void isDueOnceItsClosingDateHasCome() {
        Recensement recensement = ouvert();

        assertThat(recensement.estEchu(MAINTENANT)).isFalse();
        assertThat(recensement.estEchu(MAINTENANT.plus(Duration.ofDays(30)))).isTrue();
    }

    @Test
    void consolidatesTotalsSharesAndWhoAnsweredSortedBySiren() {
        Map<Siren, List<BesoinLot>> reponses = new HashMap<>();
        reponses.put(TALANT, List.of(BesoinLot.besoin(1, new BigDecimal("10"), new BigDecimal("45.10")),
                BesoinLot.besoin(2, new BigDecimal("2.5"), new BigDecimal("30"))));
        reponses.put(DIJON, List.of(BesoinLot.besoin(1, new BigDecimal("100"), new BigDecimal("450.50")),
                BesoinLot.aucunBesoin(2)));
        reponses.put(CHENOVE, List.of(BesoinLot.aucunBesoin(1), BesoinLot.aucunBesoin(2)));
        Siren absent = new Siren("212100408");

        Consolidation c = Consolidation.consolider(LOTS, List.of(TALANT, absent, DIJON, CHENOVE), reponses);

        assertThat(c.lots()).extracting(l -> l.lot().numero()).containsExactly(1, 2);
        assertThat(c.lots().get(0).quantiteTotale()).isEqualByComparingTo("110");
        assertThat(c.lots().get(0).montantEstimeTotal()).isEqualByComparingTo("495.60");
        assertThat(c.lots().get(0).besoins()).extracting(Consolidation.BesoinMembre::siren).containsExactly(DIJON, TALANT);
        assertThat(c.lots().get(1).quantiteTotale()).isEqualByComparingTo("2.5");
        assertThat(c.lots().get(1).besoins()).extracting(Consolidation.BesoinMembre::siren).containsExactly(TALANT);
        assertThat(c.membresAyantDeclare()).containsExactly(DIJON, TALANT);
        assertThat(c.membresSansBesoin()).containsExactly(CHENOVE);
        assertThat(c.membresSansReponse()).containsExactly(absent);
    }

    @Test
    void consolidatesFiveHundredMembersAndTwentyLots() {
        List<LotRecensement> lots = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lots.add(new LotRecensement(i, "Lot " + i, "u", null));
        }
        List<Siren> invites = new ArrayList<>();
        Map<Siren, List<BesoinLot>> reponses = new HashMap<>();
        for (int m = 0; m < 500; m++) {
            Siren siren = new Siren(sirenValide(100_000_00 + m));
            invites.add(siren);
            reponses.put(siren, lots.stream().map(l -> BesoinLot.besoin(l.numero(), BigDecimal.ONE,
                    new BigDecimal("10.00"))).toList());
        }
        Consolidation c = Consolidation.consolider(lots, invites, reponses);

        assertThat(c.lots()).hasSize(20).allSatisfy(l -> {
            assertThat(l.quantiteTotale()).isEqualByComparingTo("500");
            assertThat(l.montantEstimeTotal()).isEqualByComparingTo("5000.00");
        });
        assertThat(c.membresAyantDeclare()).hasSize(500);
    }

    @Test
    void refusesMoreAnswersThanOneClosingEventCanCarry() {
        List<LotRecensement> lots = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            lots.add(new LotRecensement(i, "Lot " + i, "u", null));
        }
        List<Siren> invites = new ArrayList<>();
        for (int m = 0; m < 301; m++) {
            invites.add(new Siren(sirenValide(100_000_00 + m)));
        }

        assertThatThrownBy(() -> Recensement.ouvrir(RecensementId.nouveau(), "X", FamilleAchat.ENERGIE,
                Nature.SERVICES, new CodeCpv("30192000-1"), lots, invites, MAINTENANT.plusSeconds(60), "a", MAINTENANT))
                .isInstanceOf(ValeurInvalideException.class).hasMessageContaining("301 membres × 50 lots");
        assertThat(Recensement.ouvrir(RecensementId.nouveau(), "X", FamilleAchat.ENERGIE, Nature.SERVICES,
                new CodeCpv("30192000-1"), lots, invites.subList(0, 300), MAINTENANT.plusSeconds(60), "a", MAINTENANT)
                .membresInvites()).hasSize(300);
    }

    /** An 8-digit base completed with its Luhn key. */
    static String sirenValide(int base) {
        String debut = String.format("%08d", base);
        for (int cle = 0; cle < 10; cle++) {
            if (Siren.estValide(debut + cle)) {
                return debut + cle;
            }
        }
        throw new IllegalStateException();
    }
}

package fr.centraleachat.catalogue.consultation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsultationTest {

    private static final Instant PUBLICATION = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant DLRO = Instant.parse("2026-12-07T11:00:00Z");

    static ContenuConsultation contenu(String objet) {
        return new ContenuConsultation(objet, "FOURNITURES", new CodeCpv("30192000-1"), "APPEL_OFFRES_OUVERT",
                new BigDecimal("250000.00"), PUBLICATION, DLRO,
                List.of(new LotConsultation(1, "Papier", new BigDecimal("150000.00"), null),
                        new LotConsultation(2, "Logiciels", new BigDecimal("100000.00"), new CodeCpv("48000000-8"))),
                List.of(new CritereConsultation("Prix", 60, "PRIX"), new CritereConsultation("Valeur technique", 40, "TECHNIQUE")),
                List.of(new Siren("212102313"), new Siren("212106173")));
    }

    @Test
    void publishedConsultationIsOpenUntilItsDeadline() {
        Consultation consultation = Consultation.inconnue("c-1");

        assertThat(consultation.publier(contenu("Fournitures de bureau"))).isTrue();

        assertThat(consultation.estOuverte(PUBLICATION)).isTrue();
        assertThat(consultation.estOuverte(DLRO)).isFalse();
    }

    @Test
    void closureAndAbandonRemoveTheConsultationFromTheOpenOnes() {
        Consultation close = Consultation.inconnue("c-1");
        close.publier(contenu("Fournitures de bureau"));
        assertThat(close.cloturer()).isTrue();
        assertThat(close.statut()).contains(StatutConsultation.CLOTUREE);
        assertThat(close.estOuverte(PUBLICATION)).isFalse();

        Consultation abandonnee = Consultation.inconnue("c-2");
        abandonnee.publier(contenu("Fournitures de bureau"));
        assertThat(abandonnee.classerSansSuite()).isTrue();
        assertThat(abandonnee.statut()).contains(StatutConsultation.SANS_SUITE);
        assertThat(abandonnee.estOuverte(PUBLICATION)).isFalse();
    }

    @Test
    void latePublicationNeverReopensAClosedConsultation() {
        Consultation consultation = Consultation.inconnue("c-1");
        consultation.publier(contenu("Fournitures de bureau"));
        consultation.cloturer();

        assertThat(consultation.publier(contenu("Fournitures de bureau (bis)"))).isFalse();

        assertThat(consultation.estOuverte(PUBLICATION)).isFalse();
        assertThat(consultation.contenu().orElseThrow().objet()).isEqualTo("Fournitures de bureau");
    }

    @Test
    void closureArrivingFirstKeepsTheContentOfTheLaterPublicationButStaysClosed() {
        Consultation consultation = Consultation.inconnue("c-1");
        consultation.cloturer();

        assertThat(consultation.publier(contenu("Fournitures de bureau"))).isTrue();

        assertThat(consultation.contenu()).isPresent();
        assertThat(consultation.estOuverte(PUBLICATION)).isFalse();
    }

    @Test
    void abandonAfterClosureIsRecordedButNotTwice() {
        Consultation consultation = Consultation.inconnue("c-1");
        consultation.publier(contenu("Fournitures de bureau"));
        consultation.cloturer();

        assertThat(consultation.classerSansSuite()).isTrue();
        assertThat(consultation.classerSansSuite()).isFalse();
        assertThat(consultation.cloturer()).isFalse();
        assertThat(consultation.statut()).contains(StatutConsultation.SANS_SUITE);
    }

    @Test
    void coversTheDivisionsOfTheMainCodeAndOfEveryLot() {
        assertThat(contenu("Fournitures de bureau").divisionsCpv()).containsExactly("30", "48");
    }

    @Test
    void rejectsContentWithoutDeadline() {
        assertThatThrownBy(() -> new ContenuConsultation("Objet", "SERVICES", new CodeCpv("30192000-1"), "MAPA",
                BigDecimal.TEN, PUBLICATION, null, null, null, null))
                .isInstanceOf(ValeurInvalideException.class).hasMessageContaining("date limite");
    }
}

package fr.centraleachat.marche.consultation.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.Nature;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConsultationRequeteTest {

    private static final Validator VALIDATION = Validation.buildDefaultValidatorFactory().getValidator();

    private static ConsultationRequete avecLots(List<ConsultationRequete.LotRequete> lots) {
        return new ConsultationRequete("Fournitures", Nature.FOURNITURES, new CodeCpv("30192000-1"),
                fr.centraleachat.kernel.FamilleAchat.FOURNITURES_ADMINISTRATIVES, lots,
                List.of(new ConsultationRequete.CritereRequete("Prix", 100, TypeCritere.PRIX)),
                OffsetDateTime.parse("2027-01-15T12:00:00+01:00"), List.of(new Siren("212102313")), DelaiReduit.NONE,
                null, null);
    }

    @Test
    void refusesAnOversizedListOfLotsWithoutValidatingEachLot() {
        // Every lot is invalid too: only the bound is reported, the 5000 lots are not looked at one by one.
        var lots = IntStream.rangeClosed(1, 5000)
                .mapToObj(i -> new ConsultationRequete.LotRequete(i, " ", Montant.de(1000), null, null)).toList();

        var violations = VALIDATION.validate(avecLots(lots), ConsultationRequete.Ordre.class);

        assertThat(violations).extracting(ConstraintViolation::getMessage)
                .containsExactly("Une consultation comporte au plus 200 lots.");
    }

    @Test
    void reportsEveryFieldOfALotOnceTheListsAreWithinBounds() {
        var violations = VALIDATION.validate(avecLots(List.of(new ConsultationRequete.LotRequete(null, " ", null, null, null))),
                ConsultationRequete.Ordre.class);

        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("lots[0].numero", "lots[0].intitule", "lots[0].montantEstime");
    }
}

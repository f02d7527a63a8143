package fr.centraleachat.catalogue.consultation.web;

import fr.centraleachat.catalogue.consultation.application.ConsultationsOuvertes;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Any authenticated caller may read open consultations: they are public notices. */
@RestController
@RequestMapping("/api/catalogue/consultations-ouvertes")
@Tag(name = "Consultations ouvertes", description = "Consultations publiées dont la date limite de remise des offres n'est pas passée")
class ConsultationsOuvertesController {

    private static final Pattern DIVISION_CPV = Pattern.compile("\\d{2}");

    private final ConsultationsOuvertes consultationsOuvertes;

    ConsultationsOuvertesController(ConsultationsOuvertes consultationsOuvertes) {
        this.consultationsOuvertes = consultationsOuvertes;
    }

    @GetMapping
    @Operation(summary = "Lister les consultations ouvertes par page, par date limite de remise des offres croissante")
    @ApiResponse(responseCode = "200", description = "Une page de consultations ouvertes")
    PageVue<ConsultationOuverteReponse> lister(
            @Parameter(description = "SIREN d'un bénéficiaire") @RequestParam(required = false) String beneficiaire,
            @Parameter(description = "Division CPV (2 chiffres, ex. 30)") @RequestParam(required = false) String cpv,
            @ParameterObject @Valid PageDemandee page) {
        return consultationsOuvertes.lister(beneficiaire(beneficiaire), division(cpv), page)
                .map(ConsultationOuverteReponse::de);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Consulter une consultation ouverte")
    @ApiResponse(responseCode = "200", description = "La consultation ouverte")
    ConsultationOuverteReponse consulter(@PathVariable UUID id) {
        return ConsultationOuverteReponse.de(consultationsOuvertes.consulter(id));
    }

    private static Optional<Siren> beneficiaire(String valeur) {
        if (valeur == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Siren(valeur));
        } catch (ValeurInvalideException e) {
            throw new ValeurInvalideException("beneficiaire", e.getMessage());
        }
    }

    private static Optional<String> division(String valeur) {
        if (valeur == null) {
            return Optional.empty();
        }
        if (!DIVISION_CPV.matcher(valeur).matches()) {
            throw new ValeurInvalideException("cpv",
                    "La division CPV « " + valeur + " » est invalide : 2 chiffres attendus (ex. 30).");
        }
        return Optional.of(valeur);
    }
}

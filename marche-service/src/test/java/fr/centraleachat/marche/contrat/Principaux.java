package fr.centraleachat.marche.contrat;

import fr.centraleachat.contrat.ExemplesDeSchema;
import fr.centraleachat.support.test.JetonsDeTest;
import fr.centraleachat.support.test.PrincipauxDuContrat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The callers of the contract tests, by the column names of contrat/matrice-autorisations.csv, and the sample
 * values the OpenAPI schemas cannot tell.
 */
final class Principaux {

    private Principaux() {
    }

    static Map<String, Supplier<String>> jetons() {
        return PrincipauxDuContrat.jetons("data:read");
    }

    /** A draft that can be published: weights summing to 100, a DLRO well past the legal minimum. */
    static ExemplesDeSchema exemples() {
        return new ExemplesDeSchema()
                .indice("objet", "Fournitures de bureau")
                .indice("cpvPrincipal", "30192000-1")
                .indice("lots", List.of(Map.of("numero", 1, "intitule", "Papier", "montantEstime", 50000,
                        "cpv", "30197630-1")))
                .indice("criteres", List.of(Map.of("libelle", "Prix", "ponderation", 100, "type", "PRIX")))
                .indice("dlro", () -> LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(60)
                        .atTime(LocalTime.NOON).atZone(ZoneId.of("Europe/Paris")).toOffsetDateTime().toString())
                .indice("beneficiaires", List.of(JetonsDeTest.SIREN_DIJON, JetonsDeTest.SIREN_TALANT))
                .indice("raison", "Besoin couvert par un autre marché")
                .indice("valeurEstimee", 50000)
                .indice("siren", JetonsDeTest.SIREN_DIJON)
                .indice("motif", "Besoin couvert par un autre marché")
                .indice("cpv", List.of("30192000-1", "301"))
                .indice("natures", List.of("FOURNITURES"))
                .indice("motsCles", List.of("papier recyclé"))
                .indice("departements", List.of("21", "2A"));
    }
}

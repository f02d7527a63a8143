package fr.centraleachat.adhesion.contrat;

import fr.centraleachat.contrat.ExemplesDeSchema;
import fr.centraleachat.support.test.JetonsDeTest;
import fr.centraleachat.support.test.PrincipauxDuContrat;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The callers of the contract tests, by the column names of contrat/matrice-autorisations.csv, and the sample
 * values the OpenAPI schemas cannot tell: the resources belong to Dijon (seed data), the agent's own body.
 */
final class Principaux {

    private Principaux() {
    }

    static Map<String, Supplier<String>> jetons() {
        return PrincipauxDuContrat.jetons("data:read");
    }

    static ExemplesDeSchema exemples() {
        return new ExemplesDeSchema()
                .indice("siren", JetonsDeTest.SIREN_DIJON)
                .indice("nom", "Dijon")
                .indice("numero", "DEL-2026-042")
                .indice("motif", "Convention non respectée")
                .indice("membresInvites", List.of(JetonsDeTest.SIREN_DIJON, JetonsDeTest.SIREN_TALANT))
                .indice("membres", List.of(JetonsDeTest.SIREN_DIJON, JetonsDeTest.SIREN_TALANT))
                .indice("coordonnateur", JetonsDeTest.SIREN_DIJON)
                .indice("cpvPrincipal", "30192000-1")
                .indice("codeCpv", "30192000-1")
                // Ahead of the contract run, within the year a recensement may stay open.
                .indice("dateCloture", () -> OffsetDateTime.now(ZoneOffset.UTC).plusDays(30)
                        .truncatedTo(ChronoUnit.SECONDS).toString())
                .indice("pasDeBesoin", false)
                .indice("quantite", 12)
                .indice("montantEstime", 1500.5);
    }
}

package fr.centraleachat.systeme;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.bench.CommandesConcurrentes;
import fr.centraleachat.bench.MesureFlux;
import fr.centraleachat.bench.MesureRecensement;
import fr.centraleachat.bench.RechercheCatalogue;
import fr.centraleachat.stack.LocalStack;
import fr.centraleachat.stack.ProcessSpec;
import fr.centraleachat.stack.StackPorts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code search} and {@code orders} benchmarks' clients on a small scale against the whole system, checking
 * their results only, never their timing (that is the benchmarks' part, in bench/): the search finds what each
 * caller may see and nothing else, concurrent members never order beyond a contract's maximum, and a recensement
 * answered by every agent at once consolidates exactly what was sent; the feed, read whole from the start and
 * followed live, loses nothing and keeps each aggregate's order.
 */
class BenchmarksSmallIT {

    private static final int AGENTS = 4;

    @TempDir
    Path donnees;

    @Test
    void searchFindsWhatEachCallerMaySeeOrdersNeverExceedTheMaximumARecensementAddsUpAndTheFeedLosesNothing() throws Exception {
        Path racine = Path.of(System.getProperty("centrale.racine", "..")).toAbsolutePath().normalize();
        // The benchmarks' supplier and agent accounts join the demo users of the auth-server (maps merge).
        Path comptes = donnees.resolveSibling(donnees.getFileName() + "-comptes.yml");
        Files.writeString(comptes, RechercheCatalogue.comptesYaml(4, AGENTS), StandardCharsets.UTF_8);
        StackPorts ports = StackPorts.freePorts();
        try (LocalStack pile = LocalStack.builder().projectRoot(racine).dataDir(donnees).ports(ports)
                .env("SPRING_CONFIG_ADDITIONAL_LOCATION", "file:" + comptes)
                .env("CENTRALE_RATELIMIT_ENABLED", "false")
                .startupTimeout(Duration.ofSeconds(240)).start()) {
            URI gateway = URI.create(pile.gatewayUrl());
            URI auth = URI.create(pile.authServerUrl());

            RechercheCatalogue.Verification recherche = RechercheCatalogue.verifierPetitCatalogue(gateway,
                    URI.create(pile.url(ProcessSpec.CATALOGUE)), auth, 3_000, 6);
            assertThat(recherche.echecs()).as("search checks").isEmpty();
            assertThat(recherche.verifications()).isGreaterThan(20);

            CommandesConcurrentes.Mesure commandes = CommandesConcurrentes.mesurerPeu(gateway, auth, AGENTS, 3, 120);
            assertThat(commandes.erreurs()).as("errors while ordering").isZero();
            assertThat(commandes.maximumAtteint()).as("the members ordered until the maximum was reached").isTrue();
            assertThat(commandes.consomme()).as("consumption = sum of the issued orders")
                    .isEqualByComparingTo(commandes.sommeEmises());
            assertThat(commandes.consomme()).as("never beyond the maximum").isLessThanOrEqualTo(commandes.maximum());
            assertThat(commandes.refusees()).as("orders refused once the remaining amount was too small").isPositive();

            // The recensement benchmark's client: every agent declares for its body, the closing consolidates the
            // sums sent, and marche-service drafts the consultation from it.
            MesureRecensement.Mesure recensement = MesureRecensement.mesurerPeu(gateway, auth, AGENTS, 5);
            assertThat(recensement.erreurs()).as("errors while declaring").isZero();
            assertThat(recensement.lotsFaux()).as("lots whose consolidated totals differ from the sums sent, or no"
                    + " draft consultation").isZero();
            assertThat(recensement.declarants()).as("bodies counted as declaring").isEqualTo(AGENTS);

            // The feed benchmark's client: events published on a topic, read whole through the gateway and straight
            // to diffusion-service, then followed live.
            MesureFlux.Verification flux = MesureFlux.verifierPeu(gateway, URI.create(pile.url(ProcessSpec.DIFFUSION)),
                    auth, "localhost:" + ports.kafka(), 2_000, 50, 4);
            assertThat(flux.resultats()).containsEntry("gateway_lost", "0").containsEntry("service_lost", "0")
                    .containsEntry("live_lost", "0").containsEntry("gateway_out_of_order", "0")
                    .containsEntry("live_out_of_order", "0");
            assertThat(flux.coherent()).isTrue();
        } finally {
            Files.deleteIfExists(comptes);
        }
    }
}

package fr.centraleachat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.bench.RechercheCatalogue.AgentVisible;
import fr.centraleachat.bench.RechercheCatalogue.Contrat;
import fr.centraleachat.bench.RechercheCatalogue.Etat;
import fr.centraleachat.bench.RechercheCatalogue.Requete;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RechercheCatalogueTest {

    private static Etat etat() {
        List<Contrat> contrats = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            contrats.add(new Contrat(i, "2027-0001-L" + (i + 1), i / 3, CatalogueSynthetique.rayon(i / 3).famille()
                    .name(), ComptesFournisseurs.siret(1 + i % 4), RechercheCatalogue.raisonSociale(i % 4), 1000));
        }
        List<AgentVisible> agents = new ArrayList<>();
        for (ComptesAgents.Agent agent : ComptesAgents.agents(6)) {
            int a = agents.size();
            agents.add(new AgentVisible(agent.identifiant(), agent.siren(),
                    List.of(0, 1, 2, 3).stream().filter(c -> RechercheCatalogue.voit(a, c, 6)).toList()));
        }
        return new Etat(RechercheCatalogue.GRAINE, 12000, 4, contrats, agents, 1, 2, 0);
    }

    @Test
    void everyConsultationHasABeneficiaryAndNoAgentSeesEverything() {
        for (int agents = 1; agents <= 8; agents++) {
            for (int c = 0; c < 6; c++) {
                int consultation = c;
                int nombre = agents;
                assertThat(java.util.stream.IntStream.range(0, agents)
                        .anyMatch(a -> RechercheCatalogue.voit(a, consultation, nombre))).isTrue();
            }
        }
        assertThat(RechercheCatalogue.voit(0, 0, 6)).isFalse();
        assertThat(RechercheCatalogue.voit(0, 1, 6)).isTrue();
    }

    @Test
    void theSearchesAreTheSameEachRunAndCoverEveryKind() {
        List<Requete> requetes = RechercheCatalogue.requetes(etat(), 4096);
        assertThat(requetes).hasSize(4096).isEqualTo(RechercheCatalogue.requetes(etat(), 4096));
        Map<String, Long> parType = requetes.stream().collect(Collectors.groupingBy(Requete::type,
                Collectors.counting()));
        assertThat(parType.keySet()).containsExactlyInAnyOrder("words", "agent_words", "agent_browse", "typo", "filter",
                "by_price", "browse", "page_2_to_5", "reference");
        assertThat(parType.get("words")).isBetween(900L, 1150L);
        for (Requete requete : requetes) {
            assertThat(requete.chemin()).startsWith("/api/catalogue/recherche").doesNotContain(" ");
            assertThat(requete.type().startsWith("agent_")).isEqualTo(!requete.acteur().equals("acheteur"));
            assertThat(requete.referenceAttendue() != null).isEqualTo(requete.type().equals("reference"));
        }
    }

    @Test
    void answersAreCheckedForTheReferenceAndTheAgentsContracts() {
        Map<String, Set<String>> visibles = Map.of("bench-agent-001", Set.of("2027-0001-L4"));
        Requete reference = new Requete("reference", "/x", "acheteur", "RAM-000-000001", "2027-0001-L1");
        assertThat(RechercheCatalogue.controler(reference, "{\"elements\":[{\"reference\":\"RAM-000-000001\","
                + "\"contrat\":{\"numero\":\"2027-0001-L1\"}}]}", visibles)).isNull();
        assertThat(RechercheCatalogue.controler(reference, "{\"elements\":[]}", visibles)).contains("first none");
        Requete agent = new Requete("agent_browse", "/x", "bench-agent-001", null, null);
        assertThat(RechercheCatalogue.controler(agent, "{\"elements\":[{\"contrat\":{\"numero\":\"2027-0001-L4\"}}],"
                + "\"facettes\":{\"contrat\":[{\"valeur\":\"2027-0001-L4\"}]}}", visibles)).isNull();
        assertThat(RechercheCatalogue.controler(agent, "{\"elements\":[],\"facettes\":{\"contrat\":[{\"valeur\":"
                + "\"2027-0001-L1\"}]}}", visibles)).contains("2027-0001-L1");
    }

    @Test
    void pathsAreEncodedAndAccountsListBothKinds() {
        assertThat(RechercheCatalogue.chemin(Map.of("q", "café moulu", "taille", "1")))
                .isEqualTo("/api/catalogue/recherche?q=caf%C3%A9+moulu&taille=1");
        String yaml = RechercheCatalogue.comptesYaml(2, 1);
        assertThat(yaml).contains("centrale:\n  auth:\n    users:\n      bench-fournisseur-001:\n")
                .contains("      bench-fournisseur-002:\n").contains("      bench-agent-001:\n")
                .contains("roles: [FOURNISSEUR]").contains("roles: [AGENT]");
    }
}

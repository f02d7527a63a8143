package fr.centraleachat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComptesAgentsTest {

    @Test
    void everyAgentHasABodyOfItsOwnWithAValidSirenOutsideTheSeed() {
        List<ComptesAgents.Agent> agents = ComptesAgents.agents(64);
        assertThat(agents).hasSize(64);
        assertThat(agents.get(0).identifiant()).isEqualTo("bench-agent-001");
        assertThat(new HashSet<>(agents.stream().map(ComptesAgents.Agent::siren).toList())).hasSize(64);
        for (ComptesAgents.Agent agent : agents) {
            assertThat(agent.siren()).matches("93\\d{7}");
            assertThat(ComptesFournisseurs.valide(agent.siren())).isTrue();
        }
    }

    @Test
    void yamlGivesEachAgentItsBodyAsMembreClaim() {
        ComptesAgents.Agent premier = ComptesAgents.agents(1).get(0);
        assertThat(ComptesAgents.yaml(List.of(premier))).contains("centrale:\n  auth:\n    users:\n"
                + "      bench-agent-001:\n        password: \"{noop}bench-agent-001\"\n        roles: [AGENT]\n"
                + "        membre: \"" + premier.siren() + "\"\n");
    }
}

package fr.centraleachat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The member bodies and agent accounts of the orders benchmark: body {@code n} is "CCAS de mesure n" (a CCAS
 * needs no INSEE code) with a SIREN of its own ({@code 93} and the number on 6 digits, then its Luhn key: none of
 * the seeded Dijon Métropole bodies), and its agent {@code bench-agent-00n} (password: the name) carries that SIREN
 * as its {@code membre} claim. Always the same for a given count. The auth-server learns the accounts from a YAML file given as additional
 * configuration (its users are a map: they join the demo users); the bodies are registered through the API.
 */
final class ComptesAgents {

    static final String PREFIXE = "bench-agent-";

    record Agent(String identifiant, String motDePasse, String siren, String nomMembre) {
    }

    private ComptesAgents() {
    }

    static List<Agent> agents(int nombre) {
        if (nombre < 1 || nombre > 999_999) {
            throw new IllegalArgumentException("between 1 and 999999 members, not " + nombre);
        }
        List<Agent> agents = new ArrayList<>();
        for (int i = 1; i <= nombre; i++) {
            String identifiant = PREFIXE + String.format("%03d", i);
            agents.add(new Agent(identifiant, identifiant, ComptesFournisseurs.avecCle(String.format("93%06d", i)),
                    "CCAS de mesure " + i));
        }
        return agents;
    }

    /** The auth-server's {@code centrale.auth.users} entries of these agents. */
    static String yaml(List<Agent> agents) {
        StringBuilder yaml = new StringBuilder("""
                # Agent accounts of bench/run.sh orders, added to the demo users (maps merge across property sources).
                centrale:
                  auth:
                    users:
                """);
        return yaml.append(entrees(agents)).toString();
    }

    /** The entries alone, to be put under {@code centrale.auth.users} with other accounts. */
    static String entrees(List<Agent> agents) {
        StringBuilder yaml = new StringBuilder();
        for (Agent agent : agents) {
            yaml.append("      ").append(agent.identifiant()).append(":\n")
                    .append("        password: \"{noop}").append(agent.motDePasse()).append("\"\n")
                    .append("        roles: [AGENT]\n")
                    .append("        membre: \"").append(agent.siren()).append("\"\n");
        }
        return yaml.toString();
    }

    /** {@code orders-accounts --members N --out FILE}: writes the YAML. */
    static int run(String[] args) throws IOException {
        int nombre = 64;
        Path sortie = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--members" -> nombre = Integer.parseInt(args[i + 1]);
                case "--out" -> sortie = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (sortie == null) {
            throw new IllegalArgumentException("--out is required");
        }
        Files.writeString(sortie, yaml(agents(nombre)), StandardCharsets.UTF_8);
        System.err.println("wrote " + nombre + " agent accounts to " + sortie);
        return 0;
    }
}

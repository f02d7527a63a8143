package fr.centraleachat.bench;

import java.util.Arrays;

/** {@code java -jar bench-exec.jar NAME [options]}: the measurements bench/run.sh delegates to a JVM. */
public final class Bench {

    private static final String USAGE = """
            Usage: bench events --gateway URL --auth URL --kafka HOST:PORT [--samples N]
                   bench plis --gateway URL --auth URL --marche URL [--suppliers N] [--size-mb N] [--threads N]
                              [--dlro-s S] [--window-s S] [--sign-ins N] [--xmx -XmxNNNm]
                   bench plis-accounts --count N --out FILE   (the suppliers' accounts, auth-server YAML)
                   bench orders --gateway URL [--gateway2 URL] --auth URL [--members N] [--target-s S]
                              [--warmup-s S] [--target-s S] [--limit-s S] [--goal N] [--instances URL,URL]
                   bench orders-accounts --members N --out FILE   (the members' agents, auth-server YAML)
                   bench search-accounts --suppliers N --agents N --out FILE   (both, auth-server YAML)
                   bench search-setup --gateway URL --service URL --auth URL --state FILE [--items N] [--contracts N]
                              [--suppliers N] [--agents N] [--import-threads N] [--index-limit-s S]
                   bench search-wait --service URL --auth URL --state FILE --since-ms EPOCH_MS [--ready-ms EPOCH_MS]
                   bench search --gateway URL --service URL --auth URL --state FILE [--clients N] [--warmup S]
                              [--duration S] [--rebuild-s S] [--pid PID] [--gateway-pid PID]
                              [--index-dir DIR]
                   bench recensement --gateway URL [--service ADHESION_URL] --auth URL [--members N] [--lots N]
                              [--clients N] [--warmup true|false]   (agents: orders-accounts)
                   bench feed --gateway URL [--service DIFFUSION_URL] --auth URL --kafka HOST:PORT [--events N]
                              [--rate N] [--live-s S]""";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "events" -> System.exit(LatenceEvenements.run(rest));
            case "plis" -> System.exit(DepotDesPlis.run(rest));
            case "plis-accounts" -> System.exit(ComptesFournisseurs.run(rest));
            case "orders" -> System.exit(CommandesConcurrentes.run(rest));
            case "orders-accounts" -> System.exit(ComptesAgents.run(rest));
            case "recensement" -> System.exit(MesureRecensement.run(rest));
            case "feed" -> System.exit(MesureFlux.run(rest));
            case "search-accounts" -> System.exit(RechercheCatalogue.comptes(rest));
            case "search-setup" -> System.exit(RechercheCatalogue.preparer(rest));
            case "search-wait" -> System.exit(RechercheCatalogue.attendreReconstruction(rest));
            case "search" -> System.exit(RechercheCatalogue.mesurer(rest));
            default -> {
                System.err.println("Unknown benchmark " + args[0] + "\n" + USAGE);
                System.exit(2);
            }
        }
    }
}

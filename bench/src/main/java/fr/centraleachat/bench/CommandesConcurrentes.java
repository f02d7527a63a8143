package fr.centraleachat.bench;

import static fr.centraleachat.bench.ClientApi.PARIS;
import static fr.centraleachat.bench.ClientApi.expect;

import fr.centraleachat.bench.ClientApi.Reponse;
import fr.centraleachat.bench.ComptesAgents.Agent;
import fr.centraleachat.smoke.ConnexionOidc;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;

/**
 * Members ordering on one accord-cadre à bons de commande, all at once, through the gateway.
 *
 * <p>Setup (not measured): {@code M} member bodies registered (admin) with one agent each ({@link ComptesAgents}),
 * each body's adhésion requested by its agent, deliberated and activated (famille FOURNITURES_ADMINISTRATIVES); one
 * MAPA with every body as a beneficiary and one lot per run plus one, two plis per lot, closing, opening, scoring,
 * award and rejection notices. Lot 1 is notified at once as an accord-cadre à bons de commande with a maximum never
 * reached: the warm-up's contract. Each run (through the stack's gateway, one catalogue-service instance; then through
 * a gateway spreading over two instances, when one is given) starts with a warm-up on it; the next lot is then
 * notified with the maximum the warm-up's pace would reach in about {@code target-s} seconds, so that the run tests
 * the maximum at its edge whatever the machine's speed. Each contract gets its price list and every body's
 * subscription before it is used.
 *
 * <p>Measured: one thread per agent drafts an order (1 to 9 reams of paper at 4.80 € HT) and issues it, again and
 * again. An issue refused with 409 (over the remaining amount) makes the thread order one ream from then on; one ream
 * refused means less than its price remains and ends the run for every thread: the maximum has been reached. Counted:
 * orders issued (200), refused (409), errors (anything else, time-outs); orders/s = issued / time until the maximum
 * was reached; latency of the issue call. Then the contract is read back: its consumption must equal the sum of the
 * issued orders' amounts and stay within the maximum ({@code over}: the consumption beyond the maximum).
 */
public final class CommandesConcurrentes {

    private static final BigDecimal PRIX_RAMETTE = new BigDecimal("4.80");
    private static final int RAMETTES_MAX = 9;
    private static final BigDecimal MONTANT_MOYEN = PRIX_RAMETTE.multiply(BigDecimal.valueOf((1 + RAMETTES_MAX) / 2));
    private static final BigDecimal MAXIMUM_ECHAUFFEMENT = new BigDecimal("50000000");
    /** A refused call (503 from an open circuit, time-out) is not retried at once: a user would not either. */
    private static final long PAUSE_APRES_ERREUR_MS = 100;

    private final URI gateway;
    private final URI gateway2;
    private final URI auth;
    private final int membres;
    private final int dureeCibleS;
    private final int echauffementS;
    private final int limiteS;
    private final int objectif;
    private final String label;
    private final List<URI> instances;
    private final ClientApi api;
    private final Preparation preparation;

    /** One measured (or warm-up) run on one contract through one gateway. */
    public record Mesure(String cible, String contrat, long emises, long refusees, long erreurs, double fenetreS,
            boolean maximumAtteint, Stats emission, Stats brouillon, BigDecimal sommeEmises, BigDecimal consomme,
            BigDecimal maximum, BigDecimal restant, Map<String, Integer> causes) {

        public double parSeconde() {
            return fenetreS > 0 ? emises / fenetreS : 0;
        }

        public BigDecimal depassement() {
            return consomme.subtract(maximum).max(BigDecimal.ZERO);
        }

        public boolean coherent() {
            return consomme.compareTo(sommeEmises) == 0 && consomme.compareTo(maximum) <= 0;
        }
    }

    private CommandesConcurrentes(Map<String, String> options) {
        this.gateway = URI.create(requis(options, "--gateway"));
        this.gateway2 = options.containsKey("--gateway2") ? URI.create(options.get("--gateway2")) : null;
        this.auth = URI.create(requis(options, "--auth"));
        this.membres = Integer.parseInt(options.getOrDefault("--members", "64"));
        this.dureeCibleS = Integer.parseInt(options.getOrDefault("--target-s", "20"));
        this.echauffementS = Integer.parseInt(options.getOrDefault("--warmup-s", "15"));
        this.limiteS = Integer.parseInt(options.getOrDefault("--limit-s", "120"));
        this.objectif = Integer.parseInt(options.getOrDefault("--goal", "500"));
        this.label = options.getOrDefault("--label", "orders");
        this.instances = options.containsKey("--instances")
                ? java.util.Arrays.stream(options.get("--instances").split(",")).map(URI::create).toList() : List.of();
        this.api = new ClientApi(gateway, Duration.ofSeconds(60));
        this.preparation = new Preparation(api);
    }

    static int run(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return new CommandesConcurrentes(options).mesurer();
    }

    private static String requis(Map<String, String> options, String nom) {
        String valeur = options.get(nom);
        if (valeur == null) {
            throw new IllegalArgumentException(nom + " is required");
        }
        return valeur;
    }

    /**
     * Small mode, for a correctness test: {@code membres} agents (accounts {@code bench-agent-001}…, which the
     * auth-server must know: {@link ComptesAgents}) order through one gateway until a contract's maximum is reached;
     * answers the measured run, whose invariant the caller checks ({@link Mesure#coherent()}, maximum reached).
     */
    public static Mesure mesurerPeu(URI gateway, URI auth, int membres, int echauffementS, int limiteS)
            throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--gateway", gateway.toString());
        options.put("--auth", auth.toString());
        options.put("--members", Integer.toString(membres));
        options.put("--target-s", "1");
        options.put("--warmup-s", Integer.toString(echauffementS));
        options.put("--limit-s", Integer.toString(limiteS));
        return new CommandesConcurrentes(options).executer().get(0);
    }

    private int mesurer() throws Exception {
        List<Mesure> mesures = executer();
        Mesure un = mesures.get(0);
        Mesure deux = mesures.size() > 1 ? mesures.get(1) : null;
        boolean invariant = mesures.stream().allMatch(m -> m.coherent() && m.maximumAtteint());
        boolean objectifAtteint = mesures.stream().allMatch(m -> m.parSeconde() >= objectif);
        StringBuilder ligne = new StringBuilder(label).append(":");
        for (Mesure m : mesures) {
            String p = m == un ? " x1_" : " x2_";
            ligne.append(p).append("orders_per_s=").append(String.format(Locale.ROOT, "%.0f", m.parSeconde()))
                    .append(p).append("issue_p50_ms=").append(Stats.format(m.emission().percentile(50)))
                    .append(p).append("issue_p99_ms=").append(Stats.format(m.emission().percentile(99)))
                    .append(p).append("draft_p99_ms=").append(Stats.format(m.brouillon().percentile(99)))
                    .append(p).append("issued=").append(m.emises())
                    .append(p).append("refused=").append(m.refusees())
                    .append(p).append("errors=").append(m.erreurs())
                    .append(p).append("consumed_eur=").append(m.consomme().toPlainString())
                    .append(p).append("issued_sum_eur=").append(m.sommeEmises().toPlainString())
                    .append(p).append("max_eur=").append(m.maximum().toPlainString())
                    .append(p).append("over=").append(m.depassement().stripTrailingZeros().toPlainString())
                    .append(p).append("max_reached=").append(m.maximumAtteint());
        }
        if (servies2 != null) {
            ligne.append(" x2_served_1=").append(servies2[0]).append(" x2_served_2=").append(servies2[1]);
        }
        if (deux != null) {
            ligne.append(" ratio=").append(String.format(Locale.ROOT, "%.2f", deux.parSeconde() / un.parSeconde()));
        }
        ligne.append(" members=").append(membres).append(" threads=").append(membres)
                .append(" invariant=").append(invariant).append(" goal=").append(objectif)
                .append(" goal_met=").append(objectifAtteint);
        System.out.println(ligne);
        return invariant && objectifAtteint ? 0 : 1;
    }

    /** The setup, then one measured run per gateway; each run printed as it ends. */
    private List<Mesure> executer() throws Exception {
        long debutPreparation = System.nanoTime();
        ConnexionOidc oidc = new ConnexionOidc(auth, "centrale-web", "http://127.0.0.1:8080/callback");
        String acheteur = oidc.jetonPour("acheteur", "acheteur");
        List<Agent> agents = ComptesAgents.agents(membres);
        Map<String, String> jetons = preparation.connecter(oidc, agents);
        preparation.inscrireMembres(oidc.jetonPour("admin", "admin"), agents);
        preparation.activerAdhesions(acheteur, agents, jetons, "BENCH-ORDERS");

        List<URI> cibles = new ArrayList<>(List.of(gateway));
        if (gateway2 != null) {
            cibles.add(gateway2);
        }
        Preparation.Passation passation = passation(oidc, acheteur, agents, 1 + cibles.size());
        String echauffe = passation.notifier(1, MAXIMUM_ECHAUFFEMENT);
        preparerContrat(acheteur, echauffe, agents, jetons, true);
        System.out.printf(Locale.ROOT, "setup: %d bodies with an active adhésion and one agent each; consultation %s "
                        + "of %d lots awarded; contract %s (warm-up, maximum %s € HT) notified, priced, every body "
                        + "subscribed; %.0f s%n", agents.size(), passation.id(), 1 + cibles.size(), echauffe,
                MAXIMUM_ECHAUFFEMENT.toPlainString(), (System.nanoTime() - debutPreparation) / 1e9);

        List<Mesure> mesures = new ArrayList<>();
        for (int i = 0; i < cibles.size(); i++) {
            String cible = (i + 1) + " catalogue-service instance" + (i == 0 ? "" : "s");
            // Fresh tokens for each run (access tokens last 15 minutes).
            jetons = preparation.connecter(oidc, agents);
            ClientApi client = clientCommandes(cibles.get(i), agents.size());
            Mesure echauffement = commander(client, echauffe, agents, jetons, echauffementS, false, cible);
            System.out.printf(Locale.ROOT, "%s: warm-up %d s on %s: %d orders issued (%.0f/s), %d errors%s%n", cible,
                    echauffementS, echauffe, echauffement.emises(), echauffement.parSeconde(), echauffement.erreurs(),
                    charge());
            echauffement.causes().forEach((cause, nombre) -> System.out.println("  warm-up error: " + nombre + " × "
                    + cause));
            // The maximum the warm-up's pace reaches in about the target duration (the goal's when it was slower).
            long prevues = Math.max(500, Math.round(Math.max(echauffement.parSeconde(), 1) * dureeCibleS));
            BigDecimal maximum = MONTANT_MOYEN.multiply(BigDecimal.valueOf(prevues));
            String contrat = passation.notifier(i + 2, maximum);
            preparerContrat(acheteur, contrat, agents, jetons, false);
            System.out.printf(Locale.ROOT, "%s: contract %s notified with a maximum of %s € HT (about %d orders, "
                    + "%d s at the warm-up's pace), priced, every body subscribed%n", cible, contrat,
                    maximum.toPlainString(), prevues, dureeCibleS);
            long[] avant = servies(oidc);
            Mesure mesure = commander(client, contrat, agents, jetons, limiteS, true, cible);
            long[] apres = servies(oidc);
            mesures.add(mesure);
            afficher(mesure);
            if (apres.length > 0) {
                StringBuilder parInstance = new StringBuilder();
                for (int k = 0; k < apres.length; k++) {
                    parInstance.append(k == 0 ? "" : ", ").append("instance ").append(k + 1).append(" ")
                            .append(apres[k] - avant[k]);
                }
                System.out.println(cible + ": POST requests served during the run: " + parInstance);
                if (i == 1) {
                    servies2 = new long[] {apres[0] - avant[0], apres[1] - avant[1]};
                }
            }
        }

        return mesures;
    }

    private long[] servies2;

    /** The POST requests each catalogue-service instance has served so far, from its actuator; none if not given. */
    private long[] servies(ConnexionOidc oidc) throws Exception {
        if (instances.isEmpty()) {
            return new long[0];
        }
        String jeton = ConnexionOidc.jetonClient(auth, "supervision", "supervision-secret", "operations");
        long[] comptes = new long[instances.size()];
        for (int k = 0; k < instances.size(); k++) {
            Reponse metrique = new ClientApi(instances.get(k), Duration.ofSeconds(10)).call("GET",
                    "/actuator/metrics/http.server.requests?tag=method:POST", jeton, null);
            if (metrique.status() == 404) {
                continue; // no POST served yet
            }
            expect(metrique, 200);
            for (JsonNode mesure : metrique.json().path("measurements")) {
                if ("COUNT".equals(mesure.path("statistic").asString())) {
                    comptes[k] = mesure.path("value").asLong();
                }
            }
        }
        return comptes;
    }

    private void afficher(Mesure m) {
        System.out.printf(Locale.ROOT, "%s: %s: %d orders issued in %.1f s = %.0f orders/s (%s), %d refused over "
                        + "the maximum, %d errors; issue %s; draft %s%n", m.cible(), m.contrat(), m.emises(),
                m.fenetreS(), m.parSeconde(), m.maximumAtteint() ? "until the maximum was reached"
                        : "time limit, maximum NOT reached", m.refusees(), m.erreurs(), m.emission().summary(),
                m.brouillon().summary());
        System.out.printf(Locale.ROOT, "%s: contract %s: consumed %s € HT, issued orders sum to %s € HT, maximum %s, "
                        + "remaining %s, over %s: %s%s%n", m.cible(), m.contrat(), m.consomme().toPlainString(),
                m.sommeEmises().toPlainString(), m.maximum().toPlainString(), m.restant().toPlainString(),
                m.depassement().toPlainString(), m.coherent() ? "consistent" : "INCONSISTENT", charge());
        m.causes().forEach((cause, nombre) -> System.out.println("  error: " + nombre + " × " + cause));
    }

    // --- measured part ----------------------------------------------------------------------------------------

    private static ClientApi clientCommandes(URI cible, int connexions) {
        // HTTP/1.1: no h2c upgrade attempt on every new connection; one connection per thread at most.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new ClientApi(cible, Duration.ofSeconds(30), http);
    }

    /**
     * One thread per agent ordering on {@code contrat} for at most {@code secondes}; when {@code jusquAuMaximum}, the
     * run ends as soon as the maximum is reached (see the class comment). Then the contract is read back.
     */
    private Mesure commander(ClientApi client, String contrat, List<Agent> agents, Map<String, String> jetons,
            int secondes, boolean jusquAuMaximum, String cible) throws Exception {
        Stats emission = new Stats();
        Stats brouillon = new Stats();
        LongAdder emises = new LongAdder();
        LongAdder refusees = new LongAdder();
        LongAdder erreurs = new LongAdder();
        AtomicLong centimesEmis = new AtomicLong();
        AtomicBoolean fini = new AtomicBoolean();
        AtomicLong finNs = new AtomicLong();
        Map<String, Integer> causes = new ConcurrentHashMap<>();
        String commande = "/api/catalogue/contrats/" + contrat + "/bons-de-commande";
        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        long debut = System.nanoTime();
        long limite = debut + Duration.ofSeconds(secondes).toNanos();
        try {
            List<Future<?>> taches = new ArrayList<>();
            for (Agent agent : agents) {
                String jeton = jetons.get(agent.identifiant());
                taches.add(pool.submit(() -> {
                    boolean uneRamette = false;
                    while (!fini.get() && System.nanoTime() < limite) {
                        int rametes = uneRamette ? 1 : ThreadLocalRandom.current().nextInt(1, RAMETTES_MAX + 1);
                        try {
                            long t0 = System.nanoTime();
                            Reponse brouillonCree = client.call("POST", commande, jeton, client.write(Map.of(
                                    "lignes", List.of(Map.of("reference", "PAP-A4", "quantite", rametes)),
                                    "adresseLivraison", agent.nomMembre() + ", 1 rue de la Mairie")));
                            long t1 = System.nanoTime();
                            if (brouillonCree.status() != 201) {
                                erreur(erreurs, causes, "draft HTTP " + brouillonCree.status(), brouillonCree.body());
                                Thread.sleep(PAUSE_APRES_ERREUR_MS);
                                continue;
                            }
                            brouillon.add((t1 - t0) / 1e6);
                            BigDecimal montant = brouillonCree.json().path("montantHt").decimalValue();
                            String numero = brouillonCree.json().path("numero").asString();
                            Reponse emis = client.call("POST", "/api/catalogue/bons-de-commande/" + numero
                                    + "/emission", jeton, null);
                            long t2 = System.nanoTime();
                            if (emis.status() == 200) {
                                emission.add((t2 - t1) / 1e6);
                                emises.increment();
                                centimesEmis.addAndGet(montant.movePointRight(2).longValueExact());
                            } else if (emis.status() == 409) {
                                emission.add((t2 - t1) / 1e6);
                                refusees.increment();
                                if (rametes == 1 && jusquAuMaximum) {
                                    // Less than one ream's price remains: the maximum is reached for everyone.
                                    if (fini.compareAndSet(false, true)) {
                                        finNs.set(t2);
                                    }
                                }
                                uneRamette = true;
                            } else {
                                erreur(erreurs, causes, "issue HTTP " + emis.status(), emis.body());
                                Thread.sleep(PAUSE_APRES_ERREUR_MS);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return null;
                        } catch (Exception e) {
                            erreur(erreurs, causes, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> tache : taches) {
                tache.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long fin = fini.get() ? finNs.get() : Math.min(System.nanoTime(), limite);
        Reponse lu = api.call("GET", "/api/catalogue/contrats/" + contrat, jetons.get(agents.get(0).identifiant()),
                null);
        expect(lu, 200);
        JsonNode consommation = lu.json().path("consommation");
        return new Mesure(cible, contrat, emises.sum(), refusees.sum(), erreurs.sum(), (fin - debut) / 1e9, fini.get(),
                emission, brouillon, BigDecimal.valueOf(centimesEmis.get(), 2),
                consommation.path("consommeHt").decimalValue(), consommation.path("maximumHt").decimalValue(),
                consommation.path("restantHt").decimalValue(), new TreeMap<>(causes));
    }

    private static void erreur(LongAdder erreurs, Map<String, Integer> causes, String cause, String detail) {
        erreurs.increment();
        String courte = detail == null ? "" : detail.replaceAll("\\s+", " ");
        causes.merge(cause + (courte.isEmpty() ? "" : ": " + courte.substring(0, Math.min(160, courte.length()))), 1,
                Integer::sum);
    }

    private static String charge() {
        try {
            String[] load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return " [load " + load[0] + " " + load[1] + " " + load[2] + "]";
        } catch (Exception e) {
            return "";
        }
    }

    // --- setup ------------------------------------------------------------------------------------------------

    /**
     * A MAPA of {@code nombreLots} lots naming every body as a beneficiary; on each lot a pli of {@code fournisseur}
     * (the lower price) and one of {@code fournisseur2} (the better technical score), opened, scored, awarded,
     * rejection notices sent.
     */
    private Preparation.Passation passation(ConnexionOidc oidc, String acheteur, List<Agent> agents, int nombreLots)
            throws Exception {
        String fournisseur = oidc.jetonPour("fournisseur", "fournisseur");
        String fournisseur2 = oidc.jetonPour("fournisseur2", "fournisseur2");
        ZonedDateTime dlro = ZonedDateTime.now(PARIS).plusSeconds(25).withNano(0);
        List<Preparation.LotPrevu> lots = new ArrayList<>();
        for (int lot = 1; lot <= nombreLots; lot++) {
            lots.add(new Preparation.LotPrevu(lot, lot == 1 ? "Papier (mise en température)" : "Papier, lot " + lot,
                    20000, List.of(
                            new Preparation.Offre(fournisseur,
                                    "{\"prixHt\":10000,\"raisonSociale\":\"Papeterie Dijonnaise\"}", 30),
                            new Preparation.Offre(fournisseur2,
                                    "{\"prixHt\":11000,\"raisonSociale\":\"Bureau Bourgogne\"}", 38))));
        }
        Preparation.ConsultationPrevue prevue = new Preparation.ConsultationPrevue(
                "Papier de bureau (mesure des commandes de " + agents.size() + " membres)", "FOURNITURES",
                "30192000-1", "FOURNITURES_ADMINISTRATIVES", List.of(
                        Map.of("libelle", "Prix", "ponderation", 60, "type", "PRIX"),
                        Map.of("libelle", Preparation.CRITERE_TECHNIQUE, "ponderation", 40, "type", "TECHNIQUE")),
                agents.stream().map(Agent::siren).toList(), lots);
        Preparation.Passation passation = preparation.publier(acheteur, prevue, dlro);
        passation.deposerPlis(1);
        Preparation.attendreDlro(dlro, "consultation " + passation.id() + " published, plis filed");
        passation.analyser();
        return passation;
    }

    /** The contract in the catalogue, its price list imported, every body subscribed. */
    private void preparerContrat(String acheteur, String contrat, List<Agent> agents, Map<String, String> jetons,
            boolean attendreMembres) throws Exception {
        preparation.attendreContrat(acheteur, contrat);
        preparation.importerTarifRamette(acheteur, contrat);
        if (attendreMembres) {
            preparation.attendreMembresActifs(acheteur, agents);
        }
        preparation.souscrire(List.of(contrat), agents, jetons);
    }
}

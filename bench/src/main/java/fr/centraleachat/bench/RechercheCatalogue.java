package fr.centraleachat.bench;

import static fr.centraleachat.bench.ClientApi.PARIS;
import static fr.centraleachat.bench.ClientApi.expect;

import fr.centraleachat.bench.CatalogueSynthetique.Article;
import fr.centraleachat.bench.CatalogueSynthetique.Faute;
import fr.centraleachat.bench.CatalogueSynthetique.Rayon;
import fr.centraleachat.bench.ClientApi.Reponse;
import fr.centraleachat.bench.ComptesAgents.Agent;
import fr.centraleachat.bench.ComptesFournisseurs.Compte;
import fr.centraleachat.smoke.ConnexionOidc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue's search under load: a synthetic catalogue ({@link CatalogueSynthetique}) imported through the API
 * over a few hundred contracts, then a mix of searches by concurrent clients against catalogue-service and through
 * the gateway.
 *
 * <p>Setup ({@code search-setup}, not measured): agents' bodies registered and their adhésions activated; 2 to 4
 * consultations (or more, 200 lots each at most), one per department of the catalogue (famille d'achat and main
 * CPV), each naming some of the bodies as beneficiaries (agent {@code a} those {@code c} with {@code (a + c) % 3 != 0}),
 * one lot per contract; one pli per lot from the generated suppliers in turn, so that titulaires spread over them;
 * opening, award, notification as an accord-cadre; then one CSV price list per contract, generated as it is sent,
 * posted to catalogue-service a few at a time (a 429 is tried again). Timed: the imports ({@code import_s}) and,
 * from the first import, until the acheteur's browse counts every item ({@code index_s}). What the setup made is
 * written to a state file the other steps read.
 *
 * <p>{@code search-wait}: how long an instance started with an empty index takes to answer the full catalogue.
 *
 * <p>{@code search}: a fixed set of correctness checks ({@link #verifier}), then a seeded list of searches (see
 * {@link #requetes}) sent by {@code clients} threads, each waiting for its answer before sending the next: a
 * warm-up then the measured window, against catalogue-service, then the same through the gateway. Answers other
 * than 200 are errors; the answers to a search by reference and to an agent's searches are checked (the item first;
 * nothing from a contract the agent may not see): {@code wrong}.
 */
public final class RechercheCatalogue {

    /** The seed of the catalogue and of the searches: two runs search the same catalogue the same way. */
    static final long GRAINE = 20_270_101L;
    static final int OBJECTIF_P99_MS = 50;
    static final int LOTS_MAX = 200;
    static final int LIGNES_MAX = 200_000;
    static final BigDecimal MAXIMUM = new BigDecimal("5000000");
    /** Suppliers' names, as their plis give them (the titulaire facet's labels). */
    private static final List<String> RAISONS_SOCIALES = List.of("Papeterie Dijonnaise", "Bureau Bourgogne",
            "Fournitures de l'Auxois", "Établissements Morel & Fils", "Côte-d'Or Hygiène", "Numérique Beaunois",
            "Saveurs du Morvan", "Distribution Lefèvre", "L'Atelier du Bureau", "Hygiène Service Est",
            "Informatique Chalonnaise", "Comptoir Gourmand de Dole", "Société Nouvelle Girard",
            "Équipements Publics de Saône", "Maison Perrin Distribution", "Fournitures Générales d'Autun");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A contract of the setup: its rank (from 0), consultation (from 0), titulaire and number of items. */
    public record Contrat(int index, String numero, int consultation, String famille, String titulaireSiret,
            String titulaireNom, int articles) {
    }

    /** An agent and the consultations (from 0) whose contracts its body may see. */
    public record AgentVisible(String identifiant, String siren, List<Integer> consultations) {
    }

    /** What the setup made. */
    public record Etat(long graine, int articles, int fournisseurs, List<Contrat> contrats, List<AgentVisible> agents,
            double importS, double indexS, long refus429) {
    }

    /** The outcome of the correctness checks: how many were made, and what failed. */
    public record Verification(int verifications, List<String> echecs) {

        public boolean reussie() {
            return echecs.isEmpty();
        }
    }

    private RechercheCatalogue() {
    }

    // --- entry points -------------------------------------------------------------------------------------------

    /** {@code search-accounts --suppliers N --agents N --out FILE}: the auth-server YAML of both kinds of accounts. */
    static int comptes(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path sortie = Path.of(requis(options, "--out"));
        int fournisseurs = Integer.parseInt(options.getOrDefault("--suppliers", "16"));
        int agents = Integer.parseInt(options.getOrDefault("--agents", "6"));
        Files.writeString(sortie, comptesYaml(fournisseurs, agents), StandardCharsets.UTF_8);
        System.err.println("wrote " + fournisseurs + " supplier and " + agents + " agent accounts to " + sortie);
        return 0;
    }

    /** The auth-server's {@code centrale.auth.users} entries of the search's suppliers and agents. */
    public static String comptesYaml(int fournisseurs, int agents) {
        return """
                # Supplier and agent accounts of bench/run.sh search, added to the demo users (maps merge across
                # property sources).
                centrale:
                  auth:
                    users:
                """ + ComptesFournisseurs.entrees(ComptesFournisseurs.comptes(fournisseurs))
                + ComptesAgents.entrees(ComptesAgents.agents(agents));
    }

    /** {@code search-setup}: see the class comment. */
    static int preparer(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Etat etat = preparer(URI.create(requis(options, "--gateway")), URI.create(requis(options, "--service")),
                URI.create(requis(options, "--auth")), Integer.parseInt(options.getOrDefault("--items", "1600000")),
                Integer.parseInt(options.getOrDefault("--contracts", "320")),
                Integer.parseInt(options.getOrDefault("--suppliers", "16")),
                Integer.parseInt(options.getOrDefault("--agents", "6")),
                Integer.parseInt(options.getOrDefault("--import-threads", "3")),
                Integer.parseInt(options.getOrDefault("--index-limit-s", "10800")));
        Files.writeString(Path.of(requis(options, "--state")), JSON.writeValueAsString(etat), StandardCharsets.UTF_8);
        return 0;
    }

    /**
     * {@code search-wait --service URL --auth URL --state FILE --since-ms T [--ready-ms T]}: polls the instance
     * until it answers the acheteur's browse with 200 and every item; prints the seconds since {@code since-ms}
     * (epoch milliseconds) as the last line.
     */
    static int attendreReconstruction(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Etat etat = lireEtat(Path.of(requis(options, "--state")));
        URI service = URI.create(requis(options, "--service"));
        long depuis = Long.parseLong(requis(options, "--since-ms"));
        long prete = Long.parseLong(options.getOrDefault("--ready-ms", Long.toString(depuis)));
        int limiteS = Integer.parseInt(options.getOrDefault("--limit-s", "10800"));
        ConnexionOidc oidc = connexion(URI.create(requis(options, "--auth")));
        Jeton acheteur = new Jeton(() -> oidc.jetonPour("acheteur", "acheteur"));
        ClientApi api = new ClientApi(service, Duration.ofSeconds(30));
        Map<Integer, Integer> statuts = new TreeMap<>();
        long limite = System.currentTimeMillis() + limiteS * 1000L;
        while (System.currentTimeMillis() < limite) {
            Reponse parcours = api.call("GET", "/api/catalogue/recherche?taille=1", acheteur.valeur(), null);
            statuts.merge(parcours.status(), 1, Integer::sum);
            if (parcours.status() == 200 && parcours.json().path("total").asLong() == etat.articles()) {
                long fin = System.currentTimeMillis();
                System.err.printf(Locale.ROOT, "rebuild: %d items searchable on %s %.1f s after its start (%.1f s "
                        + "after it was ready; answers seen while building: %s)%n", etat.articles(), service,
                        (fin - depuis) / 1e3, (fin - prete) / 1e3, statuts);
                System.out.printf(Locale.ROOT, "%.1f%n", (fin - depuis) / 1e3);
                return 0;
            }
            Thread.sleep(250);
        }
        System.err.println("rebuild: not complete after " + limiteS + " s; answers seen: " + statuts);
        System.out.println("na");
        return 1;
    }

    /** {@code search}: the checks, then the load on catalogue-service and through the gateway; the final line. */
    static int mesurer(String[] args) throws Exception {
        // HttpURLConnection's keep-alive cache holds 5 idle connections per server by default: one per client.
        System.setProperty("http.maxConnections", "256");
        Map<String, String> options = options(args);
        Etat etat = lireEtat(Path.of(requis(options, "--state")));
        URI gateway = URI.create(requis(options, "--gateway"));
        URI service = URI.create(requis(options, "--service"));
        URI auth = URI.create(requis(options, "--auth"));
        int clients = Integer.parseInt(options.getOrDefault("--clients", "32"));
        int echauffementS = Integer.parseInt(options.getOrDefault("--warmup", "20"));
        int dureeS = Integer.parseInt(options.getOrDefault("--duration", "30"));
        String label = options.getOrDefault("--label", "search");
        String reconstructionS = options.getOrDefault("--rebuild-s", "na");

        ConnexionOidc oidc = connexion(auth);
        ClientApi api = new ClientApi(service, Duration.ofSeconds(30));
        Verification verification = verifier(api, oidc, etat);
        System.out.println("checks: " + (verification.verifications() - verification.echecs().size()) + "/"
                + verification.verifications() + " passed");
        verification.echecs().forEach(echec -> System.out.println("  FAILED: " + echec));

        List<Requete> requetes = requetes(etat, 4096);
        Map<String, Set<String>> visibles = visibles(etat);
        Map<String, Long> parType = new TreeMap<>();
        requetes.forEach(r -> parType.merge(r.type(), 1L, Long::sum));
        System.out.println("searches: " + requetes.size() + " drawn (seed " + GRAINE + "), by kind " + parType
                + "; " + clients + " clients, " + echauffementS + " s warm-up then " + dureeS + " s per target, then 1 client "
                + Math.max(5, dureeS / 2) + " s on the service; " + Runtime.getRuntime().availableProcessors()
                + " cores here");
        Map<String, Long> processus = new LinkedHashMap<>();
        processus.put("client", ProcessHandle.current().pid());
        if (options.containsKey("--pid")) {
            processus.put("catalogue-service", Long.parseLong(options.get("--pid")));
        }
        if (options.containsKey("--gateway-pid")) {
            processus.put("gateway", Long.parseLong(options.get("--gateway-pid")));
        }
        List<Charge> charges = new ArrayList<>();
        int dureeBasseS = Math.max(5, dureeS / 2);
        List<Map.Entry<String, URI>> cibles = new ArrayList<>(List.of(Map.entry("service", service),
                Map.entry("gateway", gateway)));
        if (options.containsKey("--c2-service")) {
            // The same service and store with the JIT's optimising compiler (the stack runs C1 only, for its start-up).
            cibles.add(Map.entry("service_c2", URI.create(options.get("--c2-service"))));
            if (options.containsKey("--c2-pid")) {
                processus.put("catalogue-service-c2", Long.parseLong(options.get("--c2-pid")));
            }
        }
        cibles.add(Map.entry("low_service", service));
        for (Map.Entry<String, URI> cible : cibles) {
            boolean basse = cible.getKey().startsWith("low_");
            Map<String, String> jetons = jetons(oidc, etat); // fresh ones for each target (they last 15 minutes)
            Charge charge = charger(cible.getValue(), cible.getKey(), requetes, jetons, visibles, basse ? 1 : clients,
                    basse ? 0 : echauffementS, basse ? dureeBasseS : dureeS, processus);
            charges.add(charge);
            int duree = basse ? dureeBasseS : dureeS;
            StringBuilder coeurs = new StringBuilder();
            charge.coeurs().forEach((nom, n) -> coeurs.append(coeurs.length() == 0 ? "; cores used: " : ", ")
                    .append(nom).append(' ').append(String.format(Locale.ROOT, "%.2f", n)));
            System.out.printf(Locale.ROOT, "%-11s %s, %d client%s: %d searches in %d s = %.0f/s; %s; %d errors, %d "
                            + "wrong%s%s%n", charge.cible(), cible.getValue(), basse ? 1 : clients, basse ? "" : "s",
                    charge.total().count(), duree, charge.parSeconde(duree), charge.total().summary(), charge.erreurs(),
                    charge.fausses(), coeurs, charge());
            charge.causes().forEach((cause, nombre) -> System.out.println("  " + nombre + " × " + cause));
        }
        Charge directe = charges.get(0);
        Charge passerelle = charges.get(1);
        Charge basse = charges.get(charges.size() - 1);
        Charge c2 = charges.size() == 4 ? charges.get(2) : null;
        System.out.println("by kind of search, " + clients + " clients (p50 / p99 / max ms, count):");
        for (String type : directe.parType().keySet()) {
            Stats s = directe.parType().get(type);
            Stats g = passerelle.parType().getOrDefault(type, new Stats());
            System.out.printf(Locale.ROOT, "  %-16s service %6s / %6s / %6s (%5d)   gateway %6s / %6s / %6s (%5d)%n",
                    type, Stats.format(s.percentile(50)), Stats.format(s.percentile(99)), Stats.format(s.max()),
                    s.count(), Stats.format(g.percentile(50)), Stats.format(g.percentile(99)), Stats.format(g.max()),
                    g.count());
        }

        String rss = "na";
        String heap = "na";
        String index = "na";
        if (options.containsKey("--pid")) {
            Map<String, Long> memoire = memoireResidente(Long.parseLong(options.get("--pid")));
            if (memoire.containsKey("VmRSS")) {
                rss = Long.toString(memoire.get("VmRSS") / 1024);
                System.out.println("catalogue-service resident memory: " + memoire.get("VmRSS") / 1024 + " MB (anonymous "
                        + memoire.getOrDefault("RssAnon", 0L) / 1024 + " MB, file-backed (index pages mapped) "
                        + memoire.getOrDefault("RssFile", 0L) / 1024 + " MB)");
            }
        }
        try {
            String supervision = ConnexionOidc.jetonClient(auth, "supervision", "supervision-secret", "operations");
            heap = Long.toString(Math.round(Echantillonneur.lire(service, supervision, Echantillonneur.TAS) / 1048576));
            System.out.println("catalogue-service heap: " + heap + " MB used of "
                    + Math.round(Echantillonneur.lire(service, supervision, Echantillonneur.TAS_MAX) / 1048576) + " MB");
        } catch (Exception e) {
            System.out.println("catalogue-service heap: not read (" + e.getMessage() + ")");
        }
        if (options.containsKey("--index-dir")) {
            Path dossier = Path.of(options.get("--index-dir"));
            if (Files.isDirectory(dossier)) {
                index = Long.toString(taille(dossier) / 1048576);
                System.out.println("index on disk: " + index + " MB in " + dossier);
            }
        }

        long erreurs = charges.stream().mapToLong(Charge::erreurs).sum();
        long fausses = charges.stream().mapToLong(Charge::fausses).sum() + verification.echecs().size();
        double p99 = directe.total().percentile(99);
        boolean objectif = p99 <= OBJECTIF_P99_MS;
        System.out.printf(Locale.ROOT, "goal: p99 ≤ %d ms through the service: %s (%.1f ms)%n", OBJECTIF_P99_MS,
                objectif ? "met" : "NOT met", p99);
        StringBuilder ligne = new StringBuilder(label).append(':')
                .append(" items=").append(etat.articles())
                .append(" contracts=").append(etat.contrats().size())
                .append(" import_s=").append(String.format(Locale.ROOT, "%.1f", etat.importS()))
                .append(" index_s=").append(String.format(Locale.ROOT, "%.1f", etat.indexS()))
                .append(" rebuild_s=").append(reconstructionS);
        for (Charge charge : c2 == null ? List.of(directe, passerelle) : List.of(directe, passerelle, c2)) {
            String p = " " + charge.cible() + "_";
            ligne.append(p).append("qps=").append(String.format(Locale.ROOT, "%.0f", charge.parSeconde(dureeS)))
                    .append(p).append("p50_ms=").append(Stats.format(charge.total().percentile(50)))
                    .append(p).append("p99_ms=").append(Stats.format(charge.total().percentile(99)))
                    .append(p).append("max_ms=").append(Stats.format(charge.total().max()));
        }
        ligne.append(" low_service_p50_ms=").append(Stats.format(basse.total().percentile(50)))
                .append(" low_service_p99_ms=").append(Stats.format(basse.total().percentile(99)));
        Double coeursService = directe.coeurs().get("catalogue-service");
        ligne.append(" service_cpu_cores=").append(coeursService == null ? "na"
                        : String.format(Locale.ROOT, "%.2f", coeursService))
                .append(" client_cpu_cores=").append(String.format(Locale.ROOT, "%.2f",
                        directe.coeurs().getOrDefault("client", Double.NaN)));
        ligne.append(" errors=").append(erreurs)
                .append(" wrong=").append(fausses)
                .append(" rss_mb=").append(rss)
                .append(" heap_mb=").append(heap)
                .append(" index_mb=").append(index)
                .append(" clients=").append(clients)
                .append(" goal_p99_ms=").append(OBJECTIF_P99_MS)
                .append(" goal_met=").append(objectif)
                .append(" ratio=").append(String.format(Locale.ROOT, "%.2f",
                        passerelle.parSeconde(dureeS) / Math.max(directe.parSeconde(dureeS), 1e-9)));
        System.out.println(ligne);
        return objectif && erreurs == 0 && fausses == 0 ? 0 : 1;
    }

    /**
     * Small mode, for a correctness test: the setup on a small catalogue ({@code articles} items over
     * {@code contrats} contracts, 4 suppliers, 3 agents, whose accounts — {@link #comptesYaml}{@code (4, 3)} — the
     * auth-server must know), then the checks of {@link #verifier}.
     */
    public static Verification verifierPetitCatalogue(URI gateway, URI service, URI auth, int articles, int contrats)
            throws Exception {
        Etat etat = preparer(gateway, service, auth, articles, contrats, 4, 3, 2, 600);
        return verifier(new ClientApi(service, Duration.ofSeconds(30)), connexion(auth), etat);
    }

    // --- setup ----------------------------------------------------------------------------------------------------

    static Etat preparer(URI gateway, URI service, URI auth, int articles, int nombreContrats, int nombreFournisseurs,
            int nombreAgents, int filsImport, int limiteIndexS) throws Exception {
        if (nombreContrats < 1 || articles < nombreContrats) {
            throw new IllegalArgumentException("at least one contract and one item per contract");
        }
        if ((articles + nombreContrats - 1) / nombreContrats > LIGNES_MAX) {
            throw new IllegalArgumentException("more than " + LIGNES_MAX + " items per contract (the import's limit "
                    + "per file): give more contracts");
        }
        long debut = System.nanoTime();
        ConnexionOidc oidc = connexion(auth);
        Jeton acheteur = new Jeton(() -> oidc.jetonPour("acheteur", "acheteur"));
        ClientApi api = new ClientApi(gateway, Duration.ofSeconds(60));
        Preparation preparation = new Preparation(api);
        CatalogueSynthetique catalogue = new CatalogueSynthetique(GRAINE);

        List<Agent> agents = ComptesAgents.agents(nombreAgents);
        Map<String, String> jetonsAgents = preparation.connecter(oidc, agents);
        preparation.inscrireMembres(oidc.jetonPour("admin", "admin"), agents);
        preparation.activerAdhesions(acheteur.valeur(), agents, jetonsAgents, "BENCH-SEARCH");
        List<Compte> fournisseurs = ComptesFournisseurs.comptes(nombreFournisseurs);
        Map<String, String> jetonsFournisseurs = new ConcurrentHashMap<>();
        Preparation.enParallele(4, fournisseurs, compte -> {
            String jeton = oidc.jetonPour(compte.identifiant(), compte.motDePasse());
            if (!compte.siret().equals(ConnexionOidc.claims(jeton).path("siret").asString(""))) {
                throw new IllegalStateException(compte.identifiant() + ": no siret claim " + compte.siret()
                        + " (was the auth-server given the accounts? see bench/README.md)");
            }
            return jetonsFournisseurs.put(compte.identifiant(), jeton);
        });

        // Consultations: one per department in turn, 200 lots at most each, contracts spread evenly.
        int consultations = Math.max((nombreContrats + LOTS_MAX - 1) / LOTS_MAX, Math.min(4, nombreContrats));
        List<AgentVisible> visibles = new ArrayList<>();
        for (int a = 0; a < agents.size(); a++) {
            List<Integer> siennes = new ArrayList<>();
            for (int c = 0; c < consultations; c++) {
                if (voit(a, c, agents.size())) {
                    siennes.add(c);
                }
            }
            visibles.add(new AgentVisible(agents.get(a).identifiant(), agents.get(a).siren(), List.copyOf(siennes)));
        }
        ZonedDateTime dlro = ZonedDateTime.now(PARIS).plusSeconds(20 + nombreContrats * 3L / 20).withNano(0);
        List<Preparation.Passation> passations = new ArrayList<>();
        List<Integer> premierContrat = new ArrayList<>();
        int g = 0;
        for (int c = 0; c < consultations; c++) {
            Rayon rayon = CatalogueSynthetique.rayon(c);
            int lots = nombreContrats / consultations + (c < nombreContrats % consultations ? 1 : 0);
            List<Preparation.LotPrevu> prevus = new ArrayList<>();
            premierContrat.add(g);
            for (int lot = 1; lot <= lots; lot++, g++) {
                Compte compte = fournisseurs.get(g % fournisseurs.size());
                String offre = JSON.writeValueAsString(Map.of("prixHt", 40000 + (g % 9) * 1000,
                        "raisonSociale", raisonSociale(g % fournisseurs.size())));
                prevus.add(new Preparation.LotPrevu(lot, rayon.objet() + ", lot " + lot, 80_000L / lots,
                        List.of(new Preparation.Offre(jetonsFournisseurs.get(compte.identifiant()), offre, null))));
            }
            List<String> beneficiaires = new ArrayList<>();
            for (int a = 0; a < agents.size(); a++) {
                if (voit(a, c, agents.size())) {
                    beneficiaires.add(agents.get(a).siren());
                }
            }
            passations.add(preparation.publier(acheteur.valeur(), new Preparation.ConsultationPrevue(
                    rayon.objet() + " (catalogue de mesure)", "FOURNITURES", rayon.cpvPrincipal(),
                    rayon.famille().name(), List.of(Map.of("libelle", "Prix", "ponderation", 100, "type", "PRIX")),
                    beneficiaires, prevus), dlro));
        }
        for (Preparation.Passation passation : passations) {
            passation.deposerPlis(4);
        }
        Preparation.attendreDlro(dlro, consultations + " consultations published, " + nombreContrats + " plis filed");
        Preparation.enParallele(consultations, passations, passation -> {
            passation.analyser();
            return null;
        });
        List<Contrat> contrats = Collections.synchronizedList(new ArrayList<>());
        List<Integer> indices = new ArrayList<>();
        for (int c = 0; c < consultations; c++) {
            indices.add(c);
        }
        Preparation.enParallele(consultations, indices, c -> {
            Preparation.Passation passation = passations.get(c);
            for (Preparation.LotPrevu lot : passation.prevue().lots()) {
                int index = premierContrat.get(c) + lot.numero() - 1;
                String numero = passation.notifier(lot.numero(), MAXIMUM);
                int fournisseur = index % fournisseurs.size();
                contrats.add(new Contrat(index, numero, c, passation.prevue().familleAchat(),
                        fournisseurs.get(fournisseur).siret(), raisonSociale(fournisseur),
                        articles / nombreContrats + (index < articles % nombreContrats ? 1 : 0)));
            }
            return null;
        });
        List<Contrat> tries = new ArrayList<>(contrats);
        tries.sort((a, b) -> Integer.compare(a.index(), b.index()));
        Preparation.enParallele(4, tries, contrat -> {
            preparation.attendreContrat(acheteur.valeur(), contrat.numero());
            return null;
        });
        System.out.printf(Locale.ROOT, "setup: %d agents (bodies beneficiary of %s consultations), %d suppliers; %d "
                        + "consultations awarded, %d contracts notified and in the catalogue; %.0f s%n", agents.size(),
                visibles.stream().map(v -> Integer.toString(v.consultations().size())).toList(), fournisseurs.size(),
                consultations, tries.size(), (System.nanoTime() - debut) / 1e9);

        // Imports, to catalogue-service directly, a few at a time; meanwhile the index is watched.
        ClientApi direct = new ClientApi(service, Duration.ofSeconds(30));
        LocalDate aujourdhui = LocalDate.now(PARIS);
        long debutImport = System.nanoTime();
        AtomicLong finIndex = new AtomicLong();
        AtomicLong indexes = new AtomicLong();
        Thread veille = new Thread(() -> {
            long limite = System.nanoTime() + Duration.ofSeconds(limiteIndexS).toNanos();
            while (System.nanoTime() < limite) {
                try {
                    Reponse parcours = direct.call("GET", "/api/catalogue/recherche?taille=1", acheteur.valeur(), null);
                    if (parcours.status() == 200) {
                        indexes.set(parcours.json().path("total").asLong());
                        if (indexes.get() == articles) {
                            finIndex.set(System.nanoTime());
                            return;
                        }
                    }
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the next poll tells
                }
            }
        }, "bench-index-watch");
        veille.setDaemon(true);
        veille.start();
        LongAdder refus = new LongAdder();
        AtomicInteger importes = new AtomicInteger();
        AtomicLong lignes = new AtomicLong();
        int pas = Math.max(1, tries.size() / 10);
        Preparation.enParallele(filsImport, tries, contrat -> {
            Rayon rayon = CatalogueSynthetique.rayon(contrat.consultation());
            Reponse importe;
            while (true) {
                importe = preparation.importerTarif(service, acheteur.valeur(), contrat.numero(),
                        "tarif-" + contrat.numero() + ".csv",
                        () -> catalogue.csv(rayon, contrat.index(), contrat.articles()), aujourdhui);
                if (importe.status() != 429) {
                    break;
                }
                refus.increment(); // two imports already ran for 5 s: try again
            }
            expect(importe, 201);
            if (importe.json().path("lignes").asInt() != contrat.articles()) {
                throw new IllegalStateException(contrat.numero() + ": " + importe.json().path("lignes").asInt()
                        + " lines imported, " + contrat.articles() + " sent");
            }
            long total = lignes.addAndGet(contrat.articles());
            int n = importes.incrementAndGet();
            if (n % pas == 0 || n == tries.size()) {
                System.out.printf(Locale.ROOT, "import: %d/%d price lists, %d items, %.0f s (%d searchable)%s%n", n,
                        tries.size(), total, (System.nanoTime() - debutImport) / 1e9, indexes.get(), charge());
            }
            return null;
        });
        double importS = (System.nanoTime() - debutImport) / 1e9;
        veille.join(Duration.ofSeconds(limiteIndexS).toMillis());
        if (finIndex.get() == 0) {
            throw new IllegalStateException("the index counts " + indexes.get() + " items of " + articles + " after "
                    + limiteIndexS + " s");
        }
        double indexS = (finIndex.get() - debutImport) / 1e9;
        System.out.printf(Locale.ROOT, "setup: %d items in %d price lists imported in %.1f s (%d answers 429 tried "
                        + "again), all searchable %.1f s after the first import began%s%n", articles, tries.size(),
                importS, refus.sum(), indexS, charge());
        return new Etat(GRAINE, articles, fournisseurs.size(), List.copyOf(tries), List.copyOf(visibles), importS,
                indexS, refus.sum());
    }

    /** Whether agent {@code a}'s body is a beneficiary of consultation {@code c}. */
    static boolean voit(int a, int c, int agents) {
        return agents == 1 || (a + c) % 3 != 0;
    }

    static String raisonSociale(int fournisseur) {
        return fournisseur < RAISONS_SOCIALES.size() ? RAISONS_SOCIALES.get(fournisseur)
                : RAISONS_SOCIALES.get(fournisseur % RAISONS_SOCIALES.size()) + " " + (fournisseur + 1);
    }

    // --- checks -------------------------------------------------------------------------------------------------

    /**
     * Fixed checks of what the search answers against what the setup made: totals for the acheteur, each agent
     * (only the contracts its body benefits from), a supplier (only its own), each famille, a titulaire, a
     * contract; items found by their reference with their designation and price; orders by price; pages; a typo;
     * accents; unit and price filters.
     */
    static Verification verifier(ClientApi api, ConnexionOidc oidc, Etat etat) throws Exception {
        Controles controles = new Controles(api);
        CatalogueSynthetique catalogue = new CatalogueSynthetique(etat.graine());
        String acheteur = oidc.jetonPour("acheteur", "acheteur");
        List<Contrat> contrats = etat.contrats();

        controles.total("acheteur's browse", acheteur, Map.of(), etat.articles());

        Contrat premier = contrats.get(0);
        Contrat dernier = contrats.get(contrats.size() - 1);
        Contrat milieu = contrats.get(contrats.size() / 2);
        Set<String> vus = new HashSet<>();
        for (Object[] choix : List.of(new Object[] {premier, 0}, new Object[] {premier, premier.articles() - 1},
                new Object[] {milieu, milieu.articles() / 2}, new Object[] {dernier, 0},
                new Object[] {dernier, dernier.articles() - 1})) {
            Contrat contrat = (Contrat) choix[0];
            Article article = catalogue.article(CatalogueSynthetique.rayon(contrat.consultation()), contrat.index(),
                    (Integer) choix[1]);
            if (vus.add(article.reference())) {
                controles.reference(acheteur, contrat.numero(), article);
            }
        }

        Map<String, String> jetons = jetons(oidc, etat);
        Map<String, Set<String>> visibles = visibles(etat);
        for (AgentVisible agent : etat.agents()) {
            Set<String> siens = visibles.get(agent.identifiant());
            long attendu = contrats.stream().filter(c -> siens.contains(c.numero())).mapToLong(Contrat::articles).sum();
            JsonNode page = controles.total("agent " + agent.identifiant() + "'s browse", jetons.get(agent.identifiant()),
                    Map.of("taille", "200"), attendu);
            controles.seulement("agent " + agent.identifiant() + "'s browse", page, siens);
            Rayon rayon = CatalogueSynthetique.rayon(agent.consultations().isEmpty() ? 0 : agent.consultations().get(0));
            String mot = CatalogueSynthetique.requete(rayon, new SplittableRandom(GRAINE), 1);
            Reponse recherche = controles.rechercher(jetons.get(agent.identifiant()), Map.of("q", mot, "taille", "200"));
            if (controles.verifier(recherche.status() == 200, "agent " + agent.identifiant() + " searching « " + mot
                    + " »: HTTP " + recherche.status())) {
                controles.seulement("agent " + agent.identifiant() + " searching « " + mot + " »", recherche.json(),
                        siens);
            }
        }

        Compte fournisseur = ComptesFournisseurs.comptes(etat.fournisseurs()).get(0);
        String jetonFournisseur = oidc.jetonPour(fournisseur.identifiant(), fournisseur.motDePasse());
        Set<String> siens = new HashSet<>();
        contrats.stream().filter(c -> c.titulaireSiret().equals(fournisseur.siret())).forEach(c -> siens.add(c.numero()));
        JsonNode pageFournisseur = controles.total("supplier " + fournisseur.identifiant() + "'s browse", jetonFournisseur,
                Map.of("taille", "200"), contrats.stream().filter(c -> siens.contains(c.numero()))
                        .mapToLong(Contrat::articles).sum());
        controles.seulement("supplier " + fournisseur.identifiant() + "'s browse", pageFournisseur, siens);

        for (String famille : new LinkedHashSet<>(contrats.stream().map(Contrat::famille).toList())) {
            JsonNode page = controles.total("famille " + famille, acheteur, Map.of("famille", famille, "taille", "50"),
                    contrats.stream().filter(c -> c.famille().equals(famille)).mapToLong(Contrat::articles).sum());
            if (page != null) {
                for (JsonNode element : page.path("elements")) {
                    controles.verifier(famille.equals(element.path("contrat").path("familleAchat").asString()),
                            "famille " + famille + ": an item of famille "
                                    + element.path("contrat").path("familleAchat").asString());
                }
            }
        }
        controles.total("titulaire " + premier.titulaireSiret(), acheteur, Map.of("titulaire", premier.titulaireSiret()),
                contrats.stream().filter(c -> c.titulaireSiret().equals(premier.titulaireSiret()))
                        .mapToLong(Contrat::articles).sum());
        controles.total("contract " + dernier.numero(), acheteur, Map.of("contrat", dernier.numero()), dernier.articles());

        Rayon rayon = CatalogueSynthetique.rayon(0);
        String mot = CatalogueSynthetique.requete(rayon, new SplittableRandom(GRAINE + 7), 1);
        controles.ordre(acheteur, mot, "prix_asc", 1);
        controles.ordre(acheteur, mot, "prix_desc", -1);

        Reponse page0 = controles.rechercher(acheteur, Map.of("page", "0", "taille", "20"));
        Reponse page1 = controles.rechercher(acheteur, Map.of("page", "1", "taille", "20"));
        if (controles.verifier(page0.status() == 200 && page1.status() == 200, "browse pages: HTTP " + page0.status()
                + ", " + page1.status())) {
            Set<String> premiere = references(page0.json());
            Set<String> seconde = references(page1.json());
            int attendus = (int) Math.min(20, Math.max(0, etat.articles() - 20));
            controles.verifier(premiere.size() == Math.min(20, etat.articles()) && seconde.size() == attendus,
                    "browse pages: " + premiere.size() + " and " + seconde.size() + " items");
            seconde.retainAll(premiere);
            controles.verifier(seconde.isEmpty(), "browse pages 0 and 1 share " + seconde);
        }

        Faute faute = CatalogueSynthetique.fauteDeFrappe(rayon, new SplittableRandom(GRAINE + 11));
        Reponse typo = controles.rechercher(acheteur, Map.of("q", faute.tapee(), "taille", "5"));
        if (controles.verifier(typo.status() == 200, "typo « " + faute.tapee() + " »: HTTP " + typo.status())) {
            JsonNode elements = typo.json().path("elements");
            controles.verifier(elements.size() > 0 && CatalogueSynthetique.sansAccents(
                    elements.get(0).path("designation").asString().toLowerCase(Locale.ROOT))
                            .contains(CatalogueSynthetique.sansAccents(faute.mot())),
                    "typo « " + faute.tapee() + " »: the first item is not a « " + faute.mot() + " »: "
                            + (elements.size() > 0 ? elements.get(0).path("designation").asString() : "none"));
        }

        String accentue = rayon.produits().stream().flatMap(p -> p.noms().stream())
                .map(n -> n.texte().split(" ")[0].toLowerCase(Locale.ROOT))
                .filter(m -> !m.equals(CatalogueSynthetique.sansAccents(m))).findFirst().orElse(null);
        if (accentue != null) {
            Reponse avec = controles.rechercher(acheteur, Map.of("q", accentue, "taille", "1"));
            Reponse sans = controles.rechercher(acheteur, Map.of("q", CatalogueSynthetique.sansAccents(accentue),
                    "taille", "1"));
            controles.verifier(avec.status() == 200 && sans.status() == 200 && avec.json().path("total").asLong() > 0
                            && avec.json().path("total").asLong() == sans.json().path("total").asLong(),
                    "« " + accentue + " » and « " + CatalogueSynthetique.sansAccents(accentue) + " » find "
                            + (avec.json() == null ? avec.status() : avec.json().path("total").asLong()) + " and "
                            + (sans.json() == null ? sans.status() : sans.json().path("total").asLong()));
        }

        String unite = rayon.produits().get(0).unite();
        Reponse parUnite = controles.rechercher(acheteur, Map.of("unite", unite.toUpperCase(Locale.ROOT), "taille", "50"));
        if (controles.verifier(parUnite.status() == 200 && parUnite.json().path("total").asLong() > 0,
                "unit " + unite + ": HTTP " + parUnite.status())) {
            for (JsonNode element : parUnite.json().path("elements")) {
                controles.verifier(unite.equalsIgnoreCase(element.path("unite").asString()),
                        "unit " + unite + ": an item sold by " + element.path("unite").asString());
            }
        }
        Reponse parPrix = controles.rechercher(acheteur, Map.of("prixMin", "5", "prixMax", "10", "taille", "50"));
        if (controles.verifier(parPrix.status() == 200 && parPrix.json().path("total").asLong() > 0,
                "price 5-10: HTTP " + parPrix.status())) {
            for (JsonNode element : parPrix.json().path("elements")) {
                BigDecimal prix = element.path("prixUnitaireHt").decimalValue();
                controles.verifier(prix.compareTo(BigDecimal.valueOf(5)) >= 0 && prix.compareTo(BigDecimal.TEN) <= 0,
                        "price 5-10: an item at " + prix);
            }
        }
        return new Verification(controles.nombre, List.copyOf(controles.echecs));
    }

    private static Set<String> references(JsonNode page) {
        Set<String> references = new LinkedHashSet<>();
        page.path("elements").forEach(e -> references.add(e.path("contrat").path("numero").asString() + "/"
                + e.path("reference").asString()));
        return references;
    }

    /** Checks, counted, and what failed. */
    private static final class Controles {
        private final ClientApi api;
        private int nombre;
        private final List<String> echecs = new ArrayList<>();

        Controles(ClientApi api) {
            this.api = api;
        }

        boolean verifier(boolean vrai, String echec) {
            nombre++;
            if (!vrai) {
                echecs.add(echec);
            }
            return vrai;
        }

        Reponse rechercher(String jeton, Map<String, String> parametres) throws Exception {
            return api.call("GET", chemin(parametres), jeton, null);
        }

        /** The answer's total must be {@code attendu}; the page, or null when it was not a 200. */
        JsonNode total(String quoi, String jeton, Map<String, String> parametres, long attendu) throws Exception {
            Reponse reponse = rechercher(jeton, parametres);
            if (!verifier(reponse.status() == 200, quoi + ": HTTP " + reponse.status() + " " + abrege(reponse.body()))) {
                return null;
            }
            long total = reponse.json().path("total").asLong();
            verifier(total == attendu, quoi + ": total " + total + ", expected " + attendu);
            return reponse.json();
        }

        /** Every item of the page and every value of its contract facet must be among {@code contrats}. */
        void seulement(String quoi, JsonNode page, Set<String> contrats) {
            if (page == null) {
                return;
            }
            Set<String> autres = new LinkedHashSet<>();
            page.path("elements").forEach(e -> autres.add(e.path("contrat").path("numero").asString()));
            page.path("facettes").path("contrat").forEach(f -> autres.add(f.path("valeur").asString()));
            autres.removeAll(contrats);
            verifier(autres.isEmpty(), quoi + ": contracts it may not see: " + autres);
        }

        void reference(String jeton, String contrat, Article article) throws Exception {
            Reponse reponse = rechercher(jeton, Map.of("q", article.reference(), "taille", "5"));
            String quoi = "search of reference " + article.reference();
            if (!verifier(reponse.status() == 200 && reponse.json().path("elements").size() > 0,
                    quoi + ": HTTP " + reponse.status() + " " + abrege(reponse.body()))) {
                return;
            }
            JsonNode premier = reponse.json().path("elements").get(0);
            verifier(article.reference().equals(premier.path("reference").asString())
                            && contrat.equals(premier.path("contrat").path("numero").asString()),
                    quoi + ": first found " + premier.path("contrat").path("numero").asString() + "/"
                            + premier.path("reference").asString());
            verifier(article.designation().equals(premier.path("designation").asString())
                            && article.unite().equals(premier.path("unite").asString())
                            && article.prixHt().compareTo(premier.path("prixUnitaireHt").decimalValue()) == 0
                            && article.tauxTva().compareTo(premier.path("tauxTva").decimalValue()) == 0,
                    quoi + ": " + premier + " is not " + article);
        }

        void ordre(String jeton, String mot, String tri, int sens) throws Exception {
            Reponse reponse = rechercher(jeton, Map.of("q", mot, "tri", tri, "taille", "50"));
            if (!verifier(reponse.status() == 200 && reponse.json().path("total").asLong() > 0,
                    "« " + mot + " » by " + tri + ": HTTP " + reponse.status())) {
                return;
            }
            BigDecimal precedent = null;
            for (JsonNode element : reponse.json().path("elements")) {
                BigDecimal prix = element.path("prixUnitaireHt").decimalValue();
                if (precedent != null && prix.compareTo(precedent) * sens < 0) {
                    verifier(false, "« " + mot + " » by " + tri + ": " + prix + " after " + precedent);
                    return;
                }
                precedent = prix;
            }
            verifier(true, "");
        }
    }

    private static String abrege(String texte) {
        return texte == null ? "" : texte.length() <= 200 ? texte : texte.substring(0, 200) + "…";
    }

    static String chemin(Map<String, String> parametres) {
        StringBuilder chemin = new StringBuilder("/api/catalogue/recherche");
        char separateur = '?';
        for (Map.Entry<String, String> parametre : new TreeMap<>(parametres).entrySet()) {
            chemin.append(separateur).append(parametre.getKey()).append('=')
                    .append(URLEncoder.encode(parametre.getValue(), StandardCharsets.UTF_8));
            separateur = '&';
        }
        return chemin.toString();
    }

    // --- the searches -------------------------------------------------------------------------------------------

    /** A search of the mix: its kind, path, who sends it, and what its answer must hold (null: not checked). */
    record Requete(String type, String chemin, String acteur, String referenceAttendue, String contratAttendu) {
    }

    static final String ACHETEUR = "acheteur";

    /**
     * {@code nombre} searches drawn from the seed, in these proportions: the acheteur's word searches of 1 to 3
     * words (25 %), agents' word searches among what they may see (15 %) and browsing (5 %), a typo (5 %), filters by
     * famille, CPV division, titulaire, unit or price range, with or without words (15 %), by price (10 %), browsing
     * the whole catalogue or a famille (10 %), pages 2 to 5 of a word search (10 %), an item's reference (5 %).
     */
    static List<Requete> requetes(Etat etat, int nombre) {
        SplittableRandom aleas = new SplittableRandom(GRAINE + 1);
        CatalogueSynthetique catalogue = new CatalogueSynthetique(etat.graine());
        List<Contrat> contrats = etat.contrats();
        int consultations = contrats.stream().mapToInt(Contrat::consultation).max().orElse(0) + 1;
        List<AgentVisible> agents = etat.agents();
        List<Requete> requetes = new ArrayList<>();
        String[][] tranches = {{"0", "1"}, {"1", "5"}, {"5", "10"}, {"10", "50"}, {"50", "100"}, {"100", "500"}};
        while (requetes.size() < nombre) {
            int tirage = aleas.nextInt(100);
            Rayon rayon = CatalogueSynthetique.rayon(aleas.nextInt(consultations));
            Map<String, String> p = new LinkedHashMap<>();
            String type;
            String acteur = ACHETEUR;
            String reference = null;
            String contrat = null;
            if (tirage < 25) {
                type = "words";
                p.put("q", CatalogueSynthetique.requete(rayon, aleas, 1 + aleas.nextInt(3)));
            } else if (tirage < 45 && !agents.isEmpty()) {
                AgentVisible agent = agents.get(aleas.nextInt(agents.size()));
                acteur = agent.identifiant();
                if (tirage < 40) {
                    type = "agent_words";
                    int c = agent.consultations().isEmpty() ? aleas.nextInt(consultations)
                            : agent.consultations().get(aleas.nextInt(agent.consultations().size()));
                    p.put("q", CatalogueSynthetique.requete(CatalogueSynthetique.rayon(c), aleas, 1 + aleas.nextInt(2)));
                } else {
                    type = "agent_browse";
                }
            } else if (tirage < 50) {
                type = "typo";
                p.put("q", CatalogueSynthetique.fauteDeFrappe(rayon, aleas).tapee());
            } else if (tirage < 65) {
                type = "filter";
                if (aleas.nextBoolean()) {
                    p.put("q", CatalogueSynthetique.requete(rayon, aleas, 1));
                }
                switch (aleas.nextInt(5)) {
                    case 0 -> p.put("famille", rayon.famille().name());
                    case 1 -> p.put("divisionCpv", rayon.produits().get(aleas.nextInt(rayon.produits().size())).cpv()
                            .substring(0, 2));
                    case 2 -> p.put("titulaire", contrats.get(aleas.nextInt(contrats.size())).titulaireSiret());
                    case 3 -> p.put("unite", rayon.produits().get(aleas.nextInt(rayon.produits().size())).unite());
                    default -> {
                        String[] tranche = tranches[aleas.nextInt(tranches.length)];
                        p.put("prixMin", tranche[0]);
                        p.put("prixMax", tranche[1]);
                    }
                }
            } else if (tirage < 75) {
                type = "by_price";
                p.put("q", CatalogueSynthetique.requete(rayon, aleas, 1 + aleas.nextInt(2)));
                p.put("tri", aleas.nextBoolean() ? "prix_asc" : "prix_desc");
            } else if (tirage < 85) {
                type = "browse";
                if (aleas.nextBoolean()) {
                    p.put("famille", rayon.famille().name());
                }
            } else if (tirage < 95) {
                type = "page_2_to_5";
                p.put("q", CatalogueSynthetique.requete(rayon, aleas, 1));
                p.put("page", Integer.toString(1 + aleas.nextInt(4)));
            } else {
                type = "reference";
                Contrat choisi = contrats.get(aleas.nextInt(contrats.size()));
                Article article = catalogue.article(CatalogueSynthetique.rayon(choisi.consultation()), choisi.index(),
                        aleas.nextInt(choisi.articles()));
                p.put("q", article.reference());
                reference = article.reference();
                contrat = choisi.numero();
            }
            requetes.add(new Requete(type, chemin(p), acteur, reference, contrat));
        }
        return requetes;
    }

    static Map<String, Set<String>> visibles(Etat etat) {
        Map<String, Set<String>> visibles = new LinkedHashMap<>();
        for (AgentVisible agent : etat.agents()) {
            Set<String> siens = new HashSet<>();
            etat.contrats().stream().filter(c -> agent.consultations().contains(c.consultation()))
                    .forEach(c -> siens.add(c.numero()));
            visibles.put(agent.identifiant(), siens);
        }
        return visibles;
    }

    private static Map<String, String> jetons(ConnexionOidc oidc, Etat etat) throws Exception {
        Map<String, String> jetons = new ConcurrentHashMap<>();
        jetons.put(ACHETEUR, oidc.jetonPour("acheteur", "acheteur"));
        Preparation.enParallele(4, etat.agents(), agent -> jetons.put(agent.identifiant(),
                oidc.jetonPour(agent.identifiant(), agent.identifiant())));
        return jetons;
    }

    // --- the load -------------------------------------------------------------------------------------------------

    /** A run's figures; {@code coeurs}: the cores each watched process used during the measured window. */
    record Charge(String cible, Stats total, Map<String, Stats> parType, long erreurs, long fausses,
            Map<String, Integer> causes, Map<String, Double> coeurs) {

        double parSeconde(int dureeS) {
            return total.count() / (double) dureeS;
        }
    }

    /**
     * {@code clients} threads send the searches in turn (each from its own place in the list), each waiting for its
     * answer; those sent during the warm-up are not counted. Through {@link HttpURLConnection} (a keep-alive
     * connection per thread), which takes about a third of the JDK {@code HttpClient}'s CPU per request: the client
     * shares the machine with what it measures.
     */
    static Charge charger(URI base, String cible, List<Requete> requetes, Map<String, String> jetons,
            Map<String, Set<String>> visibles, int clients, int echauffementS, int dureeS, Map<String, Long> processus)
            throws Exception {
        List<URL> urls = new ArrayList<>();
        for (Requete requete : requetes) {
            urls.add(base.resolve(requete.chemin()).toURL());
        }
        Stats total = new Stats();
        Map<String, Stats> parType = new ConcurrentHashMap<>();
        LongAdder erreurs = new LongAdder();
        LongAdder fausses = new LongAdder();
        Map<String, Integer> causes = new ConcurrentHashMap<>();
        long debutMesure = System.nanoTime() + Duration.ofSeconds(echauffementS).toNanos();
        long fin = debutMesure + Duration.ofSeconds(dureeS).toNanos();
        List<Integer> fils = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            fils.add(i);
        }
        Map<String, Double> coeurs = new ConcurrentHashMap<>();
        Thread processeurs = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, (debutMesure - System.nanoTime()) / 1_000_000));
                Map<String, Long> avant = new LinkedHashMap<>();
                processus.forEach((nom, pid) -> avant.put(nom, tempsProcesseur(pid)));
                long t0 = System.nanoTime();
                Thread.sleep(Math.max(0, (fin - t0) / 1_000_000));
                double secondes = (System.nanoTime() - t0) / 1e9;
                processus.forEach((nom, pid) -> {
                    long apres = tempsProcesseur(pid);
                    if (apres >= 0 && avant.get(nom) >= 0) {
                        coeurs.put(nom, (apres - avant.get(nom)) / TOPS_PAR_SECONDE / secondes);
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-cpu");
        processeurs.setDaemon(true);
        processeurs.start();
        Preparation.enParallele(clients, fils, fil -> {
            int suivante = fil * requetes.size() / clients;
            while (System.nanoTime() < fin) {
                int rang = suivante++ % requetes.size();
                Requete requete = requetes.get(rang);
                // The body is read in full either way; kept only when it is checked or explains an error.
                boolean verifiee = requete.referenceAttendue() != null || !ACHETEUR.equals(requete.acteur());
                long t0 = System.nanoTime();
                int statut;
                String corps;
                try {
                    HttpURLConnection connexion = (HttpURLConnection) urls.get(rang).openConnection();
                    connexion.setConnectTimeout(5_000);
                    connexion.setReadTimeout(10_000);
                    connexion.setRequestProperty("Authorization", "Bearer " + jetons.get(requete.acteur()));
                    connexion.setRequestProperty("Accept", "application/json");
                    statut = connexion.getResponseCode();
                    corps = lire(statut < 400 ? connexion.getInputStream() : connexion.getErrorStream(),
                            statut != 200 || verifiee);
                } catch (IOException e) {
                    statut = -1;
                    corps = e.getClass().getSimpleName() + " " + e.getMessage();
                }
                long t1 = System.nanoTime();
                if (t0 < debutMesure) {
                    continue;
                }
                double ms = (t1 - t0) / 1e6;
                total.add(ms);
                parType.computeIfAbsent(requete.type(), t -> new Stats()).add(ms);
                if (statut != 200) {
                    erreurs.increment();
                    cause(causes, requete.type() + " HTTP " + statut, corps);
                    continue;
                }
                String faux = controler(requete, corps, visibles);
                if (faux != null) {
                    fausses.increment();
                    cause(causes, requete.type() + " wrong", faux);
                }
            }
            return null;
        });
        processeurs.join(5_000);
        return new Charge(cible, total, new TreeMap<>(parType), erreurs.sum(), fausses.sum(), new TreeMap<>(causes),
                new TreeMap<>(coeurs));
    }

    /** Reads the body to its end (so that the connection is kept for the next request); its text if asked. */
    private static String lire(InputStream flux, boolean garder) throws IOException {
        if (flux == null) {
            return "";
        }
        try (InputStream corps = flux) {
            if (garder) {
                return new String(corps.readAllBytes(), StandardCharsets.UTF_8);
            }
            byte[] tampon = new byte[16_384];
            while (corps.read(tampon) >= 0) {
                // discarded
            }
            return null;
        }
    }

    /** What is wrong with the answer, or null: the item searched by its reference first; an agent's contracts. */
    static String controler(Requete requete, String corps, Map<String, Set<String>> visibles) {
        boolean agent = !ACHETEUR.equals(requete.acteur());
        if (requete.referenceAttendue() == null && !agent) {
            return null;
        }
        JsonNode page = JSON.readTree(corps);
        if (requete.referenceAttendue() != null) {
            JsonNode premier = page.path("elements").path(0);
            if (!requete.referenceAttendue().equals(premier.path("reference").asString(""))
                    || !requete.contratAttendu().equals(premier.path("contrat").path("numero").asString(""))) {
                return requete.chemin() + ": first " + premier.path("contrat").path("numero").asString("none") + "/"
                        + premier.path("reference").asString("none");
            }
        }
        if (agent) {
            Set<String> siens = visibles.get(requete.acteur());
            for (JsonNode element : page.path("elements")) {
                String numero = element.path("contrat").path("numero").asString();
                if (!siens.contains(numero)) {
                    return requete.acteur() + " sees contract " + numero;
                }
            }
            for (JsonNode facette : page.path("facettes").path("contrat")) {
                if (!siens.contains(facette.path("valeur").asString())) {
                    return requete.acteur() + " sees contract " + facette.path("valeur").asString() + " in the facets";
                }
            }
        }
        return null;
    }

    private static void cause(Map<String, Integer> causes, String cause, String detail) {
        String court = detail == null ? "" : detail.replaceAll("\\s+", " ");
        causes.merge(cause + (court.isEmpty() ? "" : ": " + court.substring(0, Math.min(160, court.length()))), 1,
                Integer::sum);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** A user's token, signed in again after 10 minutes (tokens last 15). */
    static final class Jeton {
        private final Callable<String> connexion;
        private String valeur;
        private long obtenu;

        Jeton(Callable<String> connexion) {
            this.connexion = connexion;
        }

        synchronized String valeur() throws Exception {
            if (valeur == null || System.nanoTime() - obtenu > Duration.ofMinutes(10).toNanos()) {
                valeur = connexion.call();
                obtenu = System.nanoTime();
            }
            return valeur;
        }
    }

    private static ConnexionOidc connexion(URI auth) {
        return new ConnexionOidc(auth, "centrale-web", "http://127.0.0.1:8080/callback");
    }

    static Etat lireEtat(Path fichier) throws IOException {
        return JSON.readValue(Files.readString(fichier, StandardCharsets.UTF_8), Etat.class);
    }

    /** {@code VmRSS}, {@code RssAnon}, {@code RssFile} of a process, in kB; empty when it cannot be read. */
    static Map<String, Long> memoireResidente(long pid) {
        Map<String, Long> memoire = new LinkedHashMap<>();
        try {
            for (String ligne : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                String[] champs = ligne.split("\\s+");
                if (champs.length >= 2 && (champs[0].equals("VmRSS:") || champs[0].equals("RssAnon:")
                        || champs[0].equals("RssFile:"))) {
                    memoire.put(champs[0].substring(0, champs[0].length() - 1), Long.parseLong(champs[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not on this machine, or gone
        }
        return memoire;
    }

    /** Linux's clock ticks per second ({@code getconf CLK_TCK}), 100 on the usual kernels. */
    static final double TOPS_PAR_SECONDE = 100;

    /** User and system CPU time of a process so far, in clock ticks ({@code /proc/PID/stat}); -1 if unreadable. */
    static long tempsProcesseur(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] champs = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(champs[11]) + Long.parseLong(champs[12]); // fields 14 (utime) and 15 (stime)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long taille(Path dossier) throws IOException {
        try (Stream<Path> fichiers = Files.walk(dossier)) {
            return fichiers.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static String charge() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return " [load " + load[0] + " " + load[1] + " " + load[2] + "]";
        } catch (IOException e) {
            return "";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String requis(Map<String, String> options, String nom) {
        String valeur = options.get(nom);
        if (valeur == null) {
            throw new IllegalArgumentException(nom + " is required");
        }
        return valeur;
    }
}

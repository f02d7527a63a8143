package fr.centraleachat.bench;

import fr.centraleachat.bench.ClientApi.Reponse;
import fr.centraleachat.bench.ComptesAgents.Agent;
import fr.centraleachat.smoke.ConnexionOidc;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * A recensement des besoins answered by many members at once.
 *
 * <p>Setup (not measured): {@code M} member bodies registered (admin) with one agent each ({@link ComptesAgents}),
 * every agent signed in. Then, for each target — through the gateway, then straight to adhesion-service, side by
 * side in one run — the acheteur opens a recensement of {@code L} lots inviting every body, and one thread per
 * client sends the agents' declarations (each agent once, for its own body, every lot with a seeded quantity and
 * amount, some lots "pas de besoin") as fast as the answers come back. A first recensement through the gateway,
 * the same size, warms both up and is not measured.
 *
 * <p>Measured: declarations/s (declarations ÷ time from the first sent to the last answered) and the latency of a
 * declaration; then the closing (one call: the declarations frozen, read and consolidated, {@code RecensementClos}
 * saved) and, through the gateway only, the time until marche-service shows the draft consultation it creates from
 * that event. Checked: every declaration answered 200, the consolidated totals equal to the sums sent
 * ({@code wrong} counts the lots whose totals differ), every body counted as declaring.
 */
public final class MesureRecensement {

    private final URI gateway;
    private final URI service;
    private final URI auth;
    private final int membres;
    private final int lots;
    private final int clients;
    private final String label;
    private final boolean echauffement;

    private MesureRecensement(Map<String, String> options) {
        this.gateway = URI.create(requis(options, "--gateway"));
        this.service = options.containsKey("--service") ? URI.create(options.get("--service")) : null;
        this.auth = URI.create(requis(options, "--auth"));
        this.membres = Integer.parseInt(options.getOrDefault("--members", "500"));
        this.lots = Integer.parseInt(options.getOrDefault("--lots", "20"));
        this.clients = Integer.parseInt(options.getOrDefault("--clients", "32"));
        this.label = options.getOrDefault("--label", "recensement");
        this.echauffement = Boolean.parseBoolean(options.getOrDefault("--warmup", "true"));
    }

    /** One target's run. */
    public record Mesure(String cible, int declarations, long erreurs, double fenetreS, Stats latence,
            double clotureMs, double brouillonMs, int lotsFaux, int declarants) {

        double parSeconde() {
            return fenetreS > 0 ? declarations / fenetreS : 0;
        }

        public boolean coherent() {
            return erreurs == 0 && lotsFaux == 0 && declarants == declarations;
        }
    }

    static int run(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return new MesureRecensement(options).mesurer();
    }

    /** Small mode, for a correctness test: one recensement through the gateway. */
    public static Mesure mesurerPeu(URI gateway, URI auth, int membres, int lots) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--gateway", gateway.toString());
        options.put("--auth", auth.toString());
        options.put("--members", Integer.toString(membres));
        options.put("--lots", Integer.toString(lots));
        options.put("--clients", "4");
        options.put("--warmup", "false");
        return new MesureRecensement(options).executer().get(0);
    }

    private int mesurer() throws Exception {
        List<Mesure> mesures = executer();
        StringBuilder ligne = new StringBuilder(label).append(": members=").append(membres).append(" lots=")
                .append(lots).append(" clients=").append(clients);
        for (Mesure m : mesures) {
            String p = " " + m.cible() + "_";
            ligne.append(p).append("declarations_per_s=").append(String.format(Locale.ROOT, "%.0f", m.parSeconde()))
                    .append(p).append("p50_ms=").append(Stats.format(m.latence().percentile(50)))
                    .append(p).append("p99_ms=").append(Stats.format(m.latence().percentile(99)))
                    .append(p).append("all_in_s=").append(Stats.format(m.fenetreS()))
                    .append(p).append("close_ms=").append(Stats.format(m.clotureMs()))
                    .append(p).append("errors=").append(m.erreurs())
                    .append(p).append("wrong=").append(m.lotsFaux());
            if (!Double.isNaN(m.brouillonMs())) {
                ligne.append(p).append("draft_ms=").append(Stats.format(m.brouillonMs()));
            }
        }
        if (mesures.size() > 1) {
            ligne.append(" ratio=").append(String.format(Locale.ROOT, "%.2f",
                    mesures.get(0).parSeconde() / mesures.get(1).parSeconde()));
        }
        boolean coherent = mesures.stream().allMatch(Mesure::coherent);
        boolean enUneMinute = mesures.stream().allMatch(m -> m.fenetreS() <= 60);
        ligne.append(" within_minute=").append(enUneMinute).append(" coherent=").append(coherent);
        System.out.println(ligne);
        return coherent ? 0 : 1;
    }

    List<Mesure> executer() throws Exception {
        ClientApi api = new ClientApi(gateway, Duration.ofSeconds(60));
        Preparation preparation = new Preparation(api);
        ConnexionOidc oidc = new ConnexionOidc(auth, "centrale-web", "http://127.0.0.1:8080/callback");
        List<Agent> agents = ComptesAgents.agents(membres);
        String acheteur = oidc.jetonPour("acheteur", "acheteur");
        preparation.inscrireMembres(oidc.jetonPour("admin", "admin"), agents);
        long debut = System.nanoTime();
        Map<String, String> jetons = preparation.connecter(oidc, agents);
        System.out.println("setup: " + agents.size() + " agents signed in in "
                + Stats.format((System.nanoTime() - debut) / 1e9) + " s");
        List<Mesure> mesures = new ArrayList<>();
        if (echauffement) {
            // One recensement first, not measured: both the gateway and the service it reaches have compiled the
            // paths before either is measured, so that the order of the targets does not favour the second.
            une("warmup", api, acheteur, agents, jetons, false);
        }
        mesures.add(une("gateway", api, acheteur, agents, jetons, true));
        if (service != null) {
            // Tokens are checked by the service itself: the same calls, without the gateway in between.
            mesures.add(une("service", new ClientApi(service, Duration.ofSeconds(60)), oidc.jetonPour("acheteur",
                    "acheteur"), agents, jetons, false));
        }
        return mesures;
    }

    private Mesure une(String cible, ClientApi api, String acheteur, List<Agent> agents, Map<String, String> jetons,
            boolean suivreLeBrouillon) throws Exception {
        List<Map<String, Object>> lotsOuverts = new ArrayList<>();
        for (int l = 1; l <= lots; l++) {
            lotsOuverts.add(Map.of("description", "Lot de mesure " + l, "unite", "unité"));
        }
        Map<String, Object> ouverture = new LinkedHashMap<>();
        ouverture.put("objet", "Recensement de mesure (" + cible + ")");
        ouverture.put("familleAchat", "FOURNITURES_ADMINISTRATIVES");
        ouverture.put("nature", "FOURNITURES");
        ouverture.put("cpvPrincipal", "30192000-1");
        ouverture.put("lots", lotsOuverts);
        ouverture.put("membresInvites", agents.stream().map(Agent::siren).toList());
        ouverture.put("dateCloture", Instant.now().plus(Duration.ofHours(2)).toString());
        Reponse ouvert = api.call("POST", "/api/adhesion/recensements", acheteur, api.write(ouverture));
        ClientApi.expect(ouvert, 201);
        String id = ouvert.json().path("id").asString();

        // The declarations, prepared before the clock starts: seeded per body, so each run sends the same.
        BigDecimal[] quantites = new BigDecimal[lots + 1];
        BigDecimal[] montants = new BigDecimal[lots + 1];
        for (int l = 1; l <= lots; l++) {
            quantites[l] = BigDecimal.ZERO;
            montants[l] = BigDecimal.ZERO;
        }
        Map<Agent, String> corps = new LinkedHashMap<>();
        for (Agent agent : agents) {
            Random graine = new Random(agent.siren().hashCode());
            List<Map<String, Object>> reponses = new ArrayList<>();
            for (int l = 1; l <= lots; l++) {
                if (graine.nextInt(5) == 0) {
                    reponses.add(Map.of("lot", l, "pasDeBesoin", true));
                    continue;
                }
                BigDecimal quantite = BigDecimal.valueOf(1 + graine.nextInt(500));
                BigDecimal montant = BigDecimal.valueOf(100 + graine.nextInt(2_000_000), 2);
                quantites[l] = quantites[l].add(quantite);
                montants[l] = montants[l].add(montant);
                reponses.add(Map.of("lot", l, "pasDeBesoin", false, "quantite", quantite, "montantEstime", montant,
                        "sitesLivraison", List.of("Mairie", "École " + l)));
            }
            corps.put(agent, api.write(Map.of("lots", reponses)));
        }

        Stats latence = new Stats();
        AtomicLong erreurs = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long depart = System.nanoTime();
        try {
            List<Future<?>> taches = new ArrayList<>();
            for (Agent agent : agents) {
                taches.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    Reponse r = api.call("PUT", "/api/adhesion/recensements/" + id + "/declarations/" + agent.siren(),
                            jetons.get(agent.identifiant()), corps.get(agent));
                    latence.add((System.nanoTime() - t0) / 1e6);
                    if (r.status() != 200) {
                        if (erreurs.incrementAndGet() <= 3) {
                            System.err.println("declaration " + agent.siren() + ": " + r.status() + " " + r.body());
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
        double fenetreS = (System.nanoTime() - depart) / 1e9;
        System.out.println(cible + ": " + agents.size() + " declarations of " + lots + " lots in "
                + Stats.format(fenetreS) + " s; " + latence.summary() + "; errors " + erreurs.get());

        long t0 = System.nanoTime();
        Reponse clos = api.call("POST", "/api/adhesion/recensements/" + id + "/cloture", acheteur, null);
        double clotureMs = (System.nanoTime() - t0) / 1e6;
        ClientApi.expect(clos, 200);
        long closA = System.nanoTime();
        Reponse lu = api.call("GET", "/api/adhesion/recensements/" + id, acheteur, null);
        ClientApi.expect(lu, 200);
        int lotsFaux = 0;
        JsonNode consolidation = lu.json().path("consolidation");
        for (JsonNode lot : consolidation.path("lots")) {
            int numero = lot.path("numero").asInt();
            if (numero < 1 || numero > lots
                    || lot.path("quantiteTotale").decimalValue().compareTo(quantites[numero]) != 0
                    || lot.path("montantEstimeTotal").decimalValue().compareTo(montants[numero]) != 0) {
                lotsFaux++;
            }
        }
        if (consolidation.path("lots").size() != lots) {
            lotsFaux += Math.abs(lots - consolidation.path("lots").size());
        }
        int declarants = consolidation.path("membresAyantDeclare").size();
        System.out.println(cible + ": closed and consolidated in " + Stats.format(clotureMs) + " ms; "
                + declarants + " bodies declaring; " + lotsFaux + " lot(s) with wrong totals");

        double brouillonMs = Double.NaN;
        if (suivreLeBrouillon) {
            String consultation = UUID.nameUUIDFromBytes(("recensement:" + id).getBytes(StandardCharsets.UTF_8))
                    .toString();
            long limite = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < limite) {
                if (api.call("GET", "/api/marche/consultations/" + consultation, acheteur, null).status() == 200) {
                    brouillonMs = (System.nanoTime() - closA) / 1e6;
                    break;
                }
                Thread.sleep(20);
            }
            System.out.println(cible + ": draft consultation " + consultation + (Double.isNaN(brouillonMs)
                    ? " not seen within 60 s" : " seen " + Stats.format(brouillonMs) + " ms after the closing"));
            if (Double.isNaN(brouillonMs)) {
                lotsFaux++;
            }
        }
        return new Mesure(cible, agents.size(), erreurs.get(), fenetreS, latence, clotureMs, brouillonMs, lotsFaux,
                declarants);
    }

    private static String requis(Map<String, String> options, String nom) {
        String valeur = options.get(nom);
        if (valeur == null) {
            throw new IllegalArgumentException(nom + " is required");
        }
        return valeur;
    }
}

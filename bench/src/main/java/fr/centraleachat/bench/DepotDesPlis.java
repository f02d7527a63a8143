package fr.centraleachat.bench;

import static fr.centraleachat.bench.ClientApi.PARIS;
import static fr.centraleachat.bench.ClientApi.expect;

import fr.centraleachat.bench.ClientApi.Reponse;
import fr.centraleachat.bench.ComptesFournisseurs.Compte;
import fr.centraleachat.smoke.ConnexionOidc;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * The last minute before a DLRO: {@code N} suppliers (accounts of {@link ComptesFournisseurs}) each file a pli of
 * two generated PDF files ({@code size} MiB in all: a candidature of a fifth, the offer the rest) on a MAPA, through
 * the gateway, from a pool of threads, all starting one minute before the DLRO. Meanwhile marche-service's heap (used,
 * and live data after GC) and the gateway's direct buffers are sampled from their actuators. After the DLRO: closing,
 * opening (timed), the procès-verbal d'ouverture from marche-service, which reads back and hashes every stored file
 * (timed), checked against every receipt, the first read of the lot's analysis, which decrypts, scores and ranks every
 * offer (timed), and the procès-verbal again through the gateway, as the acheteur would ask for it.
 *
 * <ul>
 *   <li>lost: a deposit without a 2xx receipt, or a receipt whose pli the procès-verbal does not list;</li>
 *   <li>verified: a receipt whose files' SHA-256 are those of the bytes sent, and which the procès-verbal shows
 *       again, read back from storage, for every file.</li>
 * </ul>
 */
final class DepotDesPlis {

    private static final long MIO = 1024 * 1024;
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final URI gateway;
    private final URI auth;
    private final URI marche;
    private final int fournisseurs;
    private final int tailleMo;
    private final int fils;
    private final int connexions;
    private final int dlroS;
    private final int fenetreS;
    private final String xmx;
    private final String label;
    private final ClientApi api;
    private final ClientApi service;
    private final HttpClient televersement = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One supplier's deposit as the client saw it. */
    record Depot(Compte compte, int status, long debut, long fin, String numero, boolean horsDelai,
            Map<String, String> envoyes, Map<String, String> accuses, String erreur) {

        boolean recu() {
            return status / 100 == 2 && numero != null;
        }

        double millis() {
            return (fin - debut) / 1e6;
        }

        /** The receipt names every file sent with the SHA-256 of the bytes sent. */
        boolean accuseConforme() {
            return recu() && !envoyes.isEmpty() && envoyes.equals(accuses);
        }
    }

    private DepotDesPlis(Map<String, String> options) {
        this.gateway = URI.create(requis(options, "--gateway"));
        this.auth = URI.create(requis(options, "--auth"));
        this.marche = URI.create(requis(options, "--marche"));
        this.fournisseurs = Integer.parseInt(options.getOrDefault("--suppliers", "200"));
        this.tailleMo = Integer.parseInt(options.getOrDefault("--size-mb", "5"));
        this.fils = Integer.parseInt(options.getOrDefault("--threads", "32"));
        this.connexions = Integer.parseInt(options.getOrDefault("--sign-ins", "4"));
        this.dlroS = Integer.parseInt(options.getOrDefault("--dlro-s", "90"));
        this.fenetreS = Integer.parseInt(options.getOrDefault("--window-s", "60"));
        this.xmx = options.get("--xmx");
        this.label = options.getOrDefault("--label", "plis");
        this.api = new ClientApi(gateway, Duration.ofMinutes(10));
        this.service = new ClientApi(marche, Duration.ofMinutes(30));
        if (dlroS < fenetreS) {
            throw new IllegalArgumentException("--dlro-s must leave the --window-s before the DLRO");
        }
    }

    static int run(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return new DepotDesPlis(options).mesurer();
    }

    private static String requis(Map<String, String> options, String nom) {
        String valeur = options.get(nom);
        if (valeur == null) {
            throw new IllegalArgumentException(nom + " is required");
        }
        return valeur;
    }

    private int mesurer() throws Exception {
        ConnexionOidc oidc = new ConnexionOidc(auth, "centrale-web", "http://127.0.0.1:8080/callback");
        String jetonAcheteur = oidc.jetonPour("acheteur", "acheteur");
        String siren = api.beneficiaireActif(jetonAcheteur, oidc.jetonPour("agent.talant", "agent.talant"), "BENCH-PLIS");
        List<Compte> comptes = ComptesFournisseurs.comptes(fournisseurs);
        Map<String, String> jetons = connecter(oidc, comptes);

        String operateur = ConnexionOidc.jetonClient(auth, "supervision", "supervision-secret", "operations");
        Duration intervalle = Duration.ofMillis(500);
        try (Echantillonneur tas = new Echantillonneur(marche, operateur, Echantillonneur.TAS, intervalle).demarrer();
                Echantillonneur vivant = new Echantillonneur(marche, operateur, Echantillonneur.TAS_VIVANT, intervalle)
                        .demarrer();
                Echantillonneur direct = new Echantillonneur(gateway, operateur, Echantillonneur.DIRECT, intervalle)
                        .demarrer()) {
            long avant = System.nanoTime();
            long limiteTas = (long) Echantillonneur.lire(marche, operateur, Echantillonneur.TAS_MAX);
            double demarrage = Echantillonneur.lire(marche, operateur, Echantillonneur.DEMARRAGE);
            double demarragePasserelle = Echantillonneur.lire(gateway, operateur, Echantillonneur.DEMARRAGE);

            ZonedDateTime dlro = ZonedDateTime.now(PARIS).plusSeconds(dlroS).withNano(0);
            String consultation = publier(jetonAcheteur, siren, dlro);
            ZonedDateTime ouvertureFenetre = dlro.minusSeconds(fenetreS);
            System.out.println("consultation " + consultation + " published (MAPA, 1 lot), DLRO " + HEURE.format(dlro)
                    + " Paris time; " + fournisseurs + " deposits of " + tailleMo + " MiB start at "
                    + HEURE.format(ouvertureFenetre) + ", " + fils + " at a time");
            attendreJusqua(ouvertureFenetre);
            long debutDepots = System.nanoTime();
            long tasRepos = tas.moyenneEntre(avant, debutDepots);

            List<Depot> depots = deposer(consultation, comptes, jetons);
            long finDepots = System.nanoTime();
            long tasDepots = tas.maxEntre(debutDepots, finDepots);
            Stats latences = new Stats();
            depots.stream().filter(Depot::recu).forEach(d -> latences.add(d.millis()));
            long premier = depots.stream().mapToLong(Depot::debut).min().orElse(debutDepots);
            long dernier = depots.stream().mapToLong(Depot::fin).max().orElse(finDepots);
            double fenetre = (dernier - premier) / 1e9;
            int recus = (int) depots.stream().filter(Depot::recu).count();
            int tardifs = (int) depots.stream().filter(d -> d.recu() && d.horsDelai()).count();
            int accusesConformes = (int) depots.stream().filter(Depot::accuseConforme).count();
            long octetsEnvoyes = depots.stream().filter(Depot::recu).mapToLong(d -> (long) tailleMo * MIO).sum();
            Map<String, Integer> echecs = new TreeMap<>();
            depots.stream().filter(d -> !d.recu()).forEach(d -> echecs.merge(
                    d.status() < 0 ? d.erreur() : "HTTP " + d.status(), 1, Integer::sum));
            System.out.printf(Locale.ROOT, "deposits: %d/%d receipts in %.1f s (first request to last answer), "
                            + "%s; %d late; %d receipts naming the SHA-256 of the bytes sent%s%n",
                    recus, fournisseurs, fenetre, latences.summary(), tardifs, accusesConformes, charge());
            echecs.forEach((raison, nombre) -> System.out.println("  failed: " + nombre + " × " + raison));
            depots.stream().filter(d -> !d.recu() && d.status() >= 0).limit(3).forEach(d ->
                    System.out.println("  e.g. " + d.compte().identifiant() + ": " + d.erreur()));

            // After the DLRO: closing (or already closed by the periodic closing), opening, procès-verbal, analysis.
            attendreJusqua(dlro.plusSeconds(1));
            jetonAcheteur = oidc.jetonPour("acheteur", "acheteur");
            String chemin = "/api/marche/consultations/" + consultation;
            Reponse cloture = api.call("POST", chemin + "/cloture", jetonAcheteur, null);
            if (cloture.status() != 200 && cloture.status() != 409) {
                throw new IllegalStateException("closing answered " + cloture.status() + ": " + cloture.body());
            }
            long t0 = System.nanoTime();
            Reponse ouverture = api.call("POST", chemin + "/ouverture-des-plis", jetonAcheteur, null);
            double ouvertureS = (System.nanoTime() - t0) / 1e9;
            expect(ouverture, 200);

            // The procès-verbal from marche-service itself first, so that its time is that of the re-hashing alone;
            // through the gateway (the acheteur's path) last, since a time-out there leaves the service working.
            long t1 = System.nanoTime();
            Reponse pv = service.call("GET", chemin + "/proces-verbal-ouverture", jetonAcheteur, null);
            double pvS = (System.nanoTime() - t1) / 1e9;
            long finPv = System.nanoTime();
            expect(pv, 200);
            Verification verification = verifier(depots, pv.json());
            long anomalies = pv.json().path("anomalies").asLong(-1);
            System.out.printf(Locale.ROOT, "opening %.2f s; procès-verbal (%d files, %d MiB read back and hashed) "
                            + "%.1f s: %d anomalies; receipts verified %d/%d, missing from it %d, "
                            + "plis in it without a receipt %d%s%n",
                    ouvertureS, verification.fichiers(), verification.octets() / MIO, pvS, anomalies,
                    verification.verifies(), recus, verification.absents(), verification.sansAccuse(), charge());

            long t3 = System.nanoTime();
            Reponse analyse = api.call("GET", chemin + "/lots/1/analyse", jetonAcheteur, null);
            double notationS = (System.nanoTime() - t3) / 1e9;
            expect(analyse, 200);
            int offres = analyse.json().path("offres").size();
            int classees = analyse.json().path("classement").size();
            System.out.printf(Locale.ROOT, "analysis of lot 1 (first read: offers decrypted, price scored, ranked) "
                            + "%.2f s: %d offers, %d ranked, first %s%n", notationS, offres, classees,
                    analyse.json().path("classement").path(0).path("numeroPli").asString("-"));

            long t4 = System.nanoTime();
            Reponse pvPasserelle = api.call("GET", chemin + "/proces-verbal-ouverture", jetonAcheteur, null);
            double pvPasserelleS = (System.nanoTime() - t4) / 1e9;
            long fin = System.nanoTime();
            System.out.printf(Locale.ROOT, "procès-verbal through the gateway: HTTP %d after %.1f s%s%n",
                    pvPasserelle.status(), pvPasserelleS,
                    pvPasserelle.status() == 200 ? "" : ": " + abrege(pvPasserelle.body()));

            long tasMax = tas.maxEntre(debutDepots, fin);
            long vivantMax = vivant.maxEntre(debutDepots, fin);
            long directMax = direct.maxEntre(debutDepots, finDepots);
            System.out.printf(Locale.ROOT, "heap of marche-service (every 500 ms, %d samples, %d failed): used %d MiB "
                            + "idle, max %d MiB during the deposits, %d MiB during the procès-verbal, %d MiB overall; "
                            + "live data after GC max %d MiB (idle %d MiB); limit %s (jvm.memory.max %d MiB); "
                            + "%d MiB uploaded%n",
                    tas.nombreEntre(debutDepots, fin), tas.echecs(), tasRepos / MIO, tasDepots / MIO,
                    tas.maxEntre(t1, finPv) / MIO, tasMax / MIO, vivantMax / MIO, vivant.moyenneEntre(avant, debutDepots) / MIO,
                    xmx == null ? "unknown" : xmx, limiteTas / MIO, octetsEnvoyes / MIO);
            System.out.printf(Locale.ROOT, "direct buffers of the gateway (bodies relayed): %d MiB idle, max %d MiB "
                            + "during the deposits%n", direct.moyenneEntre(avant, debutDepots) / MIO, directMax / MIO);

            boolean redemarre = Echantillonneur.lire(marche, operateur, Echantillonneur.DEMARRAGE) != demarrage
                    || Echantillonneur.lire(gateway, operateur, Echantillonneur.DEMARRAGE) != demarragePasserelle;
            if (redemarre) {
                System.out.println("marche-service or the gateway was restarted during the run (process.start.time)");
            }
            int perdus = (fournisseurs - recus) + verification.absents();
            System.out.println(label + ": suppliers=" + fournisseurs
                    + " size_mb=" + tailleMo
                    + " deposited=" + recus
                    + " lost=" + perdus
                    + " late=" + tardifs
                    + " receipts_verified=" + verification.verifies()
                    + " deposit_p50_ms=" + Stats.format(latences.percentile(50))
                    + " deposit_p99_ms=" + Stats.format(latences.percentile(99))
                    + " deposit_max_ms=" + Stats.format(latences.max())
                    + " deposit_window_s=" + String.format(Locale.ROOT, "%.1f", fenetre)
                    + " heap_idle_mb=" + tasRepos / MIO
                    + " heap_max_mb=" + tasMax / MIO
                    + " heap_live_max_mb=" + vivantMax / MIO
                    + " heap_limit_mb=" + (xmx != null ? megaOctets(xmx) : limiteTas / MIO)
                    + " gateway_direct_max_mb=" + directMax / MIO
                    + " uploaded_mb=" + octetsEnvoyes / MIO
                    + " opening_s=" + String.format(Locale.ROOT, "%.2f", ouvertureS)
                    + " pv_s=" + String.format(Locale.ROOT, "%.1f", pvS)
                    + " pv_gateway_status=" + pvPasserelle.status()
                    + " scoring_s=" + String.format(Locale.ROOT, "%.2f", notationS)
                    + " ranked=" + classees
                    + " anomalies=" + anomalies);
            boolean reussi = perdus == 0 && tardifs == 0 && anomalies == 0 && verification.verifies() == fournisseurs
                    && classees == fournisseurs && fenetre <= fenetreS && !redemarre;
            return reussi ? 0 : 1;
        }
    }

    /** Every account's token, a few sign-ins at a time, outside the measured window; the demo supplier's too. */
    private Map<String, String> connecter(ConnexionOidc oidc, List<Compte> comptes) throws Exception {
        String demo = ConnexionOidc.claims(oidc.jetonPour("fournisseur", "fournisseur")).path("siret").asString("");
        if (!demo.matches("\\d{14}")) {
            throw new IllegalStateException("the demo supplier's token has no siret claim");
        }
        long debut = System.nanoTime();
        Map<String, String> jetons = Collections.synchronizedMap(new HashMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(connexions);
        try {
            List<Future<?>> taches = new ArrayList<>();
            for (Compte compte : comptes) {
                taches.add(pool.submit(() -> {
                    String jeton = oidc.jetonPour(compte.identifiant(), compte.motDePasse());
                    String siret = ConnexionOidc.claims(jeton).path("siret").asString("");
                    if (!siret.equals(compte.siret())) {
                        throw new IllegalStateException(compte.identifiant() + ": siret claim " + siret
                                + ", expected " + compte.siret());
                    }
                    jetons.put(compte.identifiant(), jeton);
                    return null;
                }));
            }
            for (Future<?> tache : taches) {
                tache.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "accounts: %d suppliers signed in (authorization code + PKCE, %d at a time) "
                + "in %.1f s; the demo supplier too (siret %s)%n", comptes.size(), connexions,
                (System.nanoTime() - debut) / 1e9, demo);
        return jetons;
    }

    /** A MAPA of one lot whose DLRO is {@code dlro} (under the legal delay: a warning only), published. */
    private String publier(String jetonAcheteur, String siren, ZonedDateTime dlro) throws Exception {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("objet", "Fournitures de bureau (mesure du dépôt de " + fournisseurs + " plis)");
        corps.put("nature", "FOURNITURES");
        corps.put("cpvPrincipal", "30192000-1");
        corps.put("familleAchat", "FOURNITURES_ADMINISTRATIVES");
        corps.put("lots", List.of(Map.of("numero", 1, "intitule", "Papier et enveloppes", "montantEstime", 80000)));
        corps.put("criteres", List.of(
                Map.of("libelle", "Prix", "ponderation", 60, "type", "PRIX"),
                Map.of("libelle", "Valeur technique", "ponderation", 40, "type", "TECHNIQUE")));
        corps.put("dlro", dlro.toOffsetDateTime().toString());
        corps.put("beneficiaires", List.of(siren));
        corps.put("delaiReduit", "NONE");
        Reponse creee = api.call("POST", "/api/marche/consultations", jetonAcheteur, api.write(corps));
        expect(creee, 201);
        String id = creee.json().path("id").asString();
        String publication = "/api/marche/consultations/" + id + "/publication";
        Reponse publiee = api.call("POST", publication, jetonAcheteur, null);
        // Right after the setup, marche-service may not have received the activation yet.
        for (int essai = 0; publiee.status() == 400 && publiee.body().contains("beneficiaires") && essai < 100; essai++) {
            Thread.sleep(100);
            publiee = api.call("POST", publication, jetonAcheteur, null);
        }
        expect(publiee, 200);
        if (!"MAPA".equals(publiee.json().path("procedure").asString())) {
            throw new IllegalStateException("expected a MAPA: " + publiee.body());
        }
        return id;
    }

    private List<Depot> deposer(String consultation, List<Compte> comptes, Map<String, String> jetons)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(fils);
        try {
            List<Future<Depot>> taches = new ArrayList<>();
            for (int i = 0; i < comptes.size(); i++) {
                Compte compte = comptes.get(i);
                int rang = i;
                taches.add(pool.submit(() -> deposer(consultation, rang, compte, jetons.get(compte.identifiant()))));
            }
            List<Depot> depots = new ArrayList<>();
            for (Future<Depot> tache : taches) {
                depots.add(tache.get());
            }
            return depots;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One pli: the offer's data, then the two files, streamed as they are generated, with their length declared. */
    private Depot deposer(String consultation, int rang, Compte compte, String jeton) {
        long tailleTotale = tailleMo * MIO;
        long tailleCandidature = tailleTotale / 5;
        PieceAleatoire candidature = new PieceAleatoire(tailleCandidature, 2L * rang);
        PieceAleatoire offre = new PieceAleatoire(tailleTotale - tailleCandidature, 2L * rang + 1);
        String frontiere = "bench" + UUID.randomUUID();
        String donnees = "{\"prixHt\":" + (60000 + (rang * 7919L) % 20000) + ",\"raisonSociale\":\"Fournisseur "
                + compte.identifiant().substring(ComptesFournisseurs.PREFIXE.length()) + "\"}";
        byte[] debut = ("--" + frontiere + "\r\nContent-Disposition: form-data; name=\"offre\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + donnees + "\r\n"
                + partie(frontiere, "candidature", "candidature.pdf")).getBytes(StandardCharsets.UTF_8);
        byte[] milieu = ("\r\n" + partie(frontiere, "pieces", "offre.pdf")).getBytes(StandardCharsets.UTF_8);
        byte[] fin = ("\r\n--" + frontiere + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long longueur = debut.length + tailleTotale + milieu.length + fin.length;
        InputStream corps = new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(debut),
                candidature, new ByteArrayInputStream(milieu), offre, new ByteArrayInputStream(fin))));
        HttpRequest requete = HttpRequest.newBuilder(gateway.resolve("/api/marche/consultations/" + consultation
                        + "/lots/1/plis"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + jeton)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "multipart/form-data; boundary=" + frontiere)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> corps),
                        longueur))
                .build();
        long t0 = System.nanoTime();
        HttpResponse<String> reponse;
        try {
            reponse = televersement.send(requete, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return new Depot(compte, -1, t0, System.nanoTime(), null, false, Map.of(), Map.of(),
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        long t1 = System.nanoTime();
        Map<String, String> envoyes = new TreeMap<>();
        if (candidature.lueEntierement() && offre.lueEntierement()) {
            envoyes.put("candidature.pdf", candidature.sha256());
            envoyes.put("offre.pdf", offre.sha256());
        }
        JsonNode accuse = api.parse(reponse.body());
        if (reponse.statusCode() / 100 != 2 || accuse == null || !accuse.hasNonNull("numero")) {
            return new Depot(compte, reponse.statusCode(), t0, t1, null, false, envoyes, Map.of(),
                    abrege(reponse.body()));
        }
        Map<String, String> accuses = new TreeMap<>();
        accuse.path("pieces").forEach(p -> accuses.put(p.path("nom").asString(), p.path("sha256").asString()));
        return new Depot(compte, reponse.statusCode(), t0, t1, accuse.path("numero").asString(),
                accuse.path("horsDelai").asBoolean(), envoyes, accuses, null);
    }

    private static String partie(String frontiere, String nom, String fichier) {
        return "--" + frontiere + "\r\nContent-Disposition: form-data; name=\"" + nom + "\"; filename=\"" + fichier
                + "\"\r\nContent-Type: application/pdf\r\n\r\n";
    }

    record Verification(int verifies, int absents, int sansAccuse, int fichiers, long octets) {
    }

    /** Each receipt against the procès-verbal: same pli, every file read back with the receipt's SHA-256. */
    private static Verification verifier(List<Depot> depots, JsonNode pv) {
        Map<String, JsonNode> plis = new HashMap<>();
        int fichiers = 0;
        long octets = 0;
        for (JsonNode lot : pv.path("lots")) {
            for (JsonNode pli : lot.path("plis")) {
                plis.put(pli.path("numero").asString(), pli);
                for (JsonNode fichier : pli.path("fichiers")) {
                    fichiers++;
                    octets += fichier.path("taille").asLong();
                }
            }
        }
        int verifies = 0;
        int absents = 0;
        int avecAccuse = 0;
        for (Depot depot : depots) {
            if (!depot.recu()) {
                continue;
            }
            JsonNode pli = plis.get(depot.numero());
            if (pli == null) {
                absents++;
                continue;
            }
            avecAccuse++;
            Map<String, String> relus = new TreeMap<>();
            boolean conformes = true;
            for (JsonNode fichier : pli.path("fichiers")) {
                String sha = fichier.path("sha256Relu").asString();
                conformes &= fichier.path("conforme").asBoolean()
                        && sha.equals(fichier.path("sha256Accuse").asString());
                relus.put(fichier.path("nom").asString(), sha);
            }
            if (conformes && depot.accuseConforme() && relus.equals(depot.accuses())) {
                verifies++;
            }
        }
        return new Verification(verifies, absents, plis.size() - avecAccuse, fichiers, octets);
    }

    /** The machine's load average (1, 5, 15 min) where /proc tells it: the figures depend on what else runs. */
    private static String charge() {
        try {
            String[] moyennes = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return " [load " + moyennes[0] + " " + moyennes[1] + " " + moyennes[2] + "]";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    private static void attendreJusqua(ZonedDateTime instant) throws InterruptedException {
        long attente = Duration.between(ZonedDateTime.now(PARIS), instant).toMillis();
        if (attente > 0) {
            Thread.sleep(attente);
        }
    }

    private static String abrege(String texte) {
        if (texte == null) {
            return "";
        }
        String ligne = texte.replaceAll("\\s+", " ").strip();
        return ligne.length() > 300 ? ligne.substring(0, 300) + "…" : ligne;
    }

    /** "-Xmx384m" → 384. */
    static long megaOctets(String xmx) {
        String valeur = xmx.replaceFirst("^-Xmx", "").toLowerCase(Locale.ROOT);
        long nombre = Long.parseLong(valeur.replaceAll("[^0-9]", ""));
        return switch (valeur.charAt(valeur.length() - 1)) {
            case 'g' -> nombre * 1024;
            case 'm' -> nombre;
            case 'k' -> nombre / 1024;
            default -> nombre / MIO;
        };
    }
}

package fr.centraleachat.bench;

import static fr.centraleachat.bench.ClientApi.PARIS;
import static fr.centraleachat.bench.ClientApi.expect;

import fr.centraleachat.bench.ClientApi.Reponse;
import fr.centraleachat.bench.ComptesAgents.Agent;
import fr.centraleachat.smoke.ConnexionOidc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The setup the benchmarks share, all through the API (never measured): member bodies registered with one agent
 * each and their adhésions activated; consultations published with their beneficiaries, plis filed on each lot,
 * closed, opened, scored, awarded, rejection notices sent; each lot notified as an accord-cadre à bons de commande,
 * which catalogue-service turns into a contract; a price list imported for a contract; bodies subscribed.
 */
final class Preparation {

    /** The criterion the acheteur scores by hand, next to the price. */
    static final String CRITERE_TECHNIQUE = "Valeur technique";
    private static final byte[] PDF = "%PDF-1.4\n% pièce de mesure\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    /** A pli to file on a lot: the supplier's token, its offer (JSON), its technical score (null: none). */
    record Offre(String jeton, String donnees, Integer noteTechnique) {
    }

    record LotPrevu(int numero, String intitule, long montantEstime, List<Offre> offres) {
    }

    /** A consultation to publish; {@code criteres} as the API takes them. */
    record ConsultationPrevue(String objet, String nature, String cpvPrincipal, String familleAchat,
            List<Map<String, Object>> criteres, List<String> beneficiaires, List<LotPrevu> lots) {
    }

    private final ClientApi api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code api}: the gateway (or any base serving the whole API). */
    Preparation(ClientApi api) {
        this.api = api;
    }

    ClientApi api() {
        return api;
    }

    // --- members and adhésions --------------------------------------------------------------------------------

    /** Every agent's token, a few sign-ins at a time; each must carry its body's SIREN as {@code membre}. */
    Map<String, String> connecter(ConnexionOidc oidc, List<Agent> agents) throws Exception {
        Map<String, String> jetons = new ConcurrentHashMap<>();
        enParallele(4, agents, agent -> {
            String jeton = oidc.jetonPour(agent.identifiant(), agent.motDePasse());
            String membre = ConnexionOidc.claims(jeton).path("membre").asString("");
            if (!membre.equals(agent.siren())) {
                throw new IllegalStateException(agent.identifiant() + ": membre claim '" + membre + "', expected "
                        + agent.siren() + " (was the auth-server given the accounts? see bench/README.md)");
            }
            jetons.put(agent.identifiant(), jeton);
            return null;
        });
        return jetons;
    }

    /** The bodies, registered by the admin unless known already. */
    void inscrireMembres(String admin, List<Agent> agents) throws Exception {
        AtomicLong inscrits = new AtomicLong();
        enParallele(4, agents, agent -> {
            if (api.call("GET", "/api/adhesion/membres/" + agent.siren(), admin, null).status() == 200) {
                return null;
            }
            Reponse cree = api.call("POST", "/api/adhesion/membres", admin, api.write(Map.of(
                    "siren", agent.siren(), "nom", agent.nomMembre(), "type", "CCAS")));
            if (cree.status() != 201 && cree.status() != 409) {
                throw new IllegalStateException("registering " + agent.siren() + ": " + cree.status() + " "
                        + cree.body());
            }
            inscrits.incrementAndGet();
            return null;
        });
        System.out.println("setup: " + inscrits.get() + " member bodies registered, " + (agents.size() - inscrits.get())
                + " known already");
    }

    /** Each body's adhésion requested by its agent, deliberated and activated (or resumed) as needed. */
    void activerAdhesions(String acheteur, List<Agent> agents, Map<String, String> jetons, String libelle)
            throws Exception {
        enParallele(4, agents, agent -> api.beneficiaireActif(acheteur, jetons.get(agent.identifiant()), libelle,
                false));
        for (Agent agent : agents) {
            Reponse liste = api.call("GET", "/api/adhesion/adhesions?siren=" + agent.siren(), acheteur, null);
            expect(liste, 200);
            if (!liste.body().contains("\"ACTIVE\"")) {
                throw new IllegalStateException("no active adhésion for " + agent.siren() + ": " + liste.body());
            }
        }
    }

    /** The catalogue learns the activations from Kafka: wait until it lists every body as active. */
    void attendreMembresActifs(String acheteur, List<Agent> agents) throws Exception {
        Set<String> attendus = new HashSet<>(agents.stream().map(Agent::siren).toList());
        for (int essai = 0; essai < 300; essai++) {
            Set<String> actifs = new HashSet<>();
            for (int page = 0; ; page++) {
                Reponse liste = api.call("GET", "/api/catalogue/membres-actifs?taille=200&page=" + page, acheteur, null);
                expect(liste, 200);
                JsonNode elements = liste.json().path("elements");
                elements.forEach(m -> actifs.add(m.path("siren").asString()));
                if (elements.size() < 200) {
                    break;
                }
            }
            if (actifs.containsAll(attendus)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the catalogue does not list every body as active after 30 s");
    }

    // --- passation ----------------------------------------------------------------------------------------------

    /** A published consultation, then its plis, analysis and award; each lot notified when its maximum is known. */
    final class Passation {
        private final String id;
        private final String chemin;
        private final String jetonAcheteur;
        private final ConsultationPrevue prevue;
        /** Per lot, the pli number of each offer, in the order of {@link LotPrevu#offres()}. */
        private final Map<Integer, List<String>> plis = new ConcurrentHashMap<>();

        private Passation(String id, String jetonAcheteur, ConsultationPrevue prevue) {
            this.id = id;
            this.chemin = "/api/marche/consultations/" + id;
            this.jetonAcheteur = jetonAcheteur;
            this.prevue = prevue;
        }

        String id() {
            return id;
        }

        ConsultationPrevue prevue() {
            return prevue;
        }

        /** The plis of every lot, {@code fils} deposits at a time; each must be on time. */
        void deposerPlis(int fils) throws Exception {
            record Depot(LotPrevu lot, int rang) {
            }
            List<Depot> depots = new ArrayList<>();
            for (LotPrevu lot : prevue.lots()) {
                plis.put(lot.numero(), Collections.synchronizedList(new ArrayList<>(
                        Collections.nCopies(lot.offres().size(), (String) null))));
                for (int rang = 0; rang < lot.offres().size(); rang++) {
                    depots.add(new Depot(lot, rang));
                }
            }
            enParallele(fils, depots, depot -> {
                Offre offre = depot.lot().offres().get(depot.rang());
                plis.get(depot.lot().numero()).set(depot.rang(),
                        deposer(offre.jeton(), chemin, depot.lot().numero(), offre.donnees()));
                return null;
            });
        }

        /** After the DLRO: closing (unless done automatically), opening, scores, award, rejection notices. */
        void analyser() throws Exception {
            Reponse cloture = api.call("POST", chemin + "/cloture", jetonAcheteur, null);
            if (cloture.status() != 200 && cloture.status() != 409) {
                throw new IllegalStateException("closing answered " + cloture.status() + ": " + cloture.body());
            }
            expect(api.call("POST", chemin + "/ouverture-des-plis", jetonAcheteur, null), 200);
            for (LotPrevu lot : prevue.lots()) {
                String cheminLot = chemin + "/lots/" + lot.numero();
                for (int rang = 0; rang < lot.offres().size(); rang++) {
                    Integer note = lot.offres().get(rang).noteTechnique();
                    if (note != null) {
                        expect(api.call("POST", cheminLot + "/analyse/notes", jetonAcheteur, api.write(Map.of(
                                "numeroPli", plis.get(lot.numero()).get(rang), "critere", CRITERE_TECHNIQUE,
                                "note", note, "commentaire", "Mémoire technique examiné."))), 200);
                    }
                }
                expect(api.call("POST", cheminLot + "/attribution", jetonAcheteur, "{}"), 200);
                if (lot.offres().size() > 1) {
                    expect(api.call("POST", cheminLot + "/rejets", jetonAcheteur, "{\"electronique\":true}"), 200);
                }
            }
        }

        /** Notifies the lot as an accord-cadre à bons de commande with {@code maximum}; its marché's number. */
        String notifier(int lot, BigDecimal maximum) throws Exception {
            Reponse notifie = api.call("POST", chemin + "/lots/" + lot + "/notification", jetonAcheteur, api.write(
                    Map.of("forme", "ACCORD_CADRE_BONS_DE_COMMANDE", "formePrix", "UNITAIRE",
                            "montantMaximumHt", maximum, "dureeMois", 24, "dateDebut", LocalDate.now(PARIS).toString())));
            expect(notifie, 200);
            return notifie.json().path("marche").path("numero").asString();
        }
    }

    /**
     * Creates and publishes the consultation with its DLRO. marche-service learns the adhésions' activations from
     * Kafka: right after they were activated it may not know them all yet, so a refusal naming the beneficiaries is
     * tried again for up to 30 s.
     */
    Passation publier(String acheteur, ConsultationPrevue prevue, ZonedDateTime dlro) throws Exception {
        List<Map<String, Object>> lots = new ArrayList<>();
        for (LotPrevu lot : prevue.lots()) {
            lots.add(Map.of("numero", lot.numero(), "intitule", lot.intitule(), "montantEstime", lot.montantEstime()));
        }
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("objet", prevue.objet());
        corps.put("nature", prevue.nature());
        corps.put("cpvPrincipal", prevue.cpvPrincipal());
        corps.put("familleAchat", prevue.familleAchat());
        corps.put("lots", lots);
        corps.put("criteres", prevue.criteres());
        corps.put("dlro", dlro.toOffsetDateTime().toString());
        corps.put("beneficiaires", prevue.beneficiaires());
        corps.put("delaiReduit", "NONE");
        Reponse creee = api.call("POST", "/api/marche/consultations", acheteur, api.write(corps));
        expect(creee, 201);
        String id = creee.json().path("id").asString();
        String chemin = "/api/marche/consultations/" + id;
        Reponse publiee = api.call("POST", chemin + "/publication", acheteur, null);
        for (int essai = 0; publiee.status() == 400 && publiee.body().contains("beneficiaires") && essai < 300; essai++) {
            Thread.sleep(100);
            publiee = api.call("POST", chemin + "/publication", acheteur, null);
        }
        expect(publiee, 200);
        return new Passation(id, acheteur, prevue);
    }

    /** Sleeps until 1.5 s after the DLRO, saying so. */
    static void attendreDlro(ZonedDateTime dlro, String quoi) throws InterruptedException {
        long attente = Duration.between(ZonedDateTime.now(PARIS), dlro).toMillis() + 1500;
        if (attente > 0) {
            System.out.println("setup: " + quoi + "; waiting " + attente / 1000 + " s for the DLRO");
            Thread.sleep(attente);
        }
    }

    /** Files a pli with one small PDF; its number. A pli received after the DLRO is an error of the setup. */
    String deposer(String jeton, String consultation, int lot, String offre) throws Exception {
        String frontiere = "bench" + UUID.randomUUID();
        ByteArrayOutputStream corps = new ByteArrayOutputStream();
        corps.writeBytes(("--" + frontiere + "\r\nContent-Disposition: form-data; name=\"offre\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + offre + "\r\n--" + frontiere
                + "\r\nContent-Disposition: form-data; name=\"pieces\"; filename=\"offre.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        corps.writeBytes(PDF);
        corps.writeBytes(("\r\n--" + frontiere + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Reponse recu = multipart(api.base(), consultation + "/lots/" + lot + "/plis", jeton, frontiere,
                HttpRequest.BodyPublishers.ofByteArray(corps.toByteArray()));
        expect(recu, 201);
        if (recu.json().path("horsDelai").asBoolean(false)) {
            throw new IllegalStateException("pli " + recu.json().path("numero").asString() + " on lot " + lot
                    + " was received after the DLRO: the setup is too slow for the DLRO it chose");
        }
        return recu.json().path("numero").asString();
    }

    // --- contracts in the catalogue ----------------------------------------------------------------------------

    /** Waits (30 s at most) until the catalogue has the contract, which must be ACTIF. */
    void attendreContrat(String acheteur, String numero) throws Exception {
        Reponse contrat = null;
        for (int essai = 0; essai < 300; essai++) {
            contrat = api.call("GET", "/api/catalogue/contrats/" + numero, acheteur, null);
            if (contrat.status() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        expect(contrat, 200);
        if (!"ACTIF".equals(contrat.json().path("statut").asString())) {
            throw new IllegalStateException("contract " + numero + " is not ACTIF: " + contrat.body());
        }
    }

    /**
     * Posts a price list to {@code base} (the gateway or catalogue-service) as a new version effective on
     * {@code dateEffet}: the file is read from {@code csv} as it is sent (a fresh stream for each attempt).
     */
    Reponse importerTarif(URI base, String acheteur, String contrat, String nomFichier, Supplier<InputStream> csv,
            LocalDate dateEffet) throws Exception {
        String frontiere = "bench" + UUID.randomUUID();
        byte[] debut = ("--" + frontiere + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\""
                + nomFichier + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] fin = ("\r\n--" + frontiere + "\r\nContent-Disposition: form-data; name=\"dateEffet\"\r\n\r\n"
                + dateEffet + "\r\n--" + frontiere + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return multipart(base, "/api/catalogue/contrats/" + contrat + "/tarifs/versions", acheteur, frontiere,
                HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                        List.of(new ByteArrayInputStream(debut), csv.get(), new ByteArrayInputStream(fin))))));
    }

    /** A one-line price list through {@link #api()}: reams of paper at 4.80 € HT. */
    void importerTarifRamette(String acheteur, String contrat) throws Exception {
        String csv = "\uFEFFréférence;désignation;unité;conditionnement;prix unitaire HT;taux de TVA;CPV\r\n"
                + "PAP-A4;Ramette papier A4 80 g;ramette;carton de 5;4,80;20;30197630-1\r\n";
        expect(importerTarif(api.base(), acheteur, contrat, "prix.csv",
                () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), LocalDate.now(PARIS)), 201);
    }

    void souscrire(List<String> contrats, List<Agent> agents, Map<String, String> jetons) throws Exception {
        enParallele(4, agents, agent -> {
            for (String contrat : contrats) {
                Reponse souscrite = api.call("POST", "/api/catalogue/contrats/" + contrat + "/souscription",
                        jetons.get(agent.identifiant()), null);
                if (souscrite.status() != 201) {
                    throw new IllegalStateException(agent.identifiant() + " subscribing to " + contrat + ": "
                            + souscrite.status() + " " + souscrite.body());
                }
            }
            return null;
        });
    }

    private Reponse multipart(URI base, String chemin, String jeton, String frontiere,
            HttpRequest.BodyPublisher corps) throws Exception {
        HttpResponse<String> reponse = http.send(HttpRequest.newBuilder(base.resolve(chemin))
                        .timeout(Duration.ofSeconds(600))
                        .header("Authorization", "Bearer " + jeton)
                        .header("Content-Type", "multipart/form-data; boundary=" + frontiere)
                        .POST(corps).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reponse(reponse.statusCode(), reponse.body(), api.parse(reponse.body()));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Tache<T> {
        Object executer(T element) throws Exception;
    }

    /** {@code tache} on every element, {@code fils} at a time; the first failure (in list order) ends them all. */
    static <T> void enParallele(int fils, List<T> elements, Tache<T> tache) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, fils));
        try {
            List<Future<Object>> taches = new ArrayList<>();
            for (T element : elements) {
                Callable<Object> appel = () -> tache.executer(element);
                taches.add(pool.submit(appel));
            }
            for (Future<Object> f : taches) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

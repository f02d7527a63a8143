package fr.centraleachat.system.panne;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.smoke.ConnexionOidc;
import fr.centraleachat.stack.LocalStack;
import fr.centraleachat.stack.ProcessSpec;
import fr.centraleachat.stack.StackPorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka broker stopped and started again (same port, same data) while consultations and adhésions change:
 * every event reaches the catalogue's projections, none has two effects, and poison messages put on every
 * partition of the consumed topics go to the catalogue's dead-letter topic while the consumer goes on.
 * <p>
 * The services run as separate processes on free ports (no gateway: the point is the event path); the broker is
 * driven through embedded-infra's control endpoints, which also give the topics and the projection documents.
 */
class ArretDuBrokerSansPerteNiDoublonIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC_ADHESION = "centrale.adhesion.v1";
    private static final String TOPIC_MARCHE = "centrale.marche.v1";
    private static final String TOPIC_REBUT = "centrale.catalogue-service.dlt";
    private static final int PARTITIONS = 3;
    /** The types the catalogue projects; anything else on the topics is not its concern. */
    private static final Set<String> TYPES_PROJETES = Set.of("AdhesionActivee", "AdhesionSuspendue", "AdhesionReprise",
            "AdhesionResiliee", "ConsultationPubliee", "ConsultationCloturee", "ConsultationSansSuite");
    private static final Pattern RECU = Pattern.compile("Received (\\S+) (\\S+) for ");
    private static final Duration CONVERGENCE = Duration.ofSeconds(90);

    @TempDir
    Path donnees;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String adhesion;
    private String marche;
    private String catalogue;
    private String infra;
    private String jeton;
    private int evenementsAttendus;

    @Test
    void deliversEveryEventOnceAcrossABrokerRestartAndDeadLettersPoisonMessages() throws Exception {
        Path racine = Path.of(System.getProperty("centrale.racine", "..")).toAbsolutePath().normalize();
        List<String> sirens = sirensDuReferentiel(racine, 10);
        try (LocalStack pile = LocalStack.builder().projectRoot(racine).dataDir(donnees).ports(StackPorts.freePorts())
                .only(ProcessSpec.EMBEDDED_INFRA, ProcessSpec.AUTH_SERVER, ProcessSpec.ADHESION, ProcessSpec.MARCHE,
                        ProcessSpec.CATALOGUE)
                .env("CENTRALE_INFRA_CONTROL_ENABLED", "true")
                .startupTimeout(Duration.ofSeconds(240)).start()) {
            System.out.println("stack started in " + pile.startupTime().toMillis() + " ms " + pile.startupTimes());
            adhesion = pile.url(ProcessSpec.ADHESION);
            marche = pile.url(ProcessSpec.MARCHE);
            catalogue = pile.url(ProcessSpec.CATALOGUE);
            infra = pile.url(ProcessSpec.EMBEDDED_INFRA);
            jeton = new ConnexionOidc(URI.create(pile.authServerUrl()), "centrale-web", "http://127.0.0.1:8080/callback")
                    .jetonPour("acheteur", "acheteur");

            // Broker up: 4 activations, 3 publications; the catalogue has them before the broker goes.
            Map<String, String> adhesions = new LinkedHashMap<>();
            for (String siren : sirens.subList(0, 4)) {
                adhesions.put(siren, activer(siren));
            }
            String beneficiaire = sirens.get(0);
            List<String> consultations = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                consultations.add(publier(beneficiaire, i));
            }
            attendre("phase 1 in the catalogue", () -> sirens.subList(0, 4).stream().allMatch(this::membreActif)
                    && consultations.stream().allMatch(this::consultationOuverte));

            // Broker down: writes still succeed, their events wait in the outbox.
            long arret = System.nanoTime();
            assertThat(controle("POST", "/control/broker/stop", null).path("running").asBoolean()).isFalse();
            for (String siren : sirens.subList(4, 7)) {
                adhesions.put(siren, activer(siren));
            }
            suspendre(adhesions.get(sirens.get(1)));
            resilier(adhesions.get(sirens.get(2)));
            for (int i = 3; i < 6; i++) {
                consultations.add(publier(beneficiaire, i));
            }
            sansSuite(consultations.get(0));
            Thread.sleep(3_000);
            assertThat(membreActif(sirens.get(4))).as("nothing reaches the catalogue while the broker is down").isFalse();
            JsonNode redemarre = controle("POST", "/control/broker/start", null);
            assertThat(redemarre.path("running").asBoolean()).isTrue();
            long dureeArret = (System.nanoTime() - arret) / 1_000_000;

            // Poison on every partition of both consumed topics, then more changes behind it.
            Map<String, Long> poisons = new HashMap<>();
            for (String topic : List.of(TOPIC_ADHESION, TOPIC_MARCHE)) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    JsonNode envoye = controle("POST", "/control/topics/" + topic + "/records?key=poison-" + partition
                            + "&partition=" + partition, "{\"ceci n'est pas\": un CloudEvent");
                    poisons.put(topic + "-" + partition, envoye.path("offset").asLong());
                }
            }
            for (String siren : sirens.subList(7, 10)) {
                adhesions.put(siren, activer(siren));
            }
            reprendre(adhesions.get(sirens.get(1)));
            for (int i = 6; i < 9; i++) {
                consultations.add(publier(beneficiaire, i));
            }
            sansSuite(consultations.get(3));

            Set<String> actifs = new LinkedHashSet<>(sirens);
            actifs.remove(sirens.get(2));
            Set<String> ouvertes = new LinkedHashSet<>(consultations);
            ouvertes.remove(consultations.get(0));
            ouvertes.remove(consultations.get(3));
            long debutConvergence = System.nanoTime();
            attendre("every change in the catalogue", () -> actifs.stream().allMatch(this::membreActif)
                    && !membreActif(sirens.get(2))
                    && ouvertes.stream().allMatch(this::consultationOuverte)
                    && !consultationOuverte(consultations.get(0)) && !consultationOuverte(consultations.get(3))
                    && appliques().keySet().containsAll(envoyes(poisons).ids()));
            long convergence = (System.nanoTime() - debutConvergence) / 1_000_000;

            Envoyes envoyes = envoyes(poisons);
            Map<String, Integer> appliques = appliques();
            Set<String> perdus = new LinkedHashSet<>(envoyes.ids());
            perdus.removeAll(appliques.keySet());
            int effetsEnDouble = appliques.values().stream().mapToInt(n -> n - 1).sum();
            List<String> recus = recus(pile.dataDir().resolve("logs").resolve("catalogue-service.log"), envoyes.ids());
            List<JsonNode> rebut = lire(TOPIC_REBUT);
            long poisonsAuRebut = rebut.stream().filter(r -> r.path("key").asString("").startsWith("poison-")).count();
            System.out.printf("broker restart: events expected=%d sent=%d (records on topics=%d, republished=%d) "
                            + "received=%d (distinct=%d) applied=%d lost=%d duplicate-effects=%d poison-sent=%d "
                            + "dead-lettered=%d events-after-poison=%d broker-down-ms=%d convergence-ms=%d%n",
                    evenementsAttendus, envoyes.ids().size(), envoyes.enregistrements(),
                    envoyes.enregistrements() - envoyes.ids().size(), recus.size(), new HashSet<>(recus).size(),
                    appliques.size(), perdus.size(), effetsEnDouble, poisons.size(), poisonsAuRebut,
                    envoyes.apresPoison(), dureeArret, convergence);

            assertThat(envoyes.ids()).hasSize(evenementsAttendus);
            assertThat(perdus).as("events lost").isEmpty();
            assertThat(effetsEnDouble).as("events applied twice").isZero();
            // The marché topic is read by two of the catalogue's consumer groups (consultations, contracts): each
            // dead-letters its own copy of a poison message.
            long attendusAuRebut = poisons.keySet().stream()
                    .mapToLong(cle -> cle.startsWith(TOPIC_MARCHE + "-") ? 2 : 1).sum();
            assertThat(poisonsAuRebut).as("poison messages in " + TOPIC_REBUT).isEqualTo(attendusAuRebut);
            assertThat(envoyes.apresPoison()).as("events behind a poison message on its partition").isPositive();
            assertThat(new HashSet<>(recus)).containsAll(envoyes.ids());
        }
    }

    // --- the changes ------------------------------------------------------------------------------------------

    private String activer(String siren) throws Exception {
        JsonNode demande = ecrire("POST", adhesion + "/api/adhesion/adhesions", Map.of("siren", siren,
                "famillesAchat", List.of("INFORMATIQUE_TELECOMS"), "missions", "PASSATION_ET_EXECUTION"), 201);
        String id = demande.path("id").asString();
        LocalDate aujourdhui = LocalDate.now(PARIS);
        ecrire("POST", adhesion + "/api/adhesion/adhesions/" + id + "/deliberation",
                Map.of("numero", "PANNE-" + siren, "date", aujourdhui.minusDays(7).toString()), 200);
        ecrire("POST", adhesion + "/api/adhesion/adhesions/" + id + "/activation",
                Map.of("dateSignatureConvention", aujourdhui.toString(), "dateEffet", aujourdhui.toString()), 200);
        evenementsAttendus++;
        return id;
    }

    private void suspendre(String adhesionId) throws Exception {
        ecrire("POST", adhesion + "/api/adhesion/adhesions/" + adhesionId + "/suspension",
                Map.of("motif", "Contrôle de reprise après panne"), 200);
        evenementsAttendus++;
    }

    private void reprendre(String adhesionId) throws Exception {
        ecrire("POST", adhesion + "/api/adhesion/adhesions/" + adhesionId + "/reprise", null, 200);
        evenementsAttendus++;
    }

    private void resilier(String adhesionId) throws Exception {
        ecrire("POST", adhesion + "/api/adhesion/adhesions/" + adhesionId + "/resiliation",
                Map.of("dateEffet", LocalDate.now(PARIS).toString(), "motif", "Contrôle de reprise après panne"), 200);
        evenementsAttendus++;
    }

    private String publier(String beneficiaire, int numero) throws Exception {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("objet", "Fournitures de bureau, lot de contrôle de panne n° " + numero);
        corps.put("nature", "FOURNITURES");
        corps.put("cpvPrincipal", "30192000-1");
        corps.put("familleAchat", "FOURNITURES_ADMINISTRATIVES");
        corps.put("lots", List.of(Map.of("numero", 1, "intitule", "Papier", "montantEstime", 150000)));
        corps.put("criteres", List.of(Map.of("libelle", "Prix", "ponderation", 60, "type", "PRIX"),
                Map.of("libelle", "Valeur technique", "ponderation", 40, "type", "TECHNIQUE")));
        corps.put("dlro", dlroLegale().toString());
        corps.put("beneficiaires", List.of(beneficiaire));
        corps.put("delaiReduit", "NONE");
        String id = ecrire("POST", marche + "/api/marche/consultations", corps, 201).path("id").asString();
        // marche-service learns of the beneficiary's adhésion from the adhesion events, a moment after its activation:
        // until then publication is refused naming it, and is tried again.
        long limite = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> publication = envoyer("POST", marche + "/api/marche/consultations/" + id + "/publication", null);
        while (publication.statusCode() == 400 && publication.body().contains(beneficiaire) && System.nanoTime() < limite) {
            Thread.sleep(200);
            publication = envoyer("POST", marche + "/api/marche/consultations/" + id + "/publication", null);
        }
        assertThat(publication.statusCode()).as("publication: " + publication.body()).isEqualTo(200);
        evenementsAttendus++;
        return id;
    }

    private void sansSuite(String consultationId) throws Exception {
        ecrire("POST", marche + "/api/marche/consultations/" + consultationId + "/sans-suite",
                Map.of("raison", "Contrôle de reprise après panne"), 200);
        evenementsAttendus++;
    }

    private java.time.OffsetDateTime dlroLegale() throws Exception {
        HttpResponse<String> reponse = envoyer("GET", marche + "/api/marche/reglementation/premiere-dlro?procedure="
                + "APPEL_OFFRES_OUVERT&delaiReduit=NONE&publication=" + java.time.Instant.now().plus(Duration.ofMinutes(5)),
                null);
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(200);
        return LocalDate.parse(JSON.readTree(reponse.body()).path("premiereDlro").asString()).plusDays(1)
                .atTime(LocalTime.NOON).atZone(PARIS).toOffsetDateTime();
    }

    // --- what the catalogue shows -----------------------------------------------------------------------------

    private boolean membreActif(String siren) {
        return statut(catalogue + "/api/catalogue/membres-actifs/" + siren) == 200;
    }

    private boolean consultationOuverte(String id) {
        return statut(catalogue + "/api/catalogue/consultations-ouvertes/" + id) == 200;
    }

    private int statut(String url) {
        try {
            return envoyer("GET", url, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Event id → how many times it was recorded as applied, over every projected document. */
    private Map<String, Integer> appliques() {
        Map<String, Integer> appliques = new HashMap<>();
        for (String collection : List.of("membres", "consultations")) {
            try {
                for (JsonNode document : controle("GET", "/control/mongo/catalogue/" + collection + "?max=10000", null)) {
                    for (JsonNode id : document.path("evenementsAppliques")) {
                        appliques.merge(id.asString(), 1, Integer::sum);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read catalogue." + collection, e);
            }
        }
        return appliques;
    }

    private record Envoyes(Set<String> ids, int enregistrements, int apresPoison) {
    }

    /** The projected events on the two topics (poison excluded), and how many sit behind a poison message. */
    private Envoyes envoyes(Map<String, Long> poisons) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> apresPoison = new HashSet<>();
        int enregistrements = 0;
        for (String topic : List.of(TOPIC_ADHESION, TOPIC_MARCHE)) {
            for (JsonNode record : lire(topic)) {
                String type = record.path("headers").path("ce_type").asString("");
                if (record.path("key").asString("").startsWith("poison-")
                        || TYPES_PROJETES.stream().noneMatch(t -> type.contains("." + t + "."))) {
                    continue;
                }
                String id = record.path("headers").path("ce_id").asString();
                ids.add(id);
                enregistrements++;
                Long poison = poisons.get(topic + "-" + record.path("partition").asInt());
                if (poison != null && record.path("offset").asLong() > poison) {
                    apresPoison.add(id);
                }
            }
        }
        return new Envoyes(ids, enregistrements, apresPoison.size());
    }

    private List<JsonNode> lire(String topic) {
        try {
            List<JsonNode> records = new ArrayList<>();
            controle("GET", "/control/topics/" + topic + "/records?max=10000", null).forEach(records::add);
            return records;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + topic, e);
        }
    }

    /** Deliveries to the catalogue's consumer of the given events, from its log (one line per record received). */
    private static List<String> recus(Path journal, Set<String> ids) throws Exception {
        List<String> recus = new ArrayList<>();
        for (String ligne : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            Matcher recu = RECU.matcher(ligne);
            if (recu.find() && ids.contains(recu.group(2))) {
                recus.add(recu.group(2));
            }
        }
        return recus;
    }

    // --- plumbing ---------------------------------------------------------------------------------------------

    private JsonNode ecrire(String methode, String url, Object corps, int attendu) throws Exception {
        HttpResponse<String> reponse = envoyer(methode, url, corps == null ? null : JSON.writeValueAsString(corps));
        assertThat(reponse.statusCode()).as(methode + " " + url + ": " + reponse.body()).isEqualTo(attendu);
        return JSON.readTree(reponse.body());
    }

    private HttpResponse<String> envoyer(String methode, String url, String corps) throws Exception {
        HttpRequest.Builder requete = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + jeton)
                .header("Accept", "application/json, application/problem+json");
        if (corps != null) {
            requete.header("Content-Type", "application/json").method(methode, HttpRequest.BodyPublishers.ofString(corps));
        } else {
            requete.method(methode, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode controle(String methode, String chemin, String corps) throws Exception {
        HttpRequest.Builder requete = HttpRequest.newBuilder(URI.create(infra + chemin)).timeout(Duration.ofSeconds(60))
                .header("X-Centrale-Control", "1");
        requete.method(methode, corps == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(corps));
        if (corps != null) {
            requete.header("Content-Type", "application/octet-stream");
        }
        HttpResponse<String> reponse = http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reponse.statusCode()).as(methode + " " + chemin + ": " + reponse.body()).isEqualTo(200);
        return JSON.readTree(reponse.body());
    }

    private static void attendre(String quoi, BooleanSupplier condition) throws InterruptedException {
        long limite = System.nanoTime() + CONVERGENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > limite) {
                throw new AssertionError("Not reached within " + CONVERGENCE.toSeconds() + " s: " + quoi);
            }
            Thread.sleep(500);
        }
    }

    /** SIRENs of the seeded members (Dijon Métropole's communes), skipping the metropolis itself. */
    private static List<String> sirensDuReferentiel(Path racine, int combien) throws Exception {
        JsonNode referentiel = JSON.readTree(Files.readString(
                racine.resolve("adhesion-service/src/main/resources/seed/membres-dijon-metropole.json")));
        List<String> sirens = new ArrayList<>();
        for (JsonNode membre : referentiel.path("membres")) {
            if (!"METROPOLE".equals(membre.path("type").asString()) && sirens.size() < combien) {
                sirens.add(membre.path("siren").asString());
            }
        }
        assertThat(sirens).hasSize(combien);
        return sirens;
    }

}

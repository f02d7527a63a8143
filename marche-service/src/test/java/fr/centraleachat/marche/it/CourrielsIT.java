package fr.centraleachat.marche.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.centraleachat.marche.it.ClientHttpDeTest.Partie;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.infra.CourrielRecu;
import fr.centraleachat.marche.MarcheApplication;
import fr.centraleachat.support.test.HorlogeReglable;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mails marche-service sends, over the real broker, store and SMTP server: an alert to each supplier whose
 * profile matches a publication, once even when the event comes twice; answers and rectificatifs to those who
 * downloaded the DCE; rejection letters and the notification to the bidders, their PDFs attached.
 */
@SpringBootTest(classes = MarcheApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"centrale.cloture.intervalle=300ms", "centrale.outbox.intervalle=100ms",
            "centrale.courriel.intervalle=100ms", "centrale.url-publique=https://centrale.example",
            // Groups of their own: another test context on the same broker must not take this one's events.
            "centrale.alertes.groupe=courriels-it-alertes", "centrale.courriers.groupe=courriels-it-courriers"})
@Import({JetonsDeTest.Configuration.class, HorlogeDesScenarios.class})
class CourrielsIT {

    static final String TOPIC = "centrale.marche.v1";
    static final String SIRET_2 = "55210055400013";
    static final String SIRET_3 = "21210231300013";
    static final byte[] PDF = "%PDF-1.7\nOffre\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    static final Duration ATTENTE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "marche-courriels");
        InfrastructureDeTest.brancherCourriel(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    HorlogeReglable horloge;

    private final ClientHttpDeTest client = new ClientHttpDeTest(() -> port);
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void membresActifsHorlogeEtAucunProfil() throws Exception {
        horloge.regler(ScenarioConsultations.PUBLICATION);
        MembresActifsDeTest.activer(InfrastructureDeTest.kafka().bootstrapServers(), mongo, "courriels-it",
                List.of(JetonsDeTest.SIREN_DIJON, JetonsDeTest.SIREN_TALANT));
        mongo.remove(new Query(), "alertes_fournisseurs");
    }

    @Test
    void aPublicationIsMailedOnceToEachMatchingAddressEvenWhenItsEventIsDeliveredTwice() throws Exception {
        String bureau = adresse("bureau");
        String travaux = adresse("travaux");
        assertThat(profil(JetonsDeTest.fournisseur(), "Fournitures de bureau", bureau, "\"cpv\":[\"301\"]")
                .statusCode()).isEqualTo(201);
        // A second profile of the same supplier at the same address: named in the same mail, not a second one.
        assertThat(profil(JetonsDeTest.fournisseur(), "Veille papeterie", bureau, "\"motsCles\":[\"bureau\"]")
                .statusCode()).isEqualTo(201);
        assertThat(profil(fournisseur(SIRET_2), "Travaux", travaux, "\"cpv\":[\"45\"]").statusCode()).isEqualTo(201);

        String id = consultationPubliee("Fournitures de bureau 2027", "30192000-1", 250000);

        CourrielRecu alerte = await().atMost(ATTENTE).until(() -> recus(bureau), l -> !l.isEmpty()).get(0);
        assertThat(alerte.sujet()).isEqualTo("Nouvelle consultation : Fournitures de bureau 2027");
        assertThat(alerte.texte()).contains("vos profils d'alerte « Fournitures de bureau », « Veille papeterie »",
                "appel d'offres ouvert", "15/01/2027 à 12h00",
                "lot 1 : Papier (CPV 30197630-1)",
                "https://centrale.example/api/marche/consultations/" + id + "/documents");

        ConsumerRecord<String, byte[]> publication = evenement(id, Evenements.CONSULTATION_PUBLIEE.ceType());
        long position = redelivrer(publication);
        attendreConsomme("courriels-it-alertes", new TopicPartition(TOPIC, publication.partition()), position);
        await().atMost(ATTENTE).until(() -> enAttente() == 0);
        assertThat(recus(bureau)).hasSize(1);
        assertThat(recus(travaux)).isEmpty();
        String idEvenement = entete(publication, "ce_id");
        assertThat(mongo.count(Query.query(Criteria.where("_id").regex("^alerte:" + idEvenement + ":")),
                "courriels_sortants")).isEqualTo(1);
    }

    @Test
    void downloadersAreToldOfAnswersAndRectificatifsOthersGetTheAlertOnly() throws Exception {
        String telechargeur = adresse("telechargeur");
        String veille = adresse("veille");
        assertThat(profil(JetonsDeTest.fournisseur(), "Papier", telechargeur, "\"motsCles\":[\"PAPIER\"]")
                .statusCode()).isEqualTo(201);
        assertThat(profil(fournisseur(SIRET_2), "Papeterie", veille, "\"cpv\":[\"30192000-1\"],"
                + "\"natures\":[\"FOURNITURES\"],\"departements\":[\"21\"]").statusCode()).isEqualTo(201);
        String id = creer("Papeterie des écoles", "30192000-1", 250000);
        assertThat(client.multipart(JetonsDeTest.acheteur(), "/api/marche/consultations/" + id + "/documents",
                List.of(Partie.fichier("fichier", "rc.pdf", PDF), Partie.texte("type", "REGLEMENT_CONSULTATION")))
                .statusCode()).isEqualTo(201);
        publier(id);
        await().atMost(ATTENTE).until(() -> recus(telechargeur).size() == 1 && recus(veille).size() == 1);

        assertThat(telecharger(id, JetonsDeTest.fournisseur())).isEqualTo(200);
        assertThat(telecharger(id, null)).isEqualTo(200);
        HttpResponse<String> question = client.envoyer("POST", "/api/marche/consultations/" + id + "/questions",
                JetonsDeTest.fournisseur(), "{\"texte\":\"Le papier recyclé est-il accepté ?\"}");
        assertThat(question.statusCode()).as(question.body()).isEqualTo(201);
        HttpResponse<String> reponse = client.envoyer("POST",
                "/api/marche/consultations/" + id + "/questions/1/reponse",
                JetonsDeTest.acheteur(), "{\"texte\":\"Oui, à 80 g/m² au moins.\"}");
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(200);

        CourrielRecu reponseRecue = await().atMost(ATTENTE).until(() -> recus(telechargeur), l -> l.size() == 2)
                .get(0);
        assertThat(reponseRecue.sujet()).isEqualTo("Réponse à une question : Papeterie des écoles");
        assertThat(reponseRecue.texte()).contains("Le papier recyclé est-il accepté ?", "Oui, à 80 g/m² au moins.",
                "https://centrale.example/api/marche/consultations/" + id + "/questions");

        HttpResponse<String> rectifiee = client.multipart(JetonsDeTest.acheteur(), "/api/marche/consultations/" + id
                + "/rectificatifs", List.of(Partie.json("rectificatif", "{\"raison\":\"Quantités revues\","
                + "\"substantiel\":true,\"nouvelleDlro\":\"2027-01-25T12:00:00+01:00\"}")));
        assertThat(rectifiee.statusCode()).as(rectifiee.body()).isEqualTo(200);

        CourrielRecu rectificatif = await().atMost(ATTENTE).until(() -> recus(telechargeur), l -> l.size() == 3)
                .get(0);
        assertThat(rectificatif.sujet()).isEqualTo("Rectificatif n° 1 : Papeterie des écoles");
        assertThat(rectificatif.texte()).contains("Quantités revues", "à confirmer",
                "reportée du 15/01/2027 à 12h00 au 25/01/2027 à 12h00");
        // The supplier who never downloaded the DCE learns of it by its alert.
        CourrielRecu alerte = await().atMost(ATTENTE).until(() -> recus(veille), l -> l.size() == 2).get(0);
        assertThat(alerte.sujet()).isEqualTo("Rectificatif : Papeterie des écoles");
        assertThat(alerte.texte()).contains("rectificatif n° 1", "Quantités revues");
        ConsumerRecord<String, byte[]> rectification = evenement(id, Evenements.CONSULTATION_RECTIFIEE.ceType());
        attendreConsomme("courriels-it-alertes", new TopicPartition(TOPIC, rectification.partition()),
                rectification.offset());
        await().atMost(ATTENTE).until(() -> enAttente() == 0);
        assertThat(recus(telechargeur)).extracting(CourrielRecu::sujet)
                .doesNotContain("Rectificatif : Papeterie des écoles");
        assertThat(recus(veille)).extracting(CourrielRecu::sujet)
                .doesNotContain("Réponse à une question : Papeterie des écoles");
    }

    @Test
    void rejectionLettersAndTheNotificationAreMailedWithTheirPdfAndABidderWithoutAddressIsSkipped()
            throws Exception {
        String titulaire = adresse("titulaire");
        String second = adresse("second");
        // Profiles that match nothing published here: they only give the suppliers' addresses.
        assertThat(profil(JetonsDeTest.fournisseur(), "Travaux", titulaire, "\"natures\":[\"TRAVAUX\"]")
                .statusCode()).isEqualTo(201);
        assertThat(profil(fournisseur(SIRET_2), "Travaux", second, "\"natures\":[\"TRAVAUX\"]").statusCode())
                .isEqualTo(201);
        // Under the EU threshold: a MAPA, no standstill before the notification.
        String id = consultationPubliee("Ramettes de papier", "30197630-1", 150000);
        String pliTitulaire = numero(deposerPli(JetonsDeTest.fournisseur(), id, "10000"));
        String pliSecond = numero(deposerPli(fournisseur(SIRET_2), id, "11000"));
        String pliSansAdresse = numero(deposerPli(JetonsDeTest.jeton("fournisseur3", List.of("FOURNISSEUR"), null,
                SIRET_3), id, "12000"));
        horloge.regler(Instant.parse("2027-01-15T11:00:01Z"));
        await().atMost(ATTENTE).until(() -> "CLOTUREE".equals(statut(id)));
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/ouverture-des-plis",
                JetonsDeTest.acheteur(),
                null).statusCode()).isEqualTo(200);
        String lot = "/api/marche/consultations/" + id + "/lots/1";
        assertThat(client.envoyer("GET", lot + "/analyse", JetonsDeTest.acheteur(), null).statusCode()).isEqualTo(200);
        HttpResponse<String> attribution = client.envoyer("POST", lot + "/attribution", JetonsDeTest.acheteur(), "{}");
        assertThat(attribution.statusCode()).as(attribution.body()).isEqualTo(200);
        assertThat(json.readTree(attribution.body()).get("attribution").get("numeroPli").asString())
                .isEqualTo(pliTitulaire);
        HttpResponse<String> rejets = client.envoyer("POST", lot + "/rejets", JetonsDeTest.acheteur(),
                "{\"electronique\":true}");
        assertThat(rejets.statusCode()).as(rejets.body()).isEqualTo(200);

        CourrielRecu lettre = await().atMost(ATTENTE).until(() -> recus(second), l -> !l.isEmpty()).get(0);
        assertThat(lettre.sujet()).isEqualTo("Lettre de rejet, lot 1 : Ramettes de papier");
        assertThat(lettre.piecesJointes()).containsExactly("lettre-de-rejet-lot-1-" + pliSecond + ".pdf");
        assertThat(lettre.texte()).contains("n'a pas été retenue", "SIRET " + SIRET_2);
        assertThat(pdfJoint(lettre)).contains("Lettre de rejet - lot 1", "n'a pas été retenue", "rang 2");

        HttpResponse<String> notifie = client.envoyer("POST", lot + "/notification", JetonsDeTest.acheteur(),
                "{\"forme\":\"MARCHE_ORDINAIRE\",\"formePrix\":\"FORFAITAIRE\",\"dureeMois\":12,"
                        + "\"dateDebut\":\"2027-02-01\"}");
        assertThat(notifie.statusCode()).as(notifie.body()).isEqualTo(200);
        String numeroMarche = json.readTree(notifie.body()).get("marche").get("numero").asString();
        CourrielRecu notification = await().atMost(ATTENTE).until(() -> recus(titulaire), l -> !l.isEmpty()).get(0);
        assertThat(notification.sujet()).isEqualTo("Notification du marché n° " + numeroMarche
                + " : Ramettes de papier");
        assertThat(notification.piecesJointes()).containsExactly("notification-marche-" + numeroMarche + ".pdf");
        assertThat(pdfJoint(notification)).contains("Notification du marché n° " + numeroMarche, "SIRET "
                + JetonsDeTest.SIRET_FOURNISSEUR, "10000.00 € HT", "12 mois");

        await().atMost(ATTENTE).until(() -> enAttente() == 0);
        assertThat(recus(second)).hasSize(1);
        assertThat(recus(titulaire)).hasSize(1);
        // The third bidder gave no address: its letter stays on the platform, no mail is queued for it.
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("rejet:" + id + ":1:" + pliSansAdresse)),
                "courriels_sortants")).isFalse();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("rejet:" + id + ":1:" + pliSecond)),
                "courriels_sortants")).isTrue();
    }

    @Test
    void aSupplierManagesItsOwnProfilesOnlyWithinTheirBounds() throws Exception {
        HttpResponse<String> cree = profil(JetonsDeTest.fournisseur(), "Veille", adresse("veille"),
                "\"cpv\":[\"30192000-1\",\"301\"],\"natures\":[\"SERVICES\",\"FOURNITURES\"],"
                        + "\"motsCles\":[\"Équipement\"],\"departements\":[\"2A\",\"971\"]");
        assertThat(cree.statusCode()).as(cree.body()).isEqualTo(201);
        JsonNode profil = json.readTree(cree.body());
        String id = profil.get("id").asString();
        assertThat(cree.headers().firstValue("Location")).contains("https://centrale.example/api/marche/alertes/" + id);
        assertThat(profil.get("cpv")).extracting(JsonNode::asString).containsExactly("30192000-1", "301");
        assertThat(profil.get("natures")).extracting(JsonNode::asString).containsExactly("FOURNITURES", "SERVICES");

        assertThat(client.envoyer("GET", "/api/marche/alertes/" + id, fournisseur(SIRET_2), null).statusCode())
                .isEqualTo(404);
        assertThat(client.envoyer("DELETE", "/api/marche/alertes/" + id, fournisseur(SIRET_2), null).statusCode())
                .isEqualTo(404);
        assertThat(json.readTree(client.envoyer("GET", "/api/marche/alertes", fournisseur(SIRET_2), null).body())
                .get("total").asInt()).isZero();
        HttpResponse<String> modifie = client.envoyer("PUT", "/api/marche/alertes/" + id, JetonsDeTest.fournisseur(),
                "{\"libelle\":\"Travaux\",\"email\":\"" + adresse("travaux") + "\",\"natures\":[\"TRAVAUX\"]}");
        assertThat(modifie.statusCode()).as(modifie.body()).isEqualTo(200);
        assertThat(json.readTree(modifie.body()).get("cpv")).isEmpty();

        assertChamp(profil(JetonsDeTest.fournisseur(), "X", "pas une adresse", ""), "email", "invalide");
        assertChamp(profil(JetonsDeTest.fournisseur(), "X", adresse("x"), "\"cpv\":[\"301\",\"30192000-2\"]"),
                "cpv[1]", "clé de contrôle");
        assertChamp(profil(JetonsDeTest.fournisseur(), "X", adresse("x"), "\"departements\":[\"20\"]"),
                "departements[0]", "n'existe pas");
        assertChamp(profil(JetonsDeTest.fournisseur(), "X", adresse("x"), "\"motsCles\":[\"" + "m".repeat(51)
                + "\"]"), "motsCles[0]", "50 caractères");
        List<String> cpv = new ArrayList<>();
        for (int i = 10; i < 61; i++) {
            cpv.add("\"" + i + "\"");
        }
        assertChamp(profil(JetonsDeTest.fournisseur(), "X", adresse("x"), "\"cpv\":[" + String.join(",", cpv) + "]"),
                "cpv", "au plus 50");
        for (int i = 1; i < 10; i++) {
            assertThat(profil(JetonsDeTest.fournisseur(), "Profil " + i, adresse("p" + i), "").statusCode())
                    .isEqualTo(201);
        }
        HttpResponse<String> onzieme = profil(JetonsDeTest.fournisseur(), "De trop", adresse("trop"), "");
        assertThat(onzieme.statusCode()).isEqualTo(400);
        assertThat(onzieme.body()).contains("au plus 10 profils");
        assertThat(client.envoyer("DELETE", "/api/marche/alertes/" + id, JetonsDeTest.fournisseur(), null).statusCode())
                .isEqualTo(204);
        assertThat(client.envoyer("GET", "/api/marche/alertes/" + id, JetonsDeTest.fournisseur(), null).statusCode())
                .isEqualTo(404);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static String adresse(String nom) {
        return nom + "-" + UUID.randomUUID().toString().substring(0, 8) + "@fournisseur.example";
    }

    private static String fournisseur(String siret) {
        return JetonsDeTest.jeton("fournisseur-" + siret, List.of("FOURNISSEUR"), null, siret);
    }

    private static List<CourrielRecu> recus(String adresse) {
        return InfrastructureDeTest.smtp().courrielsPour(adresse);
    }

    private long enAttente() {
        return mongo.count(Query.query(Criteria.where("statut").ne("ENVOYE")), "courriels_sortants");
    }

    private String pdfJoint(CourrielRecu recu) throws Exception {
        var fichier = InfrastructureDeTest.smtp().directory().resolve(recu.fichier());
        try (var flux = java.nio.file.Files.newInputStream(fichier)) {
            var message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    flux);
            var parties = (jakarta.mail.internet.MimeMultipart) message.getContent();
            for (int i = 0; i < parties.getCount(); i++) {
                var partie = parties.getBodyPart(i);
                if (partie.getFileName() != null) {
                    try (var document = org.apache.pdfbox.Loader.loadPDF(partie.getInputStream().readAllBytes())) {
                        return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                    }
                }
            }
        }
        throw new AssertionError("no attachment in " + recu.fichier());
    }

    private HttpResponse<String> profil(String jeton, String libelle, String email, String criteres) throws Exception {
        return client.envoyer("POST", "/api/marche/alertes", jeton,
                "{\"libelle\":\"" + libelle + "\",\"email\":\"" + email
                + "\"" + (criteres.isEmpty() ? "" : "," + criteres) + "}");
    }

    private void assertChamp(HttpResponse<String> reponse, String champ, String fragment) {
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(400);
        assertThat(json.readTree(reponse.body()).get("erreurs")).as(reponse.body())
                .anySatisfy(e -> {
                    assertThat(e.get("champ").asString()).isEqualTo(champ);
                    assertThat(e.get("message").asString()).contains(fragment);
                });
    }

    private String creer(String objet, String cpv, int montant) throws Exception {
        HttpResponse<String> reponse = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(), """
                {"objet":"%s","nature":"FOURNITURES","cpvPrincipal":"%s","familleAchat":"FOURNITURES_ADMINISTRATIVES",
                 "lots":[{"numero":1,"intitule":"Papier","montantEstime":%d,"cpv":"30197630-1"}],
                 "criteres":[{"libelle":"Prix","ponderation":100,"type":"PRIX"}],
                 "dlro":"%s","beneficiaires":["212102313","212106173"],"delaiReduit":"NONE"}
                """.formatted(objet, cpv, montant, ScenarioConsultations.DLRO_LEGALE));
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(201);
        return json.readTree(reponse.body()).get("id").asString();
    }

    private void publier(String id) throws Exception {
        HttpResponse<String> publication = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), null);
        assertThat(publication.statusCode()).as(publication.body()).isEqualTo(200);
    }

    private String consultationPubliee(String objet, String cpv, int montant) throws Exception {
        String id = creer(objet, cpv, montant);
        publier(id);
        return id;
    }

    private String statut(String id) throws Exception {
        return json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id, JetonsDeTest.acheteur(),
                null).body())
                .get("statut").asString();
    }

    private int telecharger(String id, String jeton) throws Exception {
        return client.telecharger("/api/marche/consultations/" + id + "/documents/1", jeton).statusCode();
    }

    private String numero(HttpResponse<String> reponse) {
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(201);
        return json.readTree(reponse.body()).get("numero").asString();
    }

    private HttpResponse<String> deposerPli(String jeton, String id, String prix) throws Exception {
        return client.multipart(jeton, "/api/marche/consultations/" + id + "/lots/1/plis",
                List.of(Partie.json("offre", "{\"prixHt\":" + prix + "}"), Partie.fichier("pieces", "offre.pdf", PDF)));
    }

    /** The event of that type for that consultation, read from the topic's start. */
    private ConsumerRecord<String, byte[]> evenement(String id, String type) {
        try (var consommateur = new KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", InfrastructureDeTest.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lecteur-courriels-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consommateur.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, byte[]>> trouves = new ArrayList<>();
            await().atMost(ATTENTE).until(() -> {
                for (var record : consommateur.poll(Duration.ofMillis(300))) {
                    if (id.equals(record.key()) && type.equals(entete(record, "ce_type"))) {
                        trouves.add(record);
                    }
                }
                return !trouves.isEmpty();
            });
            return trouves.get(0);
        }
    }

    /** Sends the same record again (same key, headers and body: same event id); returns its new offset. */
    private static long redelivrer(ConsumerRecord<String, byte[]> record) throws Exception {
        try (var producteur = new KafkaProducer<String, byte[]>(Map.of("bootstrap.servers",
                InfrastructureDeTest.kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            return producteur.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(),
                    record.value(), record.headers())).get().offset();
        }
    }

    /** Waits until the group has committed past {@code position} on that partition: the record was processed. */
    private static void attendreConsomme(String groupe, TopicPartition partition, long position) {
        try (var admin = AdminClient.create(Map.of("bootstrap.servers",
                InfrastructureDeTest.kafka().bootstrapServers()))) {
            await().atMost(ATTENTE).until(() -> {
                var offset = admin.listConsumerGroupOffsets(groupe).partitionsToOffsetAndMetadata().get()
                        .get(partition);
                return offset != null && offset.offset() > position;
            });
        }
    }

    private static String entete(ConsumerRecord<String, byte[]> record, String nom) {
        var entete = record.headers().lastHeader(nom);
        return entete == null ? null : new String(entete.value(), StandardCharsets.UTF_8);
    }
}

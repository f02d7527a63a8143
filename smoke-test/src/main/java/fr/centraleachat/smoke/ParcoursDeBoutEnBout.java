package fr.centraleachat.smoke;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import fr.centraleachat.contracts.Evenements;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first end-to-end flow, through the gateway with real tokens: Talant's adhésion requested by its agent,
 * deliberated and activated by the acheteur; a consultation created and published; the catalogue showing both;
 * and the refusals a user must get (401, 403/404, 409, 400 with per-field messages). Stops at the first failure.
 * Safe to run again on the same deployment: an adhésion already in progress is taken forward, not duplicated.
 */
public final class ParcoursDeBoutEnBout {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** What happened: each step passed, and the first failure if any. */
    /**
     * @param donneesOuvertes the open-data documents read during the flow, by name ({@code decp}: the marché's DECP
     *                        file, {@code ocds}: the consultation's OCDS record package), for checks against the
     *                        official schemas
     */
    public record Rapport(List<String> reussies, String echec, Duration visibiliteCatalogue, String consultationId,
            Map<String, String> donneesOuvertes) {

        public boolean reussi() {
            return echec == null;
        }
    }

    record Reponse(int statut, Map<String, List<String>> entetes, String corps, JsonNode json) {

        String entete(String nom) {
            return entetes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(nom))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private final Parametres parametres;
    private final Consumer<String> journal;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> reussies = new ArrayList<>();

    private String jetonAcheteur;
    private String jetonTalant;
    private String jetonDijon;
    private String jetonClient;
    private String jetonEvenements;
    private final Map<String, String> donneesOuvertes = new LinkedHashMap<>();
    private String sirenTalant;
    private String adhesionId;
    private String consultationId;
    private Duration visibilite;
    private String jetonFournisseur;
    private String jetonFournisseur2;
    private String mapaId;
    private ZonedDateTime dlroMapa;
    private String pliMoinsDisant;
    private String pliTechnique;
    private JsonNode marcheNotifie;

    /** Long enough for the plis to be filed before it, short enough for a deployment check. */
    private static final Duration DELAI_MAPA = Duration.ofSeconds(40);
    private static final byte[] PDF = "%PDF-1.4\n% pièce de contrôle de déploiement\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    public ParcoursDeBoutEnBout(Parametres parametres, Consumer<String> journal) {
        this.parametres = parametres;
        this.journal = journal;
    }

    public Rapport executer() {
        try {
            etape("sign in (authorization code + PKCE) as acheteur, agents of Talant and Dijon; client credentials", this::seConnecter);
            etape("no token → 401 problem+json with correlation id", this::refuseSansJeton);
            etape("bad SIREN check digit → 400 with per-field message", this::refuseSirenInvalide);
            etape("agent of Dijon requesting Talant's adhésion → 403", this::refuseAgentAutreMembre);
            etape("agent of Talant requests Talant's adhésion", this::demanderAdhesion);
            etape("agent of Dijon reading Talant's adhésion → 403/404 without data", this::cacheAdhesionAuxAutres);
            etape("acheteur records the deliberation and activates the adhésion", this::delibererEtActiver);
            etape("activating an active adhésion → 409", this::refuseTransitionInterdite);
            etape("agent creating a consultation → 403", this::refuseConsultationParAgent);
            etape("malformed JSON → 400", this::refuseJsonMalforme);
            etape("bad CPV check digit → 400 with per-field message", this::refuseCpvInvalide);
            etape("weights not summing to 100 → 400 with per-field message", this::refusePonderations);
            etape("DLRO shorter than the legal minimum → 400 on publication", this::refuseDlroTropCourte);
            etape("acheteur creates and publishes a consultation (appel d'offres ouvert)", this::publierConsultation);
            etape("catalogue shows the open consultation within " + parametres.delaiVisibilite().toMillis() + " ms",
                    this::visibleAuCatalogue);
            etape("catalogue lists Talant among the active members", this::membreActifAuCatalogue);
            etape("publishing again → 409", this::refuseRepublication);
            etape("another information system reads open consultations (client credentials)", this::clientExterneLit);
            etape("acheteur publishes a MAPA with two lots and a DLRO " + DELAI_MAPA.toSeconds()
                    + " s ahead (the short delay is only a warning)", this::publierMapa);
            etape("two suppliers file sealed plis on lot 1; each receipt carries the file's SHA-256", this::deposerPlis);
            etape("before the opening the acheteur sees counts per lot and no price", this::decompteSansPrix);
            etape("after the DLRO a pli is still received, as late", this::deposerHorsDelai);
            etape("closing, opening of the plis and procès-verbal (files match their receipts, late pli listed)",
                    this::ouvrirLesPlis);
            etape("scoring and award of lot 1 to the best-ranked offer", this::attribuerLot1);
            etape("lot 2 (only a late pli) declared infructueux", this::lot2Infructueux);
            etape("rejection notices (MAPA: no standstill) and notification of the marché; consultation NOTIFIEE",
                    this::notifierMarche);
            if (parametres.kafka() != null) {
                etape("another system reads MarcheNotifie from Kafka (" + parametres.kafka() + ") with the marché's data",
                        this::lireMarcheNotifieSurKafka);
            } else {
                journal.accept("SKIPPED reading MarcheNotifie from Kafka (no broker address given)");
            }
            etape("the consultation's audit journal chain verifies", this::journalIntegre);
            etape("the marché is a contract in the catalogue for Talant (ACTIF), unknown to Dijon", this::contratAuCatalogue);
            etape("Dijon (not a beneficiary) cannot subscribe; Talant subscribes", this::souscrire);
            etape("the acheteur imports the contract's price list (CSV, French spreadsheet style)", this::importerListeDePrix);
            etape("Talant searches « papiers » and finds the contract's ramette, flagged subscribed; Dijon finds nothing",
                    this::rechercher);
            etape("Talant orders at the list's prices within the maximum (80 % reached); Dijon cannot order",
                    this::commander);
            etape("an order over the remaining amount → 409 naming it, nothing consumed", this::refuserAuDelaDuMaximum);
            if (parametres.kafka() != null) {
                etape("another system reads SeuilConsommationAtteint (80 %) from Kafka", this::lireSeuilSurKafka);
            }
            etape("an avenant of 7 000 € (de minimis, over 10 % of the 60 000 € maximum) → 400 with the computation;"
                    + " 5 000 € accepted; the catalogue's maximum follows", this::conclureAvenants);
            etape("the acheteur brings Chenôve's and Quetigny's adhésions to ACTIVE (on their behalf)",
                    this::activerChenoveEtQuetigny);
            etape("the acheteur opens a recensement des besoins for Talant, Chenôve and Quetigny", this::ouvrirRecensement);
            etape("Talant's agent declares 90 000 € of needs; Dijon's agent cannot declare for Talant (403)",
                    this::declarerBesoinsTalant);
            etape("the acheteur records Chenôve's (85 000 €) and Quetigny's (95 000 €) answers, each under the EU"
                    + " threshold", this::enregistrerReponsesPapier);
            etape("closing consolidates 270 000 € for three members; a declaration after closing → 409, unchanged",
                    this::cloturerRecensement);
            etape("marche-service drafts the consultation with the consolidated value; at publication it is an appel"
                    + " d'offres ouvert", this::publierConsultationDuRecensement);
            etape("a groupement de commandes (Dijon coordonnateur, Talant, Chenôve): its consultation is refused"
                    + " publication (409 naming the missing approvals)", this::refuserGroupementNonConstitue);
            etape("approvals by Dijon's and Talant's agents, then Chenôve's recorded by the acheteur: CONSTITUE, the"
                    + " consultation is published", this::constituerGroupementEtPublier);
            etape("a 50 000 € consultation of a family with 200 000 € planned this year is published with a"
                    + " fractionnement warning", this::avertirDuFractionnement);
            etape("anyone reads the marché's DECP (données essentielles, public): the centrale as buyer, the titulaire,"
                    + " the avenant as a modification", this::lireDecp);
            etape("anyone reads the consultation's OCDS record: tender, award, contract and amendment releases under"
                    + " the configured ocid prefix", this::lireOcds);
            if (parametres.courriels() != null) {
                etape("a supplier's alert profile (CPV 301…) gets the mail of a matching publication, with the DCE"
                        + " link, in the mail store; another supplier's profile (CPV 45…) gets nothing",
                        this::recevoirAlerte);
            } else {
                journal.accept("SKIPPED the alert mail (no mail store given)");
            }
            etape("another system without Kafka reads the feed (events:read): the marché's MarcheNotifie is there;"
                    + " a read resumed from a cursor goes on where the previous one stopped", this::lireLeFlux);
            etape("a webhook registered from the journal's start receives MarcheNotifie by POST, its HMAC-SHA256"
                    + " signature checked with the subscription's secret", this::recevoirParWebhook);
        } catch (EchecEtape e) {
            journal.accept("FAILED  " + e.etape + ": " + e.getMessage());
            journal.accept("smoke: " + reussies.size() + " passed, 1 failed");
            return new Rapport(List.copyOf(reussies), e.etape + ": " + e.getMessage(), visibilite, consultationId,
                    Map.copyOf(donneesOuvertes));
        }
        journal.accept("smoke: " + reussies.size() + " passed, 0 failed");
        return new Rapport(List.copyOf(reussies), null, visibilite, consultationId, Map.copyOf(donneesOuvertes));
    }

    private void seConnecter() throws Exception {
        ConnexionOidc connexion = new ConnexionOidc(parametres.serveurAutorisation(), parametres.clientId(),
                parametres.redirectUri());
        jetonAcheteur = connexion.jetonPour(parametres.acheteur().identifiant(), parametres.acheteur().secret());
        jetonTalant = connexion.jetonPour(parametres.agentTalant().identifiant(), parametres.agentTalant().secret());
        jetonDijon = connexion.jetonPour(parametres.agentDijon().identifiant(), parametres.agentDijon().secret());
        jetonClient = ConnexionOidc.jetonClient(parametres.serveurAutorisation(), parametres.clientExterne().identifiant(),
                parametres.clientExterne().secret(), "data:read");
        jetonEvenements = ConnexionOidc.jetonClient(parametres.serveurAutorisation(),
                parametres.clientExterne().identifiant(), parametres.clientExterne().secret(), "events:read");
        JsonNode claimsTalant = ConnexionOidc.claims(jetonTalant);
        verifier(claimsTalant.path("roles").toString().contains("AGENT"), "Talant's token has no AGENT role: " + claimsTalant);
        sirenTalant = claimsTalant.path("membre").asString("");
        verifier(sirenTalant.matches("\\d{9}"), "Talant's token has no membre claim: " + claimsTalant);
        verifier(ConnexionOidc.claims(jetonAcheteur).path("roles").toString().contains("ACHETEUR"),
                "acheteur's token has no ACHETEUR role");
        jetonFournisseur = connexion.jetonPour(parametres.fournisseur().identifiant(), parametres.fournisseur().secret());
        jetonFournisseur2 = connexion.jetonPour(parametres.fournisseur2().identifiant(),
                parametres.fournisseur2().secret());
        verifier(ConnexionOidc.claims(jetonFournisseur).path("siret").asString("").matches("\\d{14}"),
                "the supplier's token has no siret claim");
    }

    // --- passation: a MAPA from publication to notification -----------------------------------------------

    private void publierMapa() throws Exception {
        dlroMapa = ZonedDateTime.now(PARIS).plus(DELAI_MAPA).withNano(0);
        Map<String, Object> corps = consultation("30192000-1", 60, 40, dlroMapa);
        corps.put("objet", "Petites fournitures (contrôle de déploiement, procédure adaptée)");
        corps.put("lots", List.of(Map.of("numero", 1, "intitule", "Papier", "montantEstime", 50000),
                Map.of("numero", 2, "intitule", "Enveloppes", "montantEstime", 40000)));
        Reponse creee = appeler("POST", "/api/marche/consultations", jetonAcheteur, ecrire(corps), null);
        verifierStatut(creee, 201);
        mapaId = creee.json().path("id").asString();
        Reponse publiee = appeler("POST", "/api/marche/consultations/" + mapaId + "/publication", jetonAcheteur, null, null);
        verifierStatut(publiee, 200);
        verifier("MAPA".equals(publiee.json().path("procedure").asString()), "expected a MAPA: " + publiee.corps());
        verifier(publiee.json().path("avertissements").size() > 0, "a DLRO under 15 days should warn: " + publiee.corps());
    }

    private void deposerPlis() throws Exception {
        pliMoinsDisant = deposer(jetonFournisseur, 1, "{\"prixHt\":10000,\"raisonSociale\":\"Papeterie Dijonnaise\"}");
        pliTechnique = deposer(jetonFournisseur2, 1, "{\"prixHt\":11000,\"raisonSociale\":\"Bureau Bourgogne\"}");
    }

    private String deposer(String jeton, int lot, String offre) throws Exception {
        Reponse recu = deposerPli(jeton, lot, offre);
        verifierStatut(recu, 201);
        String attendu = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PDF));
        verifier(attendu.equals(recu.json().path("pieces").path(0).path("sha256").asString()),
                "receipt without the file's SHA-256: " + recu.corps());
        return recu.json().path("numero").asString();
    }

    private void decompteSansPrix() throws Exception {
        Reponse decompte = appeler("GET", "/api/marche/consultations/" + mapaId + "/plis/decompte", jetonAcheteur, null, null);
        verifierStatut(decompte, 200);
        verifier(decompte.json().path(0).path("enVigueur").asInt() == 2, "expected 2 plis on lot 1: " + decompte.corps());
        verifier(!decompte.corps().contains("10000") && !decompte.corps().contains("Papeterie"),
                "the count shows sealed data: " + decompte.corps());
        Reponse analyse = appeler("GET", "/api/marche/consultations/" + mapaId + "/lots/1/analyse", jetonAcheteur, null,
                null);
        verifierStatut(analyse, 409);
    }

    private void deposerHorsDelai() throws Exception {
        long attente = Duration.between(ZonedDateTime.now(PARIS), dlroMapa).toMillis() + 1500;
        if (attente > 0) {
            journal.accept("        waiting " + attente / 1000 + " s for the DLRO");
            Thread.sleep(attente);
        }
        Reponse tardif = deposerPli(jetonFournisseur2, 2, "{\"prixHt\":3000}");
        verifierStatut(tardif, 201);
        verifier(tardif.json().path("horsDelai").asBoolean(), "a pli after the DLRO should be late: " + tardif.corps());
    }

    private void ouvrirLesPlis() throws Exception {
        Reponse cloture = appeler("POST", "/api/marche/consultations/" + mapaId + "/cloture", jetonAcheteur, null, null);
        // Closed here, or already by the periodic closing.
        verifier(cloture.statut() == 200 || cloture.statut() == 409, "closing answered " + cloture.statut());
        Reponse ouverture = appeler("POST", "/api/marche/consultations/" + mapaId + "/ouverture-des-plis", jetonAcheteur,
                null, null);
        verifierStatut(ouverture, 200);
        Reponse pv = appeler("GET", "/api/marche/consultations/" + mapaId + "/proces-verbal-ouverture", jetonAcheteur,
                null, null);
        verifierStatut(pv, 200);
        verifier(pv.json().path("anomalies").asLong(-1) == 0, "files differ from their receipts: " + pv.corps());
        verifier(pv.json().path("lots").path(1).path("plis").path(0).path("horsDelai").asBoolean(),
                "the late pli is not in the procès-verbal: " + pv.corps());
    }

    private void attribuerLot1() throws Exception {
        String lot = "/api/marche/consultations/" + mapaId + "/lots/1";
        for (String pli : List.of(pliMoinsDisant, pliTechnique)) {
            Reponse note = appeler("POST", lot + "/analyse/notes", jetonAcheteur, ecrire(Map.of("numeroPli", pli,
                    "critere", "Valeur technique", "note", pli.equals(pliTechnique) ? 38 : 30,
                    "commentaire", "Mémoire technique examiné.")), null);
            verifierStatut(note, 200);
        }
        Reponse attribution = appeler("POST", lot + "/attribution", jetonAcheteur, "{}", null);
        verifierStatut(attribution, 200);
        // 60 × 10000/11000 + 38 = 92.55 against 60 + 30 = 90.
        verifier(pliTechnique.equals(attribution.json().path("attribution").path("numeroPli").asString()),
                "expected the best-ranked offer to win: " + attribution.corps());
    }

    private void lot2Infructueux() throws Exception {
        Reponse infructueux = appeler("POST", "/api/marche/consultations/" + mapaId + "/lots/2/infructueux", jetonAcheteur,
                "{\"raison\":\"Aucune offre reçue dans le délai.\"}", null);
        verifierStatut(infructueux, 200);
    }

    private void notifierMarche() throws Exception {
        String lot = "/api/marche/consultations/" + mapaId + "/lots/1";
        Reponse rejets = appeler("POST", lot + "/rejets", jetonAcheteur, "{\"electronique\":true}", null);
        verifierStatut(rejets, 200);
        verifier(rejets.json().path("rejets").path("finSuspension").isNull(), "a MAPA has no standstill: " + rejets.corps());
        Reponse notifie = appeler("POST", lot + "/notification", jetonAcheteur, ecrire(Map.of(
                "forme", "ACCORD_CADRE_BONS_DE_COMMANDE", "formePrix", "UNITAIRE", "montantMaximumHt", 60000,
                "dureeMois", 24, "dateDebut", LocalDate.now(PARIS).toString())), null);
        verifierStatut(notifie, 200);
        marcheNotifie = notifie.json().path("marche");
        String numero = marcheNotifie.path("numero").asString("");
        verifier(numero.matches("\\d{4}-\\d{4,6}-L1"), "unexpected marché number: " + notifie.corps());
        journal.accept("        marché " + numero + " notified");
        Reponse consultation = appeler("GET", "/api/marche/consultations/" + mapaId, jetonAcheteur, null, null);
        verifier("NOTIFIEE".equals(consultation.json().path("statut").asString()),
                "expected NOTIFIEE: " + consultation.corps());
    }

    private void lireMarcheNotifieSurKafka() {
        String numero = marcheNotifie.path("numero").asString();
        JsonNode evenement = new LecteurEvenements(parametres.kafka()).chercher(Evenements.MARCHE_NOTIFIE,
                        donnees -> numero.equals(donnees.path("numero").asString()), Duration.ofSeconds(20))
                .orElseThrow(() -> new EchecEtape("no MarcheNotifie for " + numero + " on "
                        + Evenements.MARCHE_NOTIFIE.topic().nom() + " within 20 s"));
        verifier(mapaId.equals(evenement.path("consultationId").asString()), "wrong consultation: " + evenement);
        for (String champ : List.of("titulaireSiret", "forme", "formePrix", "dureeMois", "dateDebut", "dateFin",
                "cpv", "familleAchat", "offresRecues")) {
            verifier(marcheNotifie.path(champ).asString().equals(evenement.path(champ).asString()),
                    "MarcheNotifie." + champ + " is " + evenement.path(champ) + ", the marché says "
                            + marcheNotifie.path(champ));
        }
        verifier(evenement.path("montantMaximumHt").decimalValue().compareTo(java.math.BigDecimal.valueOf(60000)) == 0,
                "MarcheNotifie.montantMaximumHt: " + evenement.path("montantMaximumHt"));
        verifier(evenement.path("beneficiaires").toString().contains(sirenTalant),
                "Talant is not among the beneficiaries: " + evenement.path("beneficiaires"));
        journal.accept("        MarcheNotifie " + numero + ": titulaire " + evenement.path("titulaireSiret").asString()
                + ", maximum " + evenement.path("montantMaximumHt").asString() + " € HT");
    }

    private void contratAuCatalogue() throws Exception {
        String numero = marcheNotifie.path("numero").asString();
        Reponse contrat = null;
        for (int essai = 0; essai < 100; essai++) {
            contrat = appeler("GET", "/api/catalogue/contrats/" + numero, jetonTalant, null, null);
            if (contrat.statut() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        verifierStatut(contrat, 200);
        verifier("ACTIF".equals(contrat.json().path("statut").asString()), "expected ACTIF: " + contrat.corps());
        verifier(contrat.json().path("consommation").path("restantHt").decimalValue()
                .compareTo(java.math.BigDecimal.valueOf(60000)) == 0, "expected 60 000 remaining: " + contrat.corps());
        verifierStatut(appeler("GET", "/api/catalogue/contrats/" + numero, jetonDijon, null, null), 404);
    }

    private void souscrire() throws Exception {
        String chemin = "/api/catalogue/contrats/" + marcheNotifie.path("numero").asString() + "/souscription";
        Reponse dijon = appeler("POST", chemin, jetonDijon, null, null);
        verifierStatut(dijon, 403);
        verifier(dijon.corps().contains("bénéficiaire"), "Dijon's refusal does not say why: " + dijon.corps());
        Reponse talant = appeler("POST", chemin, jetonTalant, null, null);
        verifierStatut(talant, 201);
        verifier("ACTIVE".equals(talant.json().path("statut").asString()), "expected ACTIVE: " + talant.corps());
    }

    private void importerListeDePrix() throws Exception {
        String csv = "\uFEFFréférence;désignation;unité;conditionnement;prix unitaire HT;taux de TVA;CPV\r\n"
                + "PAP-A4;Ramette papier A4 80 g;ramette;carton de 5;4,80;20;30197630-1\r\n"
                + "STY-BL;Stylo bille bleu;pièce;;0,35;20;\r\n";
        String frontiere = "smoke" + UUID.randomUUID();
        String corps = "--" + frontiere + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"prix.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + frontiere
                + "\r\nContent-Disposition: form-data; name=\"dateEffet\"\r\n\r\n" + LocalDate.now(PARIS) + "\r\n--"
                + frontiere + "--\r\n";
        Reponse version = envoyerMultipart("/api/catalogue/contrats/" + marcheNotifie.path("numero").asString()
                + "/tarifs/versions", jetonAcheteur, frontiere, corps.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        verifierStatut(version, 201);
    }

    private void rechercher() throws Exception {
        String numero = marcheNotifie.path("numero").asString();
        String chemin = "/api/catalogue/recherche?q=papiers&contrat=" + numero;
        Reponse trouve = null;
        // The index follows a new price list within moments: wait for it, up to 10 s.
        for (int essai = 0; essai < 100; essai++) {
            trouve = appeler("GET", chemin, jetonTalant, null, null);
            if (trouve.statut() == 200 && trouve.json().path("total").asLong() > 0) {
                break;
            }
            Thread.sleep(100);
        }
        verifierStatut(trouve, 200);
        JsonNode premier = trouve.json().path("elements").path(0);
        verifier("PAP-A4".equals(premier.path("reference").asString()), "expected the ramette PAP-A4: " + trouve.corps());
        verifier(premier.path("contrat").path("souscrit").asBoolean(), "the item is not flagged subscribed: "
                + trouve.corps());
        Reponse dijon = appeler("GET", chemin, jetonDijon, null, null);
        verifierStatut(dijon, 200);
        verifier(dijon.json().path("total").asLong() == 0, "Dijon sees another body's contract: " + dijon.corps());
    }

    private void commander() throws Exception {
        String numero = marcheNotifie.path("numero").asString();
        String commande = ecrire(Map.of("lignes", List.of(Map.of("reference", "PAP-A4", "quantite", 10000)),
                "adresseLivraison", "Mairie de Talant, place du Mail"));
        verifierStatut(appeler("POST", "/api/catalogue/contrats/" + numero + "/bons-de-commande", jetonDijon, commande,
                null), 403);
        Reponse brouillon = appeler("POST", "/api/catalogue/contrats/" + numero + "/bons-de-commande", jetonTalant,
                commande, null);
        verifierStatut(brouillon, 201);
        verifier(brouillon.json().path("montantHt").decimalValue().compareTo(new java.math.BigDecimal("48000")) == 0,
                "expected 48 000 € HT (10 000 × 4.80): " + brouillon.corps());
        Reponse emis = appeler("POST", "/api/catalogue/bons-de-commande/" + brouillon.json().path("numero").asString()
                + "/emission", jetonTalant, null, null);
        verifierStatut(emis, 200);
        verifier("EMIS".equals(emis.json().path("statut").asString()), "expected EMIS: " + emis.corps());
        journal.accept("        order " + emis.json().path("numero").asString() + ": 48 000 € HT issued");
    }

    private void refuserAuDelaDuMaximum() throws Exception {
        String numero = marcheNotifie.path("numero").asString();
        Reponse brouillon = appeler("POST", "/api/catalogue/contrats/" + numero + "/bons-de-commande", jetonTalant,
                ecrire(Map.of("lignes", List.of(Map.of("reference", "PAP-A4", "quantite", 2600)),
                        "adresseLivraison", "Mairie de Talant")), null);
        verifierStatut(brouillon, 201);
        Reponse refuse = appeler("POST", "/api/catalogue/bons-de-commande/" + brouillon.json().path("numero").asString()
                + "/emission", jetonTalant, null, null);
        verifierStatut(refuse, 409);
        verifier(refuse.corps().contains("12000.00"), "the refusal does not name the remaining amount: " + refuse.corps());
        Reponse contrat = appeler("GET", "/api/catalogue/contrats/" + numero, jetonAcheteur, null, null);
        verifier(contrat.json().path("consommation").path("consommeHt").decimalValue()
                .compareTo(new java.math.BigDecimal("48000")) == 0, "consumption changed: " + contrat.corps());
    }

    private void lireSeuilSurKafka() {
        String numero = marcheNotifie.path("numero").asString();
        JsonNode seuil = new LecteurEvenements(parametres.kafka()).chercher(Evenements.SEUIL_CONSOMMATION_ATTEINT,
                        donnees -> numero.equals(donnees.path("numeroContrat").asString()), Duration.ofSeconds(20))
                .orElseThrow(() -> new EchecEtape("no SeuilConsommationAtteint for " + numero + " within 20 s"));
        verifier(seuil.path("seuilPourcent").asInt() == 80, "expected the 80 % threshold: " + seuil);
    }

    private Reponse envoyerMultipart(String chemin, String jeton, String frontiere, byte[] corps) throws Exception {
        HttpResponse<String> reponse = http.send(HttpRequest.newBuilder(parametres.passerelle().resolve(chemin))
                        .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + jeton)
                        .header("Content-Type", "multipart/form-data; boundary=" + frontiere)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(corps)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode noeud = reponse.body().isBlank() ? null : json.readTree(reponse.body());
        return new Reponse(reponse.statusCode(), reponse.headers().map(), reponse.body(), noeud);
    }

    private void journalIntegre() throws Exception {
        Reponse verification = appeler("GET", "/api/marche/consultations/" + mapaId + "/journal/verification",
                jetonAcheteur, null, null);
        verifierStatut(verification, 200);
        verifier(verification.json().path("intact").asBoolean(), "the journal chain is broken: " + verification.corps());
        verifier(verification.json().path("entrees").asInt() >= 10, "too few journal entries: " + verification.corps());
    }

    private Reponse deposerPli(String jeton, int lot, String offre) throws Exception {
        String frontiere = "smoke" + UUID.randomUUID();
        java.io.ByteArrayOutputStream corps = new java.io.ByteArrayOutputStream();
        corps.writeBytes(("--" + frontiere + "\r\nContent-Disposition: form-data; name=\"offre\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + offre + "\r\n--" + frontiere
                + "\r\nContent-Disposition: form-data; name=\"pieces\"; filename=\"offre.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        corps.writeBytes(PDF);
        corps.writeBytes(("\r\n--" + frontiere + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return envoyerMultipart("/api/marche/consultations/" + mapaId + "/lots/" + lot + "/plis", jeton, frontiere,
                corps.toByteArray());
    }

    private void refuseSansJeton() throws Exception {
        Reponse reponse = appeler("GET", "/api/adhesion/adhesions", null, null, "smoke-sans-jeton");
        verifierProbleme(reponse, 401);
        verifier("smoke-sans-jeton".equals(reponse.entete("X-Correlation-Id")),
                "correlation id not echoed: " + reponse.entete("X-Correlation-Id"));
    }

    private void refuseSirenInvalide() throws Exception {
        String sirenFaux = sirenTalant.substring(0, 8) + ((sirenTalant.charAt(8) - '0' + 1) % 10);
        Reponse reponse = appeler("POST", "/api/adhesion/adhesions", jetonTalant,
                demandeAdhesion(sirenFaux), null);
        verifierProbleme(reponse, 400);
        verifierChampEnErreur(reponse, "siren");
    }

    private void refuseAgentAutreMembre() throws Exception {
        verifierProbleme(appeler("POST", "/api/adhesion/adhesions", jetonDijon, demandeAdhesion(sirenTalant), null), 403);
    }

    private void demanderAdhesion() throws Exception {
        Reponse existantes = appeler("GET", "/api/adhesion/adhesions", jetonTalant, null, null);
        verifierStatut(existantes, 200);
        // Lists are paged: the elements sit under "elements".
        JsonNode liste = existantes.json().has("elements") ? existantes.json().path("elements") : existantes.json();
        for (JsonNode adhesion : liste) {
            if (!"RESILIEE".equals(adhesion.path("statut").asString())) {
                adhesionId = adhesion.path("id").asString();
                journal.accept("        adhésion " + adhesionId + " already " + adhesion.path("statut").asString()
                        + ", taking it forward");
                return;
            }
        }
        Reponse creee = appeler("POST", "/api/adhesion/adhesions", jetonTalant, demandeAdhesion(sirenTalant), null);
        verifierStatut(creee, 201);
        verifier("DEMANDEE".equals(creee.json().path("statut").asString()), "expected DEMANDEE: " + creee.corps());
        adhesionId = creee.json().path("id").asString();
    }

    private void cacheAdhesionAuxAutres() throws Exception {
        Reponse reponse = appeler("GET", "/api/adhesion/adhesions/" + adhesionId, jetonDijon, null, null);
        verifier(reponse.statut() == 403 || reponse.statut() == 404, "expected 403 or 404, got " + reponse.statut());
        verifierProbleme(reponse, reponse.statut());
        verifier(!reponse.corps().contains(sirenTalant), "the refusal leaks Talant's data: " + reponse.corps());
    }

    private void delibererEtActiver() throws Exception {
        String statut = lireAdhesion().path("statut").asString();
        if ("DEMANDEE".equals(statut)) {
            Reponse transitionPrematuree = appeler("POST", "/api/adhesion/adhesions/" + adhesionId + "/activation",
                    jetonAcheteur, activation(), null);
            verifierProbleme(transitionPrematuree, 409);
            Reponse deliberation = appeler("POST", "/api/adhesion/adhesions/" + adhesionId + "/deliberation", jetonAcheteur,
                    ecrire(Map.of("numero", "SMOKE-" + LocalDate.now(PARIS), "date", LocalDate.now(PARIS).minusDays(7).toString())),
                    null);
            verifierStatut(deliberation, 200);
            statut = deliberation.json().path("statut").asString();
        }
        if ("DELIBEREE".equals(statut)) {
            Reponse activee = appeler("POST", "/api/adhesion/adhesions/" + adhesionId + "/activation", jetonAcheteur,
                    activation(), null);
            verifierStatut(activee, 200);
            statut = activee.json().path("statut").asString();
        }
        if ("SUSPENDUE".equals(statut)) {
            Reponse reprise = appeler("POST", "/api/adhesion/adhesions/" + adhesionId + "/reprise", jetonAcheteur, null, null);
            verifierStatut(reprise, 200);
            statut = reprise.json().path("statut").asString();
        }
        verifier("ACTIVE".equals(statut), "adhésion should be ACTIVE, is " + statut);
    }

    private void refuseTransitionInterdite() throws Exception {
        verifierProbleme(appeler("POST", "/api/adhesion/adhesions/" + adhesionId + "/activation", jetonAcheteur,
                activation(), null), 409);
    }

    private void refuseConsultationParAgent() throws Exception {
        verifierProbleme(appeler("POST", "/api/marche/consultations", jetonTalant,
                ecrire(consultation("30192000-1", 60, 40, dlroLegale())), null), 403);
    }

    private void refuseJsonMalforme() throws Exception {
        verifierProbleme(appeler("POST", "/api/marche/consultations", jetonAcheteur, "{\"objet\": \"Fournitures\",", null), 400);
    }

    private void refuseCpvInvalide() throws Exception {
        Reponse reponse = appeler("POST", "/api/marche/consultations", jetonAcheteur,
                ecrire(consultation("30192000-2", 60, 40, dlroLegale())), null);
        verifierProbleme(reponse, 400);
        verifierChampEnErreur(reponse, "cpv");
    }

    private void refusePonderations() throws Exception {
        Reponse reponse = appeler("POST", "/api/marche/consultations", jetonAcheteur,
                ecrire(consultation("30192000-1", 60, 30, dlroLegale())), null);
        verifierProbleme(reponse, 400);
        verifierChampEnErreur(reponse, "criteres");
    }

    private void refuseDlroTropCourte() throws Exception {
        ZonedDateTime dlroCourte = LocalDate.now(PARIS).plusDays(10).atTime(LocalTime.NOON).atZone(PARIS);
        Reponse creee = appeler("POST", "/api/marche/consultations", jetonAcheteur,
                ecrire(consultation("30192000-1", 60, 40, dlroCourte)), null);
        verifierStatut(creee, 201);
        String id = creee.json().path("id").asString();
        Reponse publication = appeler("POST", "/api/marche/consultations/" + id + "/publication", jetonAcheteur, null, null);
        verifierProbleme(publication, 400);
        verifierChampEnErreur(publication, "dlro");
        verifierStatut(appeler("POST", "/api/marche/consultations/" + id + "/sans-suite", jetonAcheteur,
                ecrire(Map.of("raison", "Consultation de contrôle (smoke test)")), null), 200);
    }

    private void publierConsultation() throws Exception {
        Reponse creee = appeler("POST", "/api/marche/consultations", jetonAcheteur,
                ecrire(consultation("30192000-1", 60, 40, dlroLegale())), null);
        verifierStatut(creee, 201);
        verifier("BROUILLON".equals(creee.json().path("statut").asString()), "expected BROUILLON: " + creee.corps());
        consultationId = creee.json().path("id").asString();
        String correlation = "smoke-" + UUID.randomUUID();
        Reponse publiee = appeler("POST", "/api/marche/consultations/" + consultationId + "/publication", jetonAcheteur,
                null, correlation);
        verifierStatut(publiee, 200);
        long publieeA = System.nanoTime();
        verifier("PUBLIEE".equals(publiee.json().path("statut").asString()), "expected PUBLIEE: " + publiee.corps());
        verifier("APPEL_OFFRES_OUVERT".equals(publiee.json().path("procedure").asString()),
                "250 000 € HT of supplies should need an appel d'offres ouvert: " + publiee.corps());
        verifier(correlation.equals(publiee.entete("X-Correlation-Id")), "correlation id not echoed");
        attendreAuCatalogue(publieeA);
    }

    private void attendreAuCatalogue(long publieeA) throws Exception {
        long limite = publieeA + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < limite) {
            Reponse reponse = appeler("GET", "/api/catalogue/consultations-ouvertes/" + consultationId, jetonTalant, null, null);
            if (reponse.statut() == 200) {
                visibilite = Duration.ofNanos(System.nanoTime() - publieeA);
                return;
            }
            verifier(reponse.statut() == 404, "catalogue answered " + reponse.statut() + ": " + reponse.corps());
            Thread.sleep(25);
        }
        visibilite = null;
    }

    private void visibleAuCatalogue() {
        verifier(visibilite != null, "the consultation never appeared in the catalogue (waited 15 s)");
        journal.accept("        visible after " + visibilite.toMillis() + " ms");
        verifier(visibilite.compareTo(parametres.delaiVisibilite()) <= 0,
                "visible after " + visibilite.toMillis() + " ms, more than " + parametres.delaiVisibilite().toMillis() + " ms");
    }

    private void membreActifAuCatalogue() throws Exception {
        long limite = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Reponse reponse;
        do {
            reponse = appeler("GET", "/api/catalogue/membres-actifs?taille=200", jetonAcheteur, null, null);
            verifierStatut(reponse, 200);
            if (reponse.corps().contains("\"" + sirenTalant + "\"")) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < limite);
        throw new EchecEtape("Talant (" + sirenTalant + ") not listed: " + reponse.corps());
    }

    private void refuseRepublication() throws Exception {
        verifierProbleme(appeler("POST", "/api/marche/consultations/" + consultationId + "/publication", jetonAcheteur,
                null, null), 409);
    }

    private void clientExterneLit() throws Exception {
        Reponse reponse = appeler("GET", "/api/catalogue/consultations-ouvertes?taille=200", jetonClient, null, null);
        verifierStatut(reponse, 200);
        verifier(reponse.corps().contains(consultationId), "the published consultation is missing: " + reponse.corps());
    }

    // --- requests -------------------------------------------------------------------------------------------

    private String demandeAdhesion(String siren) {
        return ecrire(Map.of("siren", siren, "famillesAchat", List.of("INFORMATIQUE_TELECOMS", "FOURNITURES_ADMINISTRATIVES"),
                "missions", "PASSATION_ET_EXECUTION"));
    }

    private String activation() {
        LocalDate aujourdhui = LocalDate.now(PARIS);
        return ecrire(Map.of("dateSignatureConvention", aujourdhui.toString(), "dateEffet", aujourdhui.toString()));
    }

    private ZonedDateTime dlroLegale() throws Exception {
        Reponse reponse = appeler("GET", "/api/marche/reglementation/premiere-dlro?procedure=APPEL_OFFRES_OUVERT&delaiReduit=NONE&publication="
                + java.time.Instant.now().plus(Duration.ofMinutes(5)), jetonAcheteur, null, null);
        verifierStatut(reponse, 200);
        return LocalDate.parse(reponse.json().path("premiereDlro").asString()).atTime(LocalTime.NOON).atZone(PARIS);
    }

    private Map<String, Object> consultation(String cpv, int poidsPrix, int poidsTechnique, ZonedDateTime dlro) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("objet", "Fournitures de bureau et consommables informatiques (contrôle de déploiement)");
        corps.put("nature", "FOURNITURES");
        corps.put("cpvPrincipal", cpv);
        corps.put("familleAchat", "FOURNITURES_ADMINISTRATIVES");
        corps.put("lots", List.of(
                Map.of("numero", 1, "intitule", "Papier et enveloppes", "montantEstime", 150000),
                Map.of("numero", 2, "intitule", "Consommables informatiques", "montantEstime", 100000)));
        corps.put("criteres", List.of(
                Map.of("libelle", "Prix", "ponderation", poidsPrix, "type", "PRIX"),
                Map.of("libelle", "Valeur technique", "ponderation", poidsTechnique, "type", "TECHNIQUE")));
        corps.put("dlro", dlro.toOffsetDateTime().toString());
        corps.put("beneficiaires", List.of(sirenTalant));
        corps.put("delaiReduit", "NONE");
        return corps;
    }

    private JsonNode lireAdhesion() throws Exception {
        Reponse reponse = appeler("GET", "/api/adhesion/adhesions/" + adhesionId, jetonAcheteur, null, null);
        verifierStatut(reponse, 200);
        return reponse.json();
    }

    private void conclureAvenants() throws Exception {
        String chemin = "/api/marche/consultations/" + mapaId + "/lots/1/avenants";
        String aujourdhui = LocalDate.now(PARIS).toString();
        Reponse refuse = appeler("POST", chemin, jetonAcheteur, ecrire(Map.of("baseLegale", "DE_MINIMIS",
                "montantHt", 7000, "justification", "Ajout de références (contrôle de déploiement).", "date",
                aujourdhui)), null);
        verifierProbleme(refuse, 400);
        verifier(refuse.corps().contains("R2194-8") && refuse.corps().contains("11.67 %"),
                "the refusal should show the computation: " + refuse.corps());
        Reponse conclu = appeler("POST", chemin, jetonAcheteur, ecrire(Map.of("baseLegale", "DE_MINIMIS",
                "montantHt", 5000, "justification", "Ajout de références (contrôle de déploiement).", "date",
                aujourdhui)), null);
        verifierStatut(conclu, 201);
        verifier(conclu.json().path("marche").path("montantActuelHt").decimalValue()
                .compareTo(new java.math.BigDecimal("65000")) == 0, "maximum should be 65 000: " + conclu.corps());
        String numero = marcheNotifie.path("numero").asString();
        long limite = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Reponse contrat = appeler("GET", "/api/catalogue/contrats/" + numero, jetonAcheteur, null, null);
            verifierStatut(contrat, 200);
            if (contrat.json().path("consommation").path("maximumHt").decimalValue()
                    .compareTo(new java.math.BigDecimal("65000")) == 0) {
                return;
            }
            verifier(System.nanoTime() < limite, "the catalogue's maximum did not follow the avenant: " + contrat.corps());
            Thread.sleep(200);
        }
    }

    // --- mutualisation: recensement, groupement, annual plan ----------------------------------------------------

    private static final String CHENOVE = "212101661";
    private static final String QUETIGNY = "212105159";
    private String sirenDijon;
    private String recensementId;
    private String groupementId;
    private String consultationGroupementId;

    private void activerChenoveEtQuetigny() throws Exception {
        for (String siren : List.of(CHENOVE, QUETIGNY)) {
            Reponse existantes = appeler("GET", "/api/adhesion/adhesions?siren=" + siren, jetonAcheteur, null, null);
            verifierStatut(existantes, 200);
            String id = null;
            String statut = null;
            for (JsonNode adhesion : existantes.json().path("elements")) {
                if (!"RESILIEE".equals(adhesion.path("statut").asString())) {
                    id = adhesion.path("id").asString();
                    statut = adhesion.path("statut").asString();
                }
            }
            if (id == null) {
                Reponse creee = appeler("POST", "/api/adhesion/adhesions", jetonAcheteur, demandeAdhesion(siren), null);
                verifierStatut(creee, 201);
                id = creee.json().path("id").asString();
                statut = "DEMANDEE";
            }
            if ("DEMANDEE".equals(statut)) {
                Reponse deliberation = appeler("POST", "/api/adhesion/adhesions/" + id + "/deliberation", jetonAcheteur,
                        ecrire(Map.of("numero", "SMOKE-" + siren, "date", LocalDate.now(PARIS).minusDays(7).toString())),
                        null);
                verifierStatut(deliberation, 200);
                statut = deliberation.json().path("statut").asString();
            }
            if ("DELIBEREE".equals(statut)) {
                Reponse activee = appeler("POST", "/api/adhesion/adhesions/" + id + "/activation", jetonAcheteur,
                        activation(), null);
                verifierStatut(activee, 200);
                statut = activee.json().path("statut").asString();
            }
            if ("SUSPENDUE".equals(statut)) {
                Reponse reprise = appeler("POST", "/api/adhesion/adhesions/" + id + "/reprise", jetonAcheteur, null, null);
                verifierStatut(reprise, 200);
                statut = reprise.json().path("statut").asString();
            }
            verifier("ACTIVE".equals(statut), siren + ": adhésion should be ACTIVE, is " + statut);
        }
    }

    private void ouvrirRecensement() throws Exception {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("objet", "Papier des écoles 2027 (contrôle de déploiement)");
        corps.put("familleAchat", "FOURNITURES_ADMINISTRATIVES");
        corps.put("nature", "FOURNITURES");
        corps.put("cpvPrincipal", "30197630-1");
        corps.put("lots", List.of(Map.of("description", "Ramettes A4 80 g", "unite", "ramette")));
        corps.put("membresInvites", List.of(sirenTalant, CHENOVE, QUETIGNY));
        corps.put("dateCloture", java.time.Instant.now().plus(Duration.ofDays(7)).toString());
        Reponse ouvert = appeler("POST", "/api/adhesion/recensements", jetonAcheteur, ecrire(corps), null);
        verifierStatut(ouvert, 201);
        verifier("OUVERT".equals(ouvert.json().path("statut").asString()), "expected OUVERT: " + ouvert.corps());
        recensementId = ouvert.json().path("id").asString();
    }

    private static String declaration(String quantite, String montant) {
        return "{\"lots\":[{\"lot\":1,\"pasDeBesoin\":false,\"quantite\":" + quantite + ",\"montantEstime\":" + montant
                + ",\"sitesLivraison\":[\"Groupe scolaire\"]}]}";
    }

    private void declarerBesoinsTalant() throws Exception {
        String chemin = "/api/adhesion/recensements/" + recensementId + "/declarations/" + sirenTalant;
        verifierProbleme(appeler("PUT", chemin, jetonDijon, declaration("100", "1000"), null), 403);
        Reponse declaree = appeler("PUT", chemin, jetonTalant, declaration("20000", "90000"), null);
        verifierStatut(declaree, 200);
        Reponse relue = appeler("GET", chemin, jetonTalant, null, null);
        verifierStatut(relue, 200);
        verifier(relue.corps().contains("90000"), "Talant's declaration not read back: " + relue.corps());
    }

    private void enregistrerReponsesPapier() throws Exception {
        verifierStatut(appeler("PUT", "/api/adhesion/recensements/" + recensementId + "/declarations/" + CHENOVE,
                jetonAcheteur, declaration("18000", "85000"), null), 200);
        verifierStatut(appeler("PUT", "/api/adhesion/recensements/" + recensementId + "/declarations/" + QUETIGNY,
                jetonAcheteur, declaration("21000", "95000"), null), 200);
        Reponse suivi = appeler("GET", "/api/adhesion/recensements/" + recensementId, jetonAcheteur, null, null);
        verifierStatut(suivi, 200);
        for (JsonNode membre : suivi.json().path("suivi")) {
            verifier(membre.path("repondu").asBoolean(), "every member has answered: " + suivi.corps());
        }
    }

    private void cloturerRecensement() throws Exception {
        Reponse clos = appeler("POST", "/api/adhesion/recensements/" + recensementId + "/cloture", jetonAcheteur, null,
                null);
        verifierStatut(clos, 200);
        Reponse lu = appeler("GET", "/api/adhesion/recensements/" + recensementId, jetonAcheteur, null, null);
        verifierStatut(lu, 200);
        verifier("CLOS".equals(lu.json().path("statut").asString()), "expected CLOS: " + lu.corps());
        JsonNode lot = lu.json().path("consolidation").path("lots").path(0);
        verifier(lot.path("montantEstimeTotal").decimalValue().compareTo(new java.math.BigDecimal("270000")) == 0,
                "consolidated amount should be 270 000: " + lu.corps());
        verifier(lu.json().path("consolidation").path("membresAyantDeclare").size() == 3,
                "three members declared: " + lu.corps());
        String chemin = "/api/adhesion/recensements/" + recensementId + "/declarations/" + sirenTalant;
        verifierProbleme(appeler("PUT", chemin, jetonTalant, declaration("1", "1"), null), 409);
        verifier(appeler("GET", chemin, jetonTalant, null, null).corps().contains("90000"),
                "the refused declaration changed Talant's answer");
    }

    private void publierConsultationDuRecensement() throws Exception {
        String id = UUID.nameUUIDFromBytes(("recensement:" + recensementId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        Reponse brouillon = attendre200("/api/marche/consultations/" + id, jetonAcheteur, Duration.ofSeconds(20));
        verifier("BROUILLON".equals(brouillon.json().path("statut").asString()), "expected BROUILLON: " + brouillon.corps());
        verifier(brouillon.json().path("valeurEstimeeTotale").decimalValue()
                .compareTo(new java.math.BigDecimal("270000")) == 0, "draft value should be 270 000: " + brouillon.corps());
        verifier(brouillon.json().path("beneficiaires").size() == 3, "three beneficiaries: " + brouillon.corps());
        Reponse publiee = appeler("POST", "/api/marche/consultations/" + id + "/publication", jetonAcheteur, null, null);
        verifierStatut(publiee, 200);
        verifier("APPEL_OFFRES_OUVERT".equals(publiee.json().path("procedure").asString()),
                "270 000 € HT of supplies should need an appel d'offres ouvert: " + publiee.corps());
    }

    private void refuserGroupementNonConstitue() throws Exception {
        sirenDijon = ConnexionOidc.claims(jetonDijon).path("membre").asString();
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("objet", "Balayage des voiries (contrôle de déploiement)");
        corps.put("coordonnateur", sirenDijon);
        corps.put("missions", "PASSATION_ET_EXECUTION");
        corps.put("commissionAppelOffres", "CAO du coordonnateur");
        corps.put("repartitionFrais", "Au prorata des montants commandés par chaque membre");
        corps.put("membres", List.of(sirenDijon, sirenTalant, CHENOVE));
        Reponse cree = appeler("POST", "/api/adhesion/groupements", jetonAcheteur, ecrire(corps), null);
        verifierStatut(cree, 201);
        groupementId = cree.json().path("id").asString();
        Map<String, Object> consultation = consultation("30192000-1", 60, 40, dlroLegale());
        consultation.put("objet", "Balayage des voiries (groupement, contrôle de déploiement)");
        consultation.put("beneficiaires", List.of(sirenDijon, sirenTalant, CHENOVE));
        consultation.put("groupementId", groupementId);
        // marche-service learns the groupement from its event: a few hundred milliseconds.
        long limite = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Reponse creee;
        do {
            creee = appeler("POST", "/api/marche/consultations", jetonAcheteur, ecrire(consultation), null);
            if (creee.statut() != 400 || System.nanoTime() > limite) {
                break;
            }
            Thread.sleep(200);
        } while (true);
        verifierStatut(creee, 201);
        consultationGroupementId = creee.json().path("id").asString();
        Reponse refusee = appeler("POST", "/api/marche/consultations/" + consultationGroupementId + "/publication",
                jetonAcheteur, null, null);
        verifierProbleme(refusee, 409);
        verifier(refusee.corps().contains(sirenTalant) && refusee.corps().contains(CHENOVE),
                "the refusal should name Talant and Chenôve: " + refusee.corps());
    }

    private void constituerGroupementEtPublier() throws Exception {
        String chemin = "/api/adhesion/groupements/" + groupementId + "/approbations";
        String date = LocalDate.now(PARIS).minusDays(3).toString();
        verifierStatut(appeler("POST", chemin, jetonDijon, ecrire(Map.of("siren", sirenDijon,
                "numeroDeliberation", "DIJON-SMOKE-1", "dateDeliberation", date)), null), 200);
        verifierStatut(appeler("POST", chemin, jetonTalant, ecrire(Map.of("siren", sirenTalant,
                "numeroDeliberation", "TALANT-SMOKE-1", "dateDeliberation", date)), null), 200);
        Reponse derniere = appeler("POST", chemin, jetonAcheteur, ecrire(Map.of("siren", CHENOVE,
                "numeroDeliberation", "CHENOVE-SMOKE-1", "dateDeliberation", date)), null);
        verifierStatut(derniere, 200);
        verifier("CONSTITUE".equals(derniere.json().path("statut").asString()), "expected CONSTITUE: " + derniere.corps());
        long limite = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Reponse publiee;
        do {
            publiee = appeler("POST", "/api/marche/consultations/" + consultationGroupementId + "/publication",
                    jetonAcheteur, null, null);
            if (publiee.statut() != 409 || System.nanoTime() > limite) {
                break;
            }
            Thread.sleep(200);
        } while (true);
        verifierStatut(publiee, 200);
        verifier(sirenDijon.equals(publiee.json().path("groupement").path("coordonnateur").asString()),
                "the coordonnateur is the buyer: " + publiee.corps());
    }

    private void avertirDuFractionnement() throws Exception {
        int annee = LocalDate.now(PARIS).getYear();
        Reponse prevue = appeler("POST", "/api/marche/plans/" + annee + "/procedures", jetonAcheteur, ecrire(Map.of(
                "objet", "Éclairage public : lanternes LED (contrôle de déploiement)", "familleAchat", "ECLAIRAGE_PUBLIC",
                "nature", "FOURNITURES", "valeurEstimee", 200000, "trimestre", 4)), null);
        verifierStatut(prevue, 201);
        Map<String, Object> consultation = consultation("30192000-1", 60, 40, dlroLegale());
        consultation.put("objet", "Éclairage public : mâts (contrôle de déploiement)");
        consultation.put("familleAchat", "ECLAIRAGE_PUBLIC");
        consultation.put("lots", List.of(Map.of("numero", 1, "intitule", "Mâts", "montantEstime", 50000)));
        Reponse creee = appeler("POST", "/api/marche/consultations", jetonAcheteur, ecrire(consultation), null);
        verifierStatut(creee, 201);
        String id = creee.json().path("id").asString();
        Reponse controle = appeler("GET", "/api/marche/consultations/" + id + "/fractionnement", jetonAcheteur, null,
                null);
        verifierStatut(controle, 200);
        verifier(controle.json().path("risque").asBoolean(), "a fractionnement risk is expected: " + controle.corps());
        Reponse publiee = appeler("POST", "/api/marche/consultations/" + id + "/publication", jetonAcheteur, null, null);
        verifierStatut(publiee, 200);
        verifier(publiee.json().path("avertissements").toString().contains("Risque de fractionnement"),
                "publication should warn of fractionnement: " + publiee.corps());
    }

    private Reponse attendre200(String chemin, String jeton, Duration delai) throws Exception {
        long limite = System.nanoTime() + delai.toNanos();
        Reponse reponse;
        do {
            reponse = appeler("GET", chemin, jeton, null, null);
            if (reponse.statut() == 200 || System.nanoTime() > limite) {
                break;
            }
            Thread.sleep(200);
        } while (true);
        verifierStatut(reponse, 200);
        return reponse;
    }

    private Reponse appeler(String methode, String chemin, String jeton, String corps, String correlation) throws Exception {
        HttpRequest.Builder requete = HttpRequest.newBuilder(parametres.passerelle().resolve(chemin))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json, application/problem+json");
        if (jeton != null) {
            requete.header("Authorization", "Bearer " + jeton);
        }
        if (correlation != null) {
            requete.header("X-Correlation-Id", correlation);
        }
        if (corps != null) {
            requete.header("Content-Type", "application/json").method(methode, HttpRequest.BodyPublishers.ofString(corps));
        } else {
            requete.method(methode, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> reponse = http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode noeud = null;
        if (reponse.body() != null && !reponse.body().isBlank()) {
            try {
                noeud = json.readTree(reponse.body());
            } catch (RuntimeException e) {
                noeud = null;
            }
        }
        verifier(reponse.headers().firstValue("X-Correlation-Id").isPresent(),
                methode + " " + chemin + ": response without X-Correlation-Id");
        return new Reponse(reponse.statusCode(), reponse.headers().map(), reponse.body(), noeud);
    }

    // --- open data -----------------------------------------------------------------------------------------

    private void lireDecp() throws Exception {
        String numero = marcheNotifie.path("numero").asString();
        Reponse decp = appeler("GET", "/api/marche/consultations/" + mapaId + "/lots/1/donnees-essentielles", null,
                null, null);
        verifierStatut(decp, 200);
        JsonNode marche = decp.json().path("marches").path("marche").path(0);
        verifier(numero.equals(marche.path("id").asString()), "DECP id is not the marché's number: " + decp.corps());
        verifier(marche.path("acheteur").path("id").asString().matches("\\d{14}"), "no buyer SIRET: " + decp.corps());
        verifier(marcheNotifie.path("titulaireSiret").asString().equals(marche.path("titulaires").path(0)
                .path("titulaire").path("id").asString()), "DECP titulaire is not the marché's: " + decp.corps());
        verifier(marche.path("modifications").size() >= 1, "the avenant is not a DECP modification: " + decp.corps());
        donneesOuvertes.put("decp", decp.corps());
    }

    private void lireOcds() throws Exception {
        Reponse ocds = appeler("GET", "/api/marche/consultations/" + mapaId + "/ocds", null, null, null);
        verifierStatut(ocds, 200);
        JsonNode record = ocds.json().path("records").path(0);
        verifier(record.path("ocid").asString().endsWith(mapaId), "ocid does not name the consultation: "
                + record.path("ocid"));
        java.util.Set<String> etiquettes = new java.util.TreeSet<>();
        record.path("releases").forEach(r -> r.path("tag").forEach(t -> etiquettes.add(t.asString())));
        for (String attendue : List.of("tender", "award", "contract", "contractAmendment")) {
            verifier(etiquettes.contains(attendue), "no " + attendue + " release in " + etiquettes);
        }
        donneesOuvertes.put("ocds", ocds.corps());
    }

    // --- supplier alerts ---------------------------------------------------------------------------------

    private void recevoirAlerte() throws Exception {
        String jeton = UUID.randomUUID().toString().substring(0, 8);
        String adresse = "alertes-" + jeton + "@papeterie.example";
        String autre = "alertes-" + jeton + "@travaux.example";
        verifierStatut(appeler("POST", "/api/marche/alertes", jetonFournisseur, ecrire(Map.of("libelle",
                "Fournitures de bureau", "email", adresse, "cpv", List.of("301"))), null), 201);
        verifierStatut(appeler("POST", "/api/marche/alertes", jetonFournisseur2, ecrire(Map.of("libelle",
                "Travaux", "email", autre, "cpv", List.of("45"))), null), 201);
        Map<String, Object> corps = consultation("30192000-1", 60, 40, ZonedDateTime.now(PARIS).plusDays(40)
                .withNano(0));
        String objet = "Ramettes de papier recyclé " + jeton + " (contrôle de déploiement)";
        corps.put("objet", objet);
        Reponse creee = appeler("POST", "/api/marche/consultations", jetonAcheteur, ecrire(corps), null);
        verifierStatut(creee, 201);
        String id = creee.json().path("id").asString();
        verifierStatut(appeler("POST", "/api/marche/consultations/" + id + "/publication", jetonAcheteur, null,
                null), 200);
        java.time.Instant limite = java.time.Instant.now().plusSeconds(30);
        JsonNode alerte = null;
        while (alerte == null) {
            for (JsonNode courriel : courrielsPour(adresse)) {
                if (courriel.path("sujet").asString().contains(jeton)) {
                    alerte = courriel;
                }
            }
            if (alerte == null) {
                verifier(java.time.Instant.now().isBefore(limite), "no alert mail to " + adresse + " within 30 s");
                Thread.sleep(300);
            }
        }
        verifier(alerte.path("sujet").asString().startsWith("Nouvelle consultation"), "subject: " + alerte);
        verifier(alerte.path("texte").asString().contains("/api/marche/consultations/" + id + "/documents"),
                "no DCE link in the alert: " + alerte.path("texte"));
        verifier(courrielsPour(autre).isEmpty(), "a profile for CPV 45 got a mail for a 30192000-1 consultation");
        journal.accept("        alert " + alerte.path("fichier").asString() + " to " + adresse);
    }

    /** The mails the embedded infrastructure's mail store keeps for this address. */
    private JsonNode courrielsPour(String adresse) throws Exception {
        HttpResponse<String> reponse = http.send(HttpRequest.newBuilder(parametres.courriels().resolve(
                "/courriels?destinataire=" + java.net.URLEncoder.encode(adresse, java.nio.charset.StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        verifier(reponse.statusCode() == 200, "mail store answered " + reponse.statusCode() + ": " + reponse.body());
        JsonNode liste = json.readTree(reponse.body());
        return liste.isArray() ? liste : liste.path("courriels");
    }

    // --- events for systems without Kafka: the feed and webhooks ---------------------------------------------

    private static final String TYPE_NOTIFIE = Evenements.MARCHE_NOTIFIE.ceType();

    private void lireLeFlux() throws Exception {
        String numero = marcheNotifie.path("numero").asString();
        JsonNode notifie = null;
        String curseur = null;
        java.time.Instant limite = java.time.Instant.now().plusSeconds(30);
        // The journal follows the broker: the notification shows up within moments of its publication.
        while (notifie == null) {
            Reponse page = appeler("GET", "/api/diffusion/feed?limit=1000&type=" + TYPE_NOTIFIE
                    + (curseur == null ? "" : "&after=" + curseur), jetonEvenements, null, null);
            verifierStatut(page, 200);
            for (JsonNode evenement : page.json().path("evenements")) {
                if (numero.equals(evenement.path("data").path("numero").asString())) {
                    notifie = evenement;
                }
            }
            curseur = page.json().path("curseur").asString();
            if (notifie == null && page.json().path("aJour").asBoolean()) {
                verifier(java.time.Instant.now().isBefore(limite), "no MarcheNotifie for " + numero
                        + " in the feed within 30 s");
                Thread.sleep(300);
            }
        }
        verifier("1.0".equals(notifie.path("specversion").asString()) && TYPE_NOTIFIE.equals(
                notifie.path("type").asString()) && mapaId.equals(notifie.path("data").path("consultationId")
                .asString()), "not the marché's CloudEvent: " + notifie);
        // Its dataschema is the schema's address under the public URL; the gateway serves it at that path.
        URI schema = URI.create(notifie.path("dataschema").asString());
        verifier(schema.getPath().endsWith("/asyncapi/schemas/MarcheNotifie.v1.json"), "dataschema: " + schema);
        Reponse schemaServi = appeler("GET", schema.getPath(), null, null, null);
        verifier(schemaServi.statut() == 200 && schemaServi.json() != null && schemaServi.json().has("properties"),
                "the gateway does not serve " + schema.getPath() + ": " + schemaServi.statut());
        List<String> premiers = identifiants(appeler("GET", "/api/diffusion/feed?limit=10", jetonEvenements, null,
                null));
        Reponse debut = appeler("GET", "/api/diffusion/feed?limit=5", jetonEvenements, null, null);
        Reponse suite = appeler("GET", "/api/diffusion/feed?limit=5&after=" + debut.json().path("curseur").asString(),
                jetonEvenements, null, null);
        List<String> enDeuxFois = new ArrayList<>(identifiants(debut));
        enDeuxFois.addAll(identifiants(suite));
        verifier(premiers.size() == 10 && premiers.equals(enDeuxFois), "5 + 5 events read from a cursor " + enDeuxFois
                + " are not the first 10 " + premiers);
        journal.accept("        MarcheNotifie " + notifie.path("id").asString() + " in the feed");
    }

    private static List<String> identifiants(Reponse page) {
        verifierStatut(page, 200);
        List<String> ids = new ArrayList<>();
        page.json().path("evenements").forEach(e -> ids.add(e.path("id").asString()));
        return ids;
    }

    private void recevoirParWebhook() throws Exception {
        String numero = marcheNotifie.path("numero").asString();
        java.util.concurrent.BlockingQueue<String[]> recus = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer recepteur = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        recepteur.createContext("/centrale", echange -> {
            String corps = new String(echange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            recus.add(new String[] {echange.getRequestHeaders().getFirst("Centrale-Webhook-Timestamp"),
                    echange.getRequestHeaders().getFirst("Centrale-Webhook-Signature"), corps});
            echange.sendResponseHeaders(204, -1);
            echange.close();
        });
        recepteur.start();
        String abonnement = null;
        try {
            Reponse cree = appeler("POST", "/api/diffusion/webhooks", jetonEvenements, ecrire(Map.of(
                    "url", "http://127.0.0.1:" + recepteur.getAddress().getPort() + "/centrale",
                    "types", List.of(TYPE_NOTIFIE), "depuis", "debut")), null);
            verifierStatut(cree, 201);
            abonnement = cree.json().path("id").asString();
            String secret = cree.json().path("secret").asString();
            java.time.Instant limite = java.time.Instant.now().plusSeconds(30);
            while (true) {
                String[] recu = recus.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS);
                verifier(java.time.Instant.now().isBefore(limite), "no delivery of MarcheNotifie " + numero
                        + " within 30 s");
                if (recu == null || !numero.equals(json.readTree(recu[2]).path("data").path("numero").asString())) {
                    continue;
                }
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "HmacSHA256"));
                String attendue = "v1=" + java.util.HexFormat.of().formatHex(mac.doFinal((recu[0] + "." + recu[2])
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                verifier(attendue.equals(recu[1]), "signature " + recu[1] + " is not " + attendue);
                break;
            }
        } finally {
            recepteur.stop(0);
            if (abonnement != null) {
                appeler("DELETE", "/api/diffusion/webhooks/" + abonnement, jetonEvenements, null, null);
            }
        }
    }

    private String ecrire(Object valeur) {
        return json.writeValueAsString(valeur);
    }

    // --- checks ---------------------------------------------------------------------------------------------

    private static void verifierStatut(Reponse reponse, int attendu) {
        verifier(reponse.statut() == attendu, "expected HTTP " + attendu + ", got " + reponse.statut() + ": " + reponse.corps());
    }

    private static void verifierProbleme(Reponse reponse, int attendu) {
        verifierStatut(reponse, attendu);
        String type = reponse.entete("Content-Type");
        verifier(type != null && type.startsWith("application/problem+json"), "expected problem+json, got " + type);
        verifier(reponse.json() != null && reponse.json().path("status").asInt() == attendu
                && !reponse.json().path("title").asString("").isBlank(), "not an RFC 9457 problem: " + reponse.corps());
    }

    private static void verifierChampEnErreur(Reponse reponse, String fragmentDeChamp) {
        for (JsonNode erreur : reponse.json().path("erreurs")) {
            if (erreur.path("champ").asString("").toLowerCase().contains(fragmentDeChamp.toLowerCase())
                    && !erreur.path("message").asString("").isBlank()) {
                return;
            }
        }
        throw new EchecEtape("no per-field error on '" + fragmentDeChamp + "': " + reponse.corps());
    }

    private static void verifier(boolean condition, String message) {
        if (!condition) {
            throw new EchecEtape(message);
        }
    }

    @FunctionalInterface
    private interface Action {
        void executer() throws Exception;
    }

    private void etape(String nom, Action action) {
        try {
            action.executer();
        } catch (EchecEtape e) {
            throw e.pour(nom);
        } catch (Exception e) {
            throw new EchecEtape(e.getClass().getSimpleName() + ": " + e.getMessage()).pour(nom);
        }
        reussies.add(nom);
        journal.accept("ok      " + nom);
    }

    private static final class EchecEtape extends RuntimeException {
        private String etape;

        EchecEtape(String message) {
            super(message);
        }

        EchecEtape pour(String nom) {
            this.etape = nom;
            return this;
        }
    }
}

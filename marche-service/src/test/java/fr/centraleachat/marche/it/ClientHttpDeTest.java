package fr.centraleachat.marche.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntSupplier;

/** Calls the service under test over HTTP as its clients do. A null token sends no Authorization header. */
final class ClientHttpDeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Read at each call: the test's port field is injected after the test instance, and this client, are built. */
    private final IntSupplier port;

    ClientHttpDeTest(IntSupplier port) {
        this.port = port;
    }

    HttpResponse<String> envoyer(String methode, String chemin, String jeton) throws Exception {
        return envoyer(methode, chemin, jeton, null, null);
    }

    HttpResponse<String> envoyer(String methode, String chemin, String jeton, String corps) throws Exception {
        return envoyer(methode, chemin, jeton, corps, null);
    }

    /** A JSON body when {@code corps} is not null; {@code correlation} goes in X-Correlation-Id when not null. */
    HttpResponse<String> envoyer(String methode, String chemin, String jeton, String corps, String correlation)
            throws Exception {
        var requete = requete(chemin, jeton).method(methode,
                corps == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(corps));
        if (corps != null) {
            requete.header("Content-Type", "application/json");
        }
        if (correlation != null) {
            requete.header("X-Correlation-Id", correlation);
        }
        return HTTP.send(requete.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> telecharger(String chemin, String jeton) throws Exception {
        return HTTP.send(requete(chemin, jeton).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Submits a bid on a lot: the offer's JSON and its files, sent in the order of their names. */
    HttpResponse<String> deposerPli(String jeton, String consultation, int lot, String offre,
            Map<String, byte[]> pieces) throws Exception {
        List<Partie> parties = new ArrayList<>();
        parties.add(Partie.json("offre", offre));
        new TreeMap<>(pieces).forEach((nom, contenu) -> parties.add(Partie.fichier("pieces", nom, contenu)));
        return multipart(jeton, "/api/marche/consultations/" + consultation + "/lots/" + lot + "/plis", parties);
    }

    HttpResponse<String> multipart(String jeton, String chemin, List<Partie> parties) throws Exception {
        String frontiere = "----centrale" + UUID.randomUUID();
        ByteArrayOutputStream corps = new ByteArrayOutputStream();
        for (Partie partie : parties) {
            StringBuilder entete = new StringBuilder("--" + frontiere + "\r\nContent-Disposition: form-data; name=\""
                    + partie.nom() + "\"");
            if (partie.nomDeFichier() != null) {
                entete.append("; filename=\"").append(partie.nomDeFichier()).append('"');
            }
            entete.append("\r\n");
            if (partie.typeContenu() != null) {
                entete.append("Content-Type: ").append(partie.typeContenu()).append("\r\n");
            }
            corps.writeBytes(entete.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            corps.writeBytes(partie.contenu());
            corps.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        corps.writeBytes(("--" + frontiere + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var requete = requete(chemin, jeton)
                .header("Content-Type", "multipart/form-data; boundary=" + frontiere)
                .POST(HttpRequest.BodyPublishers.ofByteArray(corps.toByteArray()));
        return HTTP.send(requete.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder requete(String chemin, String jeton) {
        var requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port.getAsInt() + chemin));
        if (jeton != null) {
            requete.header("Authorization", "Bearer " + jeton);
        }
        return requete;
    }

    /** One part of a multipart body. */
    record Partie(String nom, String nomDeFichier, String typeContenu, byte[] contenu) {

        static Partie texte(String nom, String valeur) {
            return new Partie(nom, null, null, valeur.getBytes(StandardCharsets.UTF_8));
        }

        static Partie json(String nom, String valeur) {
            return new Partie(nom, null, "application/json", valeur.getBytes(StandardCharsets.UTF_8));
        }

        static Partie fichier(String nom, String nomDeFichier, byte[] contenu) {
            return new Partie(nom, nomDeFichier, "application/octet-stream", contenu);
        }
    }
}

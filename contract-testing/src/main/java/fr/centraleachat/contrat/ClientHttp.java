package fr.centraleachat.contrat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends {@link Requete}s to one service with the JDK client. A transport failure (connection refused or reset,
 * time-out) is answered as status 0 with the exception in the body, so that a run reports it like any other
 * wrong answer instead of stopping at the first one.
 */
public final class ClientHttp {

    private final String urlDeBase;
    private final Duration delaiMax;
    private final HttpClient http;

    public ClientHttp(String urlDeBase, Duration delaiMax) {
        this.urlDeBase = urlDeBase.endsWith("/") ? urlDeBase.substring(0, urlDeBase.length() - 1) : urlDeBase;
        this.delaiMax = delaiMax;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public ClientHttp(String urlDeBase) {
        this(urlDeBase, Duration.ofSeconds(15));
    }

    public Reponse envoyer(Requete requete) {
        long debut = System.nanoTime();
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(urlDeBase + requete.chemin()))
                    .timeout(delaiMax)
                    .method(requete.methode(), requete.corps() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(requete.corps()));
            if (requete.jeton() != null) {
                builder.header("Authorization", "Bearer " + requete.jeton());
            }
            if (requete.typeContenu() != null) {
                builder.header("Content-Type", requete.typeContenu());
            }
            // Documents (PDF, CSV...) are accepted too, at a lower preference, so that content negotiation lets every
            // operation reach its checks.
            builder.header("Accept", "application/json, application/problem+json, */*;q=0.1");
            requete.entetes().forEach(builder::header);
            HttpResponse<byte[]> reponse = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reponse(reponse.statusCode(), reponse.headers().firstValue("Content-Type").orElse(""),
                    new String(reponse.body(), StandardCharsets.UTF_8),
                    reponse.headers().firstValue("Location"), Duration.ofNanos(System.nanoTime() - debut));
        } catch (IOException e) {
            return new Reponse(0, "", e.getClass().getSimpleName() + ": " + e.getMessage(), Optional.empty(),
                    Duration.ofNanos(System.nanoTime() - debut));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer; status 0 when none came (transport failure or time-out). */
    public record Reponse(int statut, String typeContenu, String corps, Optional<String> location, Duration duree) {

        private static final int LONGUEUR_EXTRAIT = 300;

        public boolean estProbleme() {
            return typeContenu.toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json");
        }

        /** The first characters of the body, on one line, for failure messages. */
        public String extrait() {
            String ligne = corps.replaceAll("\\s+", " ");
            return ligne.length() <= LONGUEUR_EXTRAIT ? ligne : ligne.substring(0, LONGUEUR_EXTRAIT) + "…";
        }

        @Override
        public String toString() {
            return statut + " " + (typeContenu.isEmpty() ? "(no content type)" : typeContenu) + " in "
                    + duree.toMillis() + " ms: " + extrait();
        }
    }
}

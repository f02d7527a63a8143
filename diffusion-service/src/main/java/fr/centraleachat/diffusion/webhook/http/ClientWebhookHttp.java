package fr.centraleachat.diffusion.webhook.http;

import fr.centraleachat.diffusion.webhook.application.ClientWebhook;
import fr.centraleachat.diffusion.webhook.application.DestinationsWebhook;
import fr.centraleachat.diffusion.webhook.application.WebhooksProperties;
import fr.centraleachat.diffusion.webhook.domain.UrlWebhook;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Deliveries over the JDK's HTTP client. Redirects are not followed (a delivery goes to the registered address
 * only), a host resolving inside the centrale's network is not called, and the answer's body is discarded: only its
 * status counts.
 */
@Component
class ClientWebhookHttp implements ClientWebhook {

    private final HttpClient http;
    private final WebhooksProperties proprietes;
    private final DestinationsWebhook destinations;

    ClientWebhookHttp(WebhooksProperties proprietes) {
        this.proprietes = proprietes;
        this.destinations = new DestinationsWebhook(proprietes.destinationsInternes());
        this.http = HttpClient.newBuilder().connectTimeout(proprietes.delaiReponse())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Resultat envoyer(UrlWebhook url, Map<String, String> entetes, String corps) {
        Optional<String> refus = destinations.refusAvantLivraison(url);
        if (refus.isPresent()) {
            return new Resultat(0, refus.get());
        }
        HttpRequest.Builder requete = HttpRequest.newBuilder(url.valeur()).timeout(proprietes.delaiReponse())
                .POST(HttpRequest.BodyPublishers.ofString(corps, StandardCharsets.UTF_8));
        entetes.forEach(requete::header);
        try {
            return new Resultat(http.send(requete.build(), HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (IOException e) {
            return new Resultat(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Resultat(0, "interrupted");
        }
    }
}

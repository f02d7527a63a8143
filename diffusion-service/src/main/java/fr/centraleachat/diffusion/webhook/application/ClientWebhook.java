package fr.centraleachat.diffusion.webhook.application;

import fr.centraleachat.diffusion.webhook.domain.UrlWebhook;
import java.util.Map;

/** Sends one delivery over HTTP. */
public interface ClientWebhook {

    /** The outcome of a POST: the status, or the reason there was none (time-out, refused connection). */
    record Resultat(int statut, String erreur) {

        public boolean accepte() {
            return statut >= 200 && statut < 300;
        }
    }

    Resultat envoyer(UrlWebhook url, Map<String, String> entetes, String corps);
}

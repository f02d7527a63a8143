package fr.centraleachat.diffusion.webhook.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.net.URI;
import java.net.URISyntaxException;

/** Where deliveries go: an absolute http(s) address, without credentials or fragment, of bounded length. */
public record UrlWebhook(URI valeur) {

    public static final int LONGUEUR_MAX = 2000;

    public UrlWebhook {
        if (valeur == null) {
            throw invalide();
        }
        String schema = valeur.getScheme();
        if (!valeur.isAbsolute() || !("https".equalsIgnoreCase(schema) || "http".equalsIgnoreCase(schema))
                || valeur.getHost() == null || valeur.getRawUserInfo() != null || valeur.getRawFragment() != null
                || valeur.toString().length() > LONGUEUR_MAX) {
            throw invalide();
        }
    }

    public static UrlWebhook de(String texte) {
        if (texte == null || texte.length() > LONGUEUR_MAX) {
            throw invalide();
        }
        try {
            return new UrlWebhook(new URI(texte));
        } catch (URISyntaxException e) {
            throw invalide();
        }
    }

    private static ValeurInvalideException invalide() {
        return new ValeurInvalideException("url", "Adresse invalide : une URL http ou https absolue, sans "
                + "identifiants ni fragment, d'au plus " + LONGUEUR_MAX + " caractères.");
    }
}

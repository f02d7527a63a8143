package fr.centraleachat.support.courriel;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code centrale.courriel.*}: who sends, and how the relay retries.
 *
 * @param actif         forces the relay on or off; by default it runs when {@code spring.mail.host} is set
 * @param expediteur    the {@code From} address of every mail
 * @param intervalle    how often the relay looks for mails to send
 * @param premierDelai  wait before the first retry of a failed mail; doubled at each failure
 * @param delaiMax      longest wait between two attempts
 * @param tentativesMax failed attempts after which a mail is parked
 * @param bail          how long a relay holds a mail it is sending; past it another pass may take it (after a crash)
 * @param lot           most mails one pass sends
 */
@ConfigurationProperties(prefix = "centrale.courriel")
public record CourrielProperties(Boolean actif, String expediteur, Duration intervalle, Duration premierDelai,
        Duration delaiMax, Integer tentativesMax, Duration bail, Integer lot) {

    public static final String EXPEDITEUR_PAR_DEFAUT = "centrale-achat@dijon-metropole.example";

    public CourrielProperties {
        expediteur = expediteur == null || expediteur.isBlank() ? EXPEDITEUR_PAR_DEFAUT : expediteur.trim();
        try {
            Courriel.verifierAdresse(expediteur);
        } catch (ValeurInvalideException e) {
            throw new IllegalArgumentException("centrale.courriel.expediteur is not a bare address: " + expediteur);
        }
        intervalle = intervalle == null ? Duration.ofSeconds(1) : intervalle;
        premierDelai = premierDelai == null ? Duration.ofSeconds(2) : premierDelai;
        delaiMax = delaiMax == null ? Duration.ofMinutes(10) : delaiMax;
        tentativesMax = tentativesMax == null ? 12 : tentativesMax;
        // Longer than the SMTP time-outs (centrale-service-defaults.yml): a live relay never loses its hold.
        bail = bail == null ? Duration.ofMinutes(2) : bail;
        lot = lot == null ? 20 : lot;
        if (tentativesMax < 1 || lot < 1 || intervalle.isNegative() || intervalle.isZero()) {
            throw new IllegalArgumentException("centrale.courriel: tentatives-max, lot and intervalle must be positive");
        }
    }

    /** Wait before the attempt following the {@code echecs}-th failure: premierDelai, doubled, at most delaiMax. */
    public Duration attenteApres(int echecs) {
        Duration attente = premierDelai;
        for (int i = 1; i < echecs && attente.compareTo(delaiMax) < 0; i++) {
            attente = attente.multipliedBy(2);
        }
        return attente.compareTo(delaiMax) > 0 ? delaiMax : attente;
    }

    /** The domain of the sender address, used in the Message-IDs. */
    String domaine() {
        return expediteur.substring(expediteur.lastIndexOf('@') + 1);
    }
}

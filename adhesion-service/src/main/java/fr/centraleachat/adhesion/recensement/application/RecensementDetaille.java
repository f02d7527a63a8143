package fr.centraleachat.adhesion.recensement.application;

import fr.centraleachat.adhesion.recensement.domain.Recensement;
import java.time.Instant;
import java.util.List;

/**
 * A recensement as a caller may see it: staff get the follow-up of every invited member, an agent nothing about
 * other members.
 *
 * @param suivi null when the caller may not see it (an agent, or a list)
 */
public record RecensementDetaille(Recensement recensement, boolean vueComplete, List<SuiviMembre> suivi) {

    /** Whether an invited member answered, and when it last did. */
    public record SuiviMembre(String siren, String nom, boolean repondu, Instant declareLe, long revision) {
    }
}

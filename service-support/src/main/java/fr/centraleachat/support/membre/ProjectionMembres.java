package fr.centraleachat.support.membre;

import fr.centraleachat.kernel.membre.DescriptionMembre;
import fr.centraleachat.kernel.membre.Membre;
import fr.centraleachat.kernel.Siren;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the adhésion service's events to the member projection, each at most once and never backwards. */
public class ProjectionMembres {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionMembres.class);

    private static final int MAX_ESSAIS = 5;

    private final Membres membres;

    public ProjectionMembres(Membres membres) {
        this.membres = membres;
    }

    public boolean activer(String evenementId, Siren siren, DescriptionMembre description, Instant date) {
        return appliquer(evenementId, siren, date, membre -> membre.activer(description, date));
    }

    public boolean suspendre(String evenementId, Siren siren, Instant date) {
        return appliquer(evenementId, siren, date, membre -> membre.suspendre(date));
    }

    public boolean reprendre(String evenementId, Siren siren, Instant date) {
        return appliquer(evenementId, siren, date, membre -> membre.reprendre(date));
    }

    public boolean resilier(String evenementId, Siren siren, Instant date) {
        return appliquer(evenementId, siren, date, membre -> membre.resilier(date));
    }

    private boolean appliquer(String evenementId, Siren siren, Instant date, Predicate<Membre> etape) {
        for (int essai = 1; ; essai++) {
            Membre membre = membres.trouver(siren).orElseGet(() -> Membre.inconnu(siren));
            Optional<Instant> miseAJourLue = membre.derniereMiseAJour();
            if (!etape.test(membre)) {
                LOG.info("Event {} for member {} dated {} is older than the state already applied: ignored",
                        evenementId, siren, date);
                return false;
            }
            switch (membres.enregistrer(membre, miseAJourLue, evenementId)) {
                case ENREGISTRE:
                    return true;
                case DEJA_APPLIQUE:
                    LOG.info("Event {} for member {} already applied: ignored", evenementId, siren);
                    return false;
                case MODIFIE_ENTRE_TEMPS:
                    // An event of another adhésion (other key, other partition) changed the member meanwhile.
                    if (essai == MAX_ESSAIS) {
                        throw new IllegalStateException("Member " + siren + " keeps changing while applying event "
                                + evenementId + "; left to the consumer's retries");
                    }
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
    }
}

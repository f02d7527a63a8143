package fr.centraleachat.adhesion.adhesion.application;

import fr.centraleachat.adhesion.adhesion.domain.AdhesionId;
import fr.centraleachat.kernel.DomainException;
import fr.centraleachat.support.web.CorrelationId;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the activations and terminations whose effective date has come. The plan is kept in each adhésion's
 * document, so a restart loses nothing: the next pass finds what is due. Each adhésion is saved on its own with
 * optimistic locking, together with its event; another instance or an acheteur saving it meanwhile makes this
 * pass skip it, and once applied nothing is planned any more, so a change is applied and announced once.
 */
@Component
public class ChangementsPlanifies {

    private static final Logger LOG = LoggerFactory.getLogger(ChangementsPlanifies.class);
    private static final int LOT = 100;

    private final ServiceAdhesions service;

    public ChangementsPlanifies(ServiceAdhesions service) {
        this.service = service;
    }

    @Scheduled(fixedDelayString = "${centrale.adhesion.changements.intervalle:5m}",
            initialDelayString = "${centrale.adhesion.changements.delai-initial:10s}")
    public void planifiee() {
        try {
            appliquerLesChangementsEchus();
        } catch (DataAccessException e) {
            // Store unreachable: nothing was changed, the next pass tries again.
            LOG.warn("Planned adhesion changes not applied, store unavailable: {}", e.getMessage());
        }
    }

    /** Runs passes until nothing due is left; returns how many changes were applied. */
    public int appliquerLesChangementsEchus() {
        int appliques = 0;
        int appliquesCePassage;
        do {
            appliquesCePassage = 0;
            var echues = service.adhesionsAvecChangementEchu(LOT);
            for (AdhesionId id : echues) {
                if (appliquer(id)) {
                    appliquesCePassage++;
                }
            }
            appliques += appliquesCePassage;
            // A full batch where something was applied may hide more; a skipped one is retried on the next pass.
        } while (appliquesCePassage == LOT);
        return appliques;
    }

    private boolean appliquer(AdhesionId id) {
        // One correlation id per change, so that its event and the logs of this step can be tied together.
        MDC.put(CorrelationId.MDC_KEY, "effet-" + UUID.randomUUID());
        try {
            return service.appliquerChangementEchu(id);
        } catch (OptimisticLockingFailureException e) {
            LOG.info("Adhesion {} changed while applying its planned change, retried on the next pass", id);
        } catch (DomainException | IllegalStateException e) {
            LOG.warn("Planned change of adhesion {} not applied: {}", id, e.getMessage());
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
        return false;
    }
}

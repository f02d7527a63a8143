package fr.centraleachat.adhesion.recensement.application;

import fr.centraleachat.adhesion.recensement.domain.RecensementId;
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
 * Closes the recensements whose closing date has come. The date lives in each recensement's document, so a
 * restart loses nothing; closing is idempotent up to its final optimistic write, so a second instance or an
 * acheteur closing at the same time makes this pass skip it, and each recensement is closed and announced once.
 */
@Component
public class CloturesRecensements {

    private static final Logger LOG = LoggerFactory.getLogger(CloturesRecensements.class);
    private static final int LOT = 50;

    private final ServiceRecensements service;

    public CloturesRecensements(ServiceRecensements service) {
        this.service = service;
    }

    @Scheduled(fixedDelayString = "${centrale.recensement.cloture.intervalle:1m}",
            initialDelayString = "${centrale.recensement.cloture.delai-initial:15s}")
    public void planifiee() {
        try {
            cloturerLesRecensementsEchus();
        } catch (DataAccessException e) {
            LOG.warn("Due recensements not closed, store unavailable: {}", e.getMessage());
        }
    }

    /** Runs passes until nothing due is left; returns how many were closed. */
    public int cloturerLesRecensementsEchus() {
        int clos = 0;
        int cePassage;
        do {
            cePassage = 0;
            for (RecensementId id : service.echus(LOT)) {
                if (cloturer(id)) {
                    cePassage++;
                }
            }
            clos += cePassage;
        } while (cePassage == LOT);
        return clos;
    }

    private boolean cloturer(RecensementId id) {
        MDC.put(CorrelationId.MDC_KEY, "cloture-" + UUID.randomUUID());
        try {
            return service.cloturerEchu(id);
        } catch (OptimisticLockingFailureException e) {
            LOG.info("Recensement {} changed while closing it, retried on the next pass", id);
        } catch (DomainException | IllegalStateException e) {
            LOG.warn("Recensement {} not closed: {}", id, e.getMessage());
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
        return false;
    }
}

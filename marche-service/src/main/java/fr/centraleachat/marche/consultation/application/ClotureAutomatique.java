package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.kernel.DomainException;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
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
 * Closes published consultations once their DLRO has passed (DOMAIN §4: "CLOTUREE, automatically"). Each one is
 * saved on its own with optimistic locking: one that an acheteur changed meanwhile is skipped and looked at again
 * on the next pass.
 */
@Component
public class ClotureAutomatique {

    private static final Logger LOG = LoggerFactory.getLogger(ClotureAutomatique.class);
    private static final int LOT = 100;

    private final ServiceConsultations service;

    public ClotureAutomatique(ServiceConsultations service) {
        this.service = service;
    }

    @Scheduled(fixedDelayString = "${centrale.cloture.intervalle:60s}",
            initialDelayString = "${centrale.cloture.delai-initial:${centrale.cloture.intervalle:60s}}")
    public void planifiee() {
        try {
            cloturerLesConsultationsEchues();
        } catch (DataAccessException e) {
            // Store unreachable: nothing was changed, the next pass tries again.
            LOG.warn("Automatic closing skipped, store unavailable: {}", e.getMessage());
        }
    }

    /** Runs one pass; returns how many consultations were closed. */
    public int cloturerLesConsultationsEchues() {
        int cloturees = 0;
        for (ConsultationId id : service.consultationsEchues(LOT)) {
            // One correlation id per closing, so that the event and the logs of this step can be tied together.
            MDC.put(CorrelationId.MDC_KEY, "cloture-" + UUID.randomUUID());
            try {
                if (service.cloturerAutomatiquement(id)) {
                    cloturees++;
                    LOG.info("Consultation {} closed automatically, its DLRO has passed", id);
                }
            } catch (OptimisticLockingFailureException e) {
                LOG.info("Consultation {} changed while closing it, retried on the next pass", id);
            } catch (DomainException e) {
                LOG.warn("Consultation {} could not be closed automatically: {}", id, e.getMessage());
            } finally {
                MDC.remove(CorrelationId.MDC_KEY);
            }
        }
        return cloturees;
    }
}

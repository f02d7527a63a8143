package fr.centraleachat.marche.consultation.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes from the store the drafts that were deleted, once the message recording their deletion in the journal
 * has been published. Until then the stored draft carries that message in its outbox (and is invisible to every
 * read), so a crash between the deletion and the journal loses nothing.
 */
@Component
class EffacementDesBrouillonsSupprimes {

    private static final Logger LOG = LoggerFactory.getLogger(EffacementDesBrouillonsSupprimes.class);

    private final ServiceConsultations service;

    EffacementDesBrouillonsSupprimes(ServiceConsultations service) {
        this.service = service;
    }

    @Scheduled(fixedDelayString = "${centrale.suppression.intervalle:60s}",
            initialDelayString = "${centrale.suppression.intervalle:60s}")
    void planifie() {
        try {
            int effaces = service.effacerLesBrouillonsSupprimes();
            if (effaces > 0) {
                LOG.info("{} deleted draft(s) removed from the store, their deletion being journaled", effaces);
            }
        } catch (DataAccessException e) {
            LOG.warn("Removal of deleted drafts skipped, store unavailable: {}", e.getMessage());
        }
    }
}

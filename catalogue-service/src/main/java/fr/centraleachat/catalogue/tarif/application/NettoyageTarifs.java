package fr.centraleachat.catalogue.tarif.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes, now and then, the price-list versions whose import or revision died before publishing them (a crash,
 * a restart): unpublished, they are invisible to every read meanwhile.
 */
@Component
class NettoyageTarifs {

    private static final Logger LOG = LoggerFactory.getLogger(NettoyageTarifs.class);

    private final ServiceTarifs service;

    NettoyageTarifs(ServiceTarifs service) {
        this.service = service;
    }

    @Scheduled(fixedDelayString = "${centrale.tarifs.nettoyage-intervalle:10m}",
            initialDelayString = "${centrale.tarifs.nettoyage-intervalle:10m}")
    void planifie() {
        try {
            int retirees = service.nettoyer();
            if (retirees > 0) {
                LOG.info("{} abandoned price-list version(s) removed with their lines", retirees);
            }
        } catch (DataAccessException e) {
            LOG.warn("Removal of abandoned price-list versions skipped, store unavailable: {}", e.getMessage());
        }
    }
}

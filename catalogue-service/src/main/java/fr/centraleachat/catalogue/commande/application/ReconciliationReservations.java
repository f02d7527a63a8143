package fr.centraleachat.catalogue.commande.application;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Now and then, settles the reservations on contracts' maximums that an issue left behind when its process died
 * (see {@link ServiceCommandes#reconcilierReservations}): without it, such an amount would stay consumed by no order.
 */
@Component
class ReconciliationReservations {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationReservations.class);

    private final ServiceCommandes service;
    private final Clock horloge;
    private final Duration abandonApres;

    ReconciliationReservations(ServiceCommandes service, Clock horloge,
            @Value("${centrale.commandes.reservation-abandonnee-apres:10m}") Duration abandonApres) {
        this.service = service;
        this.horloge = horloge;
        this.abandonApres = abandonApres;
    }

    @Scheduled(fixedDelayString = "${centrale.commandes.reconciliation-intervalle:5m}",
            initialDelayString = "${centrale.commandes.reconciliation-intervalle:5m}")
    void planifie() {
        try {
            ServiceCommandes.Reconciliation faite = service.reconcilierReservations(horloge.instant().minus(abandonApres));
            if (faite.rendues() + faite.oubliees() > 0) {
                LOG.warn("Reservations left by interrupted issues settled: {} amount(s) given back (order not issued), "
                        + "{} record(s) dropped (order issued)", faite.rendues(), faite.oubliees());
            }
        } catch (DataAccessException e) {
            LOG.warn("Reconciliation of reservations skipped, store unavailable: {}", e.getMessage());
        }
    }
}

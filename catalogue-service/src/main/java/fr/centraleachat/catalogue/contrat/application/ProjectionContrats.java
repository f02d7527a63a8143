package fr.centraleachat.catalogue.contrat.application;

import fr.centraleachat.catalogue.contrat.domain.Contrat;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Creates the catalogue's contract of each notified marché, and records its termination, once per event. */
@Service
public class ProjectionContrats {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionContrats.class);

    private final Contrats contrats;
    private final ApplicationEventPublisher evenements;

    public ProjectionContrats(Contrats contrats, ApplicationEventPublisher evenements) {
        this.contrats = contrats;
        this.evenements = evenements;
    }

    public boolean notifier(String evenementId, Contrat contrat) {
        boolean applique = contrats.enregistrerNotification(contrat, evenementId);
        if (!applique) {
            LOG.info("Event {} for contract {} already applied: ignored", evenementId, contrat.numero());
        } else {
            evenements.publishEvent(new ContratProjete(contrat.numero()));
        }
        return applique;
    }

    /** From {@code dateEffet} the contract is {@code RESILIE}: no new subscription nor order on it. */
    public boolean resilier(String evenementId, String numero, LocalDate dateEffet) {
        boolean applique = contrats.enregistrerResiliation(numero, dateEffet, evenementId);
        if (!applique) {
            LOG.info("Event {} for contract {} already applied: ignored", evenementId, numero);
        } else {
            LOG.info("Contract {} terminated from {}", numero, dateEffet);
            evenements.publishEvent(new ContratProjete(numero));
        }
        return applique;
    }

    /** Applies an avenant to the contract once; the search index hears of the change. */
    public boolean appliquerAvenant(String evenementId, String numero, java.math.BigDecimal variation,
            java.math.BigDecimal nouveauMontant, boolean accordCadre, LocalDate dateFin) {
        boolean applique = contrats.enregistrerAvenant(numero, variation, nouveauMontant, accordCadre, dateFin,
                evenementId);
        if (!applique) {
            LOG.info("Event {} for contract {} already applied: ignored", evenementId, numero);
        } else {
            LOG.info("Contract {} changed by an avenant: {} HT, amount now {}, end {}", numero, variation,
                    nouveauMontant, dateFin);
            evenements.publishEvent(new ContratProjete(numero));
        }
        return applique;
    }
}

package fr.centraleachat.catalogue.consultation.application;

import fr.centraleachat.catalogue.consultation.domain.Consultation;
import fr.centraleachat.catalogue.consultation.domain.ContenuConsultation;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Applies the marché service's events to the consultation projection, each at most once. */
@Service
public class ProjectionConsultations {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionConsultations.class);

    private final Consultations consultations;

    public ProjectionConsultations(Consultations consultations) {
        this.consultations = consultations;
    }

    public boolean publier(String evenementId, String consultationId, ContenuConsultation contenu) {
        return appliquer(evenementId, consultationId, consultation -> consultation.publier(contenu));
    }

    public boolean cloturer(String evenementId, String consultationId) {
        return appliquer(evenementId, consultationId, Consultation::cloturer);
    }

    public boolean classerSansSuite(String evenementId, String consultationId) {
        return appliquer(evenementId, consultationId, Consultation::classerSansSuite);
    }

    private boolean appliquer(String evenementId, String consultationId, Predicate<Consultation> etape) {
        Consultation consultation = consultations.trouver(consultationId)
                .orElseGet(() -> Consultation.inconnue(consultationId));
        if (!etape.test(consultation)) {
            LOG.info("Event {} changes nothing for consultation {}: ignored", evenementId, consultationId);
            return false;
        }
        boolean applique = consultations.enregistrer(consultation, evenementId);
        if (!applique) {
            LOG.info("Event {} for consultation {} already applied: ignored", evenementId, consultationId);
        }
        return applique;
    }
}

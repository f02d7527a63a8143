package fr.centraleachat.marche.pli.application;

import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.pli.scellement.OuverturePlis;
import org.springframework.stereotype.Component;

/** The vault asks the consultation itself, as stored now, whether its plis were opened. */
@Component
class OuverturePlisDesConsultations implements OuverturePlis {

    private final Consultations consultations;

    OuverturePlisDesConsultations(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public boolean plisOuverts(String consultationId) {
        return consultations.trouver(ConsultationId.de(consultationId))
                .map(fiche -> fiche.consultation().plisOuverts()).orElse(false);
    }
}

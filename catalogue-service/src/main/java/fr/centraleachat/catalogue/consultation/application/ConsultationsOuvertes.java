package fr.centraleachat.catalogue.consultation.application;

import fr.centraleachat.catalogue.consultation.domain.Consultation;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Published consultations suppliers may still bid on; public to every authenticated caller. */
@Service
public class ConsultationsOuvertes {

    private final Consultations consultations;
    private final Clock horloge;

    public ConsultationsOuvertes(Consultations consultations, Clock horloge) {
        this.consultations = consultations;
        this.horloge = horloge;
    }

    public PageVue<Consultation> lister(Optional<Siren> beneficiaire, Optional<String> divisionCpv, PageDemandee page) {
        return consultations.ouvertes(horloge.instant(), beneficiaire, divisionCpv, page);
    }

    public Consultation consulter(UUID id) {
        return consultations.trouver(id.toString()).filter(c -> c.estOuverte(horloge.instant()))
                .orElseThrow(() -> new RessourceIntrouvableException("Aucune consultation ouverte d'identifiant " + id + "."));
    }
}

package fr.centraleachat.marche.pli.application;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.application.Journal;
import fr.centraleachat.marche.journal.domain.ActionJournal;
import fr.centraleachat.marche.journal.domain.EntreeJournal;
import fr.centraleachat.support.security.Acteur;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/** The procès-verbal d'ouverture: who opened and when, from the journal; the plis and their check, from the store. */
@Service
public class ServiceProcesVerbal {

    private final ServicePlis plis;
    private final Journal journal;

    ServiceProcesVerbal(ServicePlis plis, Journal journal) {
        this.plis = plis;
        this.journal = journal;
    }

    public ProcesVerbalOuverture procesVerbal(String consultationId, Acteur acteur) {
        AtomicReference<EntreeJournal> ouverture = new AtomicReference<>();
        journal.exporter(ConsultationId.de(consultationId), 1, acteur).ecrire(entree -> {
            if (entree.action() == ActionJournal.OUVERTURE_DES_PLIS && ouverture.get() == null) {
                ouverture.set(entree);
            }
        });
        EntreeJournal entree = ouverture.get();
        return plis.procesVerbal(consultationId, entree == null ? null : entree.horodatage(),
                entree == null ? null : entree.acteur(), acteur);
    }
}

package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.marche.ConsultationClotureeV1;
import fr.centraleachat.contracts.marche.ConsultationPublieeV1;
import fr.centraleachat.contracts.marche.ConsultationRectifieeV1;
import fr.centraleachat.contracts.marche.ConsultationSansSuiteV1;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationCloturee;
import fr.centraleachat.marche.consultation.domain.ConsultationPubliee;
import fr.centraleachat.marche.consultation.domain.ConsultationRectifiee;
import fr.centraleachat.marche.consultation.domain.Rectificatif;
import fr.centraleachat.marche.consultation.domain.ConsultationSansSuite;
import fr.centraleachat.marche.consultation.domain.EvenementConsultation;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.journal.domain.Auteur;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns the aggregate's domain events into the messages saved with it: the versioned integration events other
 * services consume (publication, rectificatifs, closing and sans-suite are public contracts) and, for every event,
 * the journal's own message. Both go into the same outbox write as the change, in the order of the events.
 */
@Component
public class EvenementsPublies {

    private final FabriqueMessages fabrique;
    private final JournalisationConsultations journal;

    public EvenementsPublies(FabriqueMessages fabrique, JournalisationConsultations journal) {
        this.fabrique = fabrique;
        this.journal = journal;
    }

    /** @param auteur who caused the pending events, for the journal */
    public List<MessageSortant> messages(Consultation consultation, Instant maintenant, Auteur auteur) {
        List<MessageSortant> messages = new ArrayList<>();
        for (EvenementConsultation evenement : consultation.evenementsEnAttente()) {
            traduire(evenement, consultation, maintenant).ifPresent(messages::add);
            messages.add(journal.message(evenement, consultation, auteur));
        }
        return messages;
    }

    Optional<MessageSortant> traduire(EvenementConsultation evenement, Consultation consultation, Instant maintenant) {
        String id = evenement.consultationId().toString();
        if (evenement instanceof ConsultationPubliee publiee) {
            return Optional.of(fabrique.message(Evenements.CONSULTATION_PUBLIEE, id, publiee(consultation, publiee)));
        }
        if (evenement instanceof ConsultationRectifiee rectifiee) {
            Rectificatif r = rectifiee.rectificatif();
            return Optional.of(fabrique.message(Evenements.CONSULTATION_RECTIFIEE, id, new ConsultationRectifieeV1(id,
                    r.numero(), r.raison(), r.substantiel(), r.dlro(), r.dlroPrecedente(), r.dateLimiteQuestions(),
                    r.date())));
        }
        if (evenement instanceof ConsultationCloturee cloturee) {
            return Optional.of(fabrique.message(Evenements.CONSULTATION_CLOTUREE, id,
                    new ConsultationClotureeV1(id, consultation.dlro(), cloturee.dateCloture())));
        }
        if (evenement instanceof ConsultationSansSuite sansSuite
                && sansSuite.statutPrecedent() != StatutConsultation.BROUILLON) {
            // A draft abandoned before publication was never public: there is nothing to withdraw elsewhere.
            return Optional.of(fabrique.message(Evenements.CONSULTATION_SANS_SUITE, id,
                    new ConsultationSansSuiteV1(id, sansSuite.raison(), maintenant)));
        }
        return Optional.empty();
    }

    private static ConsultationPublieeV1 publiee(Consultation consultation, ConsultationPubliee evenement) {
        var lots = consultation.lots().liste().stream()
                .map(lot -> new ConsultationPublieeV1.Lot(lot.numero(), lot.intitule(), lot.montantEstime().valeurHt(),
                        lot.cpvOuPrincipal(consultation.cpvPrincipal()).valeur()))
                .toList();
        var criteres = consultation.criteres().liste().stream()
                .map(c -> new ConsultationPublieeV1.Critere(c.libelle(), c.ponderation(), c.type().name()))
                .toList();
        return new ConsultationPublieeV1(evenement.consultationId().toString(), consultation.objet(),
                consultation.nature().name(), consultation.cpvPrincipal().valeur(), evenement.procedure().name(),
                evenement.valeurEstimeeTotale().valeurHt(), evenement.datePublication(), evenement.dlro(), lots, criteres,
                consultation.beneficiaires().membres().stream().map(Siren::valeur).toList(),
                evenement.publiciteBoampOuJalRequise(), consultation.contenu().familleAchat().name());
    }
}

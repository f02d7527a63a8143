package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationAttribuee;
import fr.centraleachat.marche.consultation.domain.ConsultationCloturee;
import fr.centraleachat.marche.consultation.domain.ConsultationCreee;
import fr.centraleachat.marche.consultation.domain.ConsultationModifiee;
import fr.centraleachat.marche.consultation.domain.ConsultationPubliee;
import fr.centraleachat.marche.consultation.domain.ConsultationSansSuite;
import fr.centraleachat.marche.consultation.domain.ConsultationRectifiee;
import fr.centraleachat.marche.consultation.domain.ConsultationSupprimee;
import fr.centraleachat.marche.consultation.domain.ContenuConsultation;
import fr.centraleachat.marche.consultation.domain.EvenementConsultation;
import fr.centraleachat.marche.consultation.domain.MarcheNotifie;
import fr.centraleachat.marche.consultation.domain.PlisOuverts;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.journal.application.MessagesJournal;
import fr.centraleachat.marche.journal.domain.ActionJournal;
import fr.centraleachat.marche.journal.domain.Auteur;
import fr.centraleachat.support.json.DatesBornees;
import fr.centraleachat.support.outbox.MessageSortant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Turns each domain event of a consultation into its journal message: the action, who took it and a short French
 * summary of the change (before → after). Every event type maps to an entry, so that no decision can escape the
 * journal: a new event type fails here until it is given its entry.
 */
@Component
public class JournalisationConsultations {

    private final MessagesJournal messages;

    public JournalisationConsultations(MessagesJournal messages) {
        this.messages = messages;
    }

    public MessageSortant message(EvenementConsultation evenement, Consultation consultation, Auteur auteur) {
        return messages.message(evenement.consultationId(), auteur, action(evenement), resume(evenement, consultation));
    }

    static ActionJournal action(EvenementConsultation evenement) {
        if (evenement instanceof ConsultationCreee) {
            return ActionJournal.CREATION;
        }
        if (evenement instanceof ConsultationModifiee) {
            return ActionJournal.MODIFICATION;
        }
        if (evenement instanceof ConsultationSupprimee) {
            return ActionJournal.SUPPRESSION;
        }
        if (evenement instanceof ConsultationPubliee) {
            return ActionJournal.PUBLICATION;
        }
        if (evenement instanceof ConsultationCloturee) {
            return ActionJournal.CLOTURE;
        }
        if (evenement instanceof PlisOuverts) {
            return ActionJournal.OUVERTURE_DES_PLIS;
        }
        if (evenement instanceof ConsultationSansSuite) {
            return ActionJournal.SANS_SUITE;
        }
        if (evenement instanceof ConsultationAttribuee) {
            return ActionJournal.ATTRIBUTION;
        }
        if (evenement instanceof MarcheNotifie) {
            return ActionJournal.NOTIFICATION;
        }
        if (evenement instanceof ConsultationRectifiee) {
            return ActionJournal.RECTIFICATIF;
        }
        throw new IllegalStateException("No journal entry for " + evenement.getClass().getSimpleName());
    }

    static String resume(EvenementConsultation evenement, Consultation consultation) {
        if (evenement instanceof ConsultationCreee creee) {
            return "→ BROUILLON ; objet « " + creee.objet() + " » ; " + creee.nature() + " ; CPV "
                    + creee.cpvPrincipal().valeur() + " ; " + lots(consultation.contenu()) + " ; DLRO "
                    + date(consultation.dlro());
        }
        if (evenement instanceof ConsultationModifiee modifiee) {
            return "BROUILLON modifié : " + differences(modifiee.avant(), modifiee.apres());
        }
        if (evenement instanceof ConsultationSupprimee) {
            return "BROUILLON → supprimé";
        }
        if (evenement instanceof ConsultationPubliee publiee) {
            return "BROUILLON → PUBLIEE ; procédure " + publiee.procedure().name() + " ; "
                    + publiee.valeurEstimeeTotale() + " ; DLRO " + date(publiee.dlro())
                    + (publiee.publiciteBoampOuJalRequise() ? " ; publicité BOAMP ou JAL requise" : "")
                    + (publiee.avertissements().isEmpty() ? "" : " ; " + publiee.avertissements().size()
                    + " avertissement(s)");
        }
        if (evenement instanceof ConsultationCloturee) {
            return "PUBLIEE → CLOTUREE ; DLRO " + date(consultation.dlro()) + " passée";
        }
        if (evenement instanceof PlisOuverts) {
            return "CLOTUREE → EN_ANALYSE ; plis ouverts";
        }
        if (evenement instanceof ConsultationSansSuite sansSuite) {
            return sansSuite.statutPrecedent() + " → " + StatutConsultation.SANS_SUITE + " ; raison : « "
                    + sansSuite.raison() + " »";
        }
        if (evenement instanceof ConsultationAttribuee) {
            return "EN_ANALYSE → ATTRIBUEE";
        }
        if (evenement instanceof MarcheNotifie) {
            return "ATTRIBUEE → NOTIFIEE";
        }
        if (evenement instanceof ConsultationRectifiee rectifiee) {
            var r = rectifiee.rectificatif();
            return "Rectificatif n° " + r.numero() + (r.substantiel() ? " substantiel" : "") + " ; raison : « "
                    + r.raison() + " »" + (r.dlro() == null || r.dlro().equals(r.dlroPrecedente()) ? ""
                            : " ; DLRO " + date(r.dlroPrecedente()) + " → " + date(r.dlro()));
        }
        throw new IllegalStateException("No journal summary for " + evenement.getClass().getSimpleName());
    }

    /** What changed in a draft, field by field; the content itself stays in the consultation. */
    static String differences(ContenuConsultation avant, ContenuConsultation apres) {
        List<String> changes = new ArrayList<>();
        difference(changes, "objet", avant, apres, c -> "« " + c.objet() + " »");
        difference(changes, "nature", avant, apres, c -> c.nature().name());
        difference(changes, "CPV", avant, apres, c -> c.cpvPrincipal().valeur());
        difference(changes, "lots", avant, apres, c -> String.valueOf(c.lots().liste().size()));
        difference(changes, "valeur estimée", avant, apres, c -> c.valeurEstimeeTotale().toString());
        if (!avant.lots().equals(apres.lots()) && lots(avant).equals(lots(apres))) {
            changes.add("lots modifiés");
        }
        if (!avant.criteres().equals(apres.criteres())) {
            changes.add("critères modifiés");
        }
        difference(changes, "DLRO", avant, apres, c -> date(c.dlro()));
        difference(changes, "délai réduit", avant, apres, c -> c.delaiReduit().name());
        difference(changes, "bénéficiaires", avant, apres, c -> c.beneficiaires().membres().size() + " membre(s)");
        if (!avant.beneficiaires().equals(apres.beneficiaires())
                && avant.beneficiaires().membres().size() == apres.beneficiaires().membres().size()) {
            changes.add("bénéficiaires modifiés");
        }
        return changes.isEmpty() ? "contenu inchangé" : String.join(" ; ", changes);
    }

    private static void difference(List<String> changes, String libelle, ContenuConsultation avant,
            ContenuConsultation apres, Function<ContenuConsultation, String> valeur) {
        String a = valeur.apply(avant);
        String b = valeur.apply(apres);
        if (!Objects.equals(a, b)) {
            changes.add(libelle + " " + a + " → " + b);
        }
    }

    private static String lots(ContenuConsultation contenu) {
        return contenu.lots().liste().size() + " lot(s), " + contenu.valeurEstimeeTotale();
    }

    private static String date(Instant instant) {
        return DatesBornees.ecrire(instant);
    }
}

package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import fr.centraleachat.kernel.FamilleAchat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where consultations are kept. Every write stores the state and its outgoing events together. */
public interface Consultations {

    Optional<FicheConsultation> trouver(ConsultationId id);

    /**
     * One page of the consultations in one of these states, latest DLRO first then by id (unique, so pages are
     * stable); with {@code publieesSeulement}, only those that were ever published.
     */
    PageVue<FicheConsultation> lister(Set<StatutConsultation> statuts, boolean publieesSeulement, PageDemandee page);

    /** Published consultations whose DLRO is before {@code maintenant}, at most {@code limite}. */
    List<ConsultationId> publieesEchues(Instant maintenant, int limite);

    /**
     * The consultations of a famille d'achat published between {@code debut} (included) and {@code fin} (excluded),
     * except those declared sans suite, at most {@code limite}: the year's launched needs of the family.
     */
    List<Consultation> publieesDeLaFamille(FamilleAchat famille, Instant debut, Instant fin, int limite);

    /** Same, for the consultations whose main CPV code starts with the three digits of {@code groupeCpv}. */
    List<Consultation> publieesDuGroupeCpv(String groupeCpv, Instant debut, Instant fin, int limite);

    /** Stores a new consultation (version 0). */
    void ajouter(Consultation consultation, List<MessageSortant> messages);

    /**
     * Stores the consultation over the version it was read at.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if it was saved by someone else meanwhile
     */
    void mettreAJour(Consultation consultation, List<String> avertissements, List<MessageSortant> messages);

    /**
     * Deletes the draft if it is still at the version it was read at (so still a draft), with the messages of its
     * deletion. A deleted draft is gone for every read at once; what is stored is removed only once its messages
     * have left, so that the journal's record of the deletion cannot be lost with it ({@link #effacerBrouillonsSupprimes}).
     *
     * @return false when it was changed or deleted meanwhile
     */
    boolean supprimerBrouillon(Consultation brouillon, List<MessageSortant> messages);

    /** Removes for good the deleted drafts whose messages have all been published; returns how many. */
    int effacerBrouillonsSupprimes();
}

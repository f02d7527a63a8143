package fr.centraleachat.marche.journal.application;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.domain.ChaineJournal;
import fr.centraleachat.marche.journal.domain.EntreeJournal;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Where journal entries are kept. Append-only: there is deliberately no way to change or remove one. Two entries
 * of one consultation never share a rank and one event never gives two entries: both are unique keys of the store.
 */
public interface EntreesJournal {

    /** The entry of highest rank of that consultation. */
    Optional<EntreeJournal> derniere(ConsultationId id);

    /** Stores the entry, keyed by the event that caused it. */
    Ajout ajouter(EntreeJournal entree, String evenementId);

    /** Whether that consultation has at least one entry. */
    boolean existe(ConsultationId id);

    /** One page of the entries in rank order. */
    PageVue<EntreeJournal> page(ConsultationId id, PageDemandee page);

    /** The rank of the entry {@code decalage} places after the first one from rank {@code depuis}, if any. */
    OptionalLong rangApres(ConsultationId id, long depuis, long decalage);

    /** Gives at most {@code limite} entries from rank {@code depuis} in rank order, reading them as a stream. */
    void parcourir(ConsultationId id, long depuis, int limite, Consumer<EntreeJournal> action);

    /** Gives every stored entry in rank order to the verification, an unreadable one as such. */
    void verifier(ConsultationId id, ChaineJournal.Verification verification);

    enum Ajout {
        AJOUTEE,
        /** Another entry took that rank first: read the last one again and retry. */
        RANG_DEJA_PRIS,
        /** That event's entry is already in the journal. */
        DEJA_CONSIGNEE
    }
}

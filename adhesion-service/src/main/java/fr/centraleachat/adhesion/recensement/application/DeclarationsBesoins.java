package fr.centraleachat.adhesion.recensement.application;

import fr.centraleachat.adhesion.recensement.domain.DeclarationBesoins;
import fr.centraleachat.adhesion.recensement.domain.RecensementId;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.MessageSortant;
import java.util.List;
import java.util.Optional;

/**
 * The invited members' declarations, one document each, addressed by (recensement, member) so that every read and
 * write is a look-up by id whatever the number of recensements and members.
 */
public interface DeclarationsBesoins {

    /** Creates the unanswered declarations of the invited members of a new recensement, in one bulk write. */
    void inviter(List<DeclarationBesoins> declarations);

    Optional<DeclarationBesoins> trouver(RecensementId recensement, Siren membre);

    /** The declarations of these members, by id. */
    List<DeclarationBesoins> toutes(RecensementId recensement, List<Siren> membres);

    /**
     * Saves a declaration read at its version, with its events.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if it changed or was frozen in between
     */
    DeclarationBesoins enregistrer(DeclarationBesoins declaration, List<MessageSortant> messages);

    /** Freezes these members' declarations for the closing: any later save of a copy read before fails. */
    void figer(RecensementId recensement, List<Siren> membres);
}

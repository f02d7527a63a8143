package fr.centraleachat.marche.document.application;

import fr.centraleachat.marche.document.domain.TypeDocument;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A rectificatif as the acheteur asks for it: the reason, the new dates if any, whether it is substantial, and what it
 * changes in the DCE. {@code documents} describe the files sent with it, one each, in the same order.
 *
 * @param nouvelleDlro null to keep the DLRO
 * @param dateLimiteQuestions null to keep the question deadline
 * @param retraits numbers of the documents withdrawn from the DCE
 */
public record DemandeRectificatif(String raison, Instant nouvelleDlro, Instant dateLimiteQuestions,
        boolean substantiel, List<DocumentJoint> documents, Set<Integer> retraits) {

    public DemandeRectificatif {
        documents = documents == null ? List.of() : List.copyOf(documents);
        retraits = retraits == null ? Set.of() : Set.copyOf(retraits);
    }

    /**
     * One file sent with the rectificatif: a new version of document {@code remplace}, or (without it) a new document
     * of {@code type}.
     */
    public record DocumentJoint(Integer remplace, TypeDocument type, String titre) {
    }
}

package fr.centraleachat.marche.document.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rectificatif changes in the DCE: documents added, documents replaced by a new file (by number), documents
 * withdrawn. A document is replaced or withdrawn, not both, and at most once.
 */
public record ChangementsDuDce(List<NouveauDocument> ajouts, Map<Integer, FichierStocke> remplacements,
        Set<Integer> retraits) {

    public static final ChangementsDuDce AUCUN = new ChangementsDuDce(List.of(), Map.of(), Set.of());

    public ChangementsDuDce {
        ajouts = List.copyOf(ajouts);
        remplacements = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(remplacements));
        retraits = Set.copyOf(retraits);
        Set<Integer> deuxFois = new HashSet<>(remplacements.keySet());
        deuxFois.retainAll(retraits);
        if (!deuxFois.isEmpty()) {
            throw new ValeurInvalideException("retraits", "Un document ne peut être à la fois remplacé et retiré : "
                    + deuxFois + ".");
        }
    }

    public boolean estVide() {
        return ajouts.isEmpty() && remplacements.isEmpty() && retraits.isEmpty();
    }

    /** Every file these changes bring. */
    public List<FichierStocke> fichiers() {
        return java.util.stream.Stream.concat(ajouts.stream().map(NouveauDocument::fichier),
                remplacements.values().stream()).toList();
    }
}

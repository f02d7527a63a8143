package fr.centraleachat.catalogue.recherche.application;

import fr.centraleachat.catalogue.recherche.domain.EtatContrat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The catalogue's contracts and their price lists' versions as the store holds them now: what the index is
 * compared with and rebuilt from. Reads only what the search needs (no BPU, no consumption), so that going over
 * every contract stays cheap.
 */
public interface SourcesCatalogue {

    /** Every contract, one at a time. */
    void parcourir(Consumer<EtatContrat> traitement);

    Optional<EtatContrat> trouver(String numero);
}

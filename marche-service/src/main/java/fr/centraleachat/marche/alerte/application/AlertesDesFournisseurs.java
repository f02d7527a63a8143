package fr.centraleachat.marche.alerte.application;

import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.alerte.domain.AlertesFournisseur;
import java.util.List;
import java.util.Optional;

/** Where the suppliers' alert profiles are kept: one document per supplier. */
public interface AlertesDesFournisseurs {

    Optional<AlertesFournisseur> trouver(Siret fournisseur);

    /**
     * Stores the supplier's profiles over the version they were read at (a first save inserts them).
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if they were saved by someone else meanwhile
     */
    void enregistrer(AlertesFournisseur alertes);

    /** At most {@code taille} suppliers after {@code apres} (by SIRET; null for the first page) that have profiles. */
    List<AlertesFournisseur> pageApres(String apres, int taille);
}

package fr.centraleachat.marche.pli.application;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siret;
import java.time.Instant;
import java.util.List;

/** A pli in force at the opening, its offer data decrypted: what the analysis starts from. */
public record OffreOuverte(String numeroPli, Siret soumissionnaire, String raisonSociale, Montant prixHt,
        Instant recuLe, List<OffreDeposee.PrixUnitaire> prixUnitaires) {
}

package fr.centraleachat.marche.pli.application;

import fr.centraleachat.kernel.Montant;
import java.util.List;

/**
 * The offer data of a pli, sealed as a whole until the opening: the price (HT), the DUME reference of the
 * candidature if any, and the unit prices of the BPU items if the consultation has a BPU.
 */
public record OffreDeposee(Montant prixHt, String raisonSociale, String referenceDume, List<PrixUnitaire> prixUnitaires) {

    public OffreDeposee {
        prixUnitaires = prixUnitaires == null ? List.of() : List.copyOf(prixUnitaires);
    }

    public record PrixUnitaire(String reference, Montant prixUnitaireHt) {
    }
}

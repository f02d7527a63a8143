package fr.centraleachat.catalogue.commande.web;

import fr.centraleachat.catalogue.commande.domain.BonDeCommande;
import fr.centraleachat.catalogue.commande.domain.LigneCommande;
import fr.centraleachat.support.edition.DocumentPdf;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/** The purchase order as the titulaire receives it: who orders, on which contract, what, at what price, where. */
final class BonDeCommandePdf {

    private BonDeCommandePdf() {
    }

    static void ecrire(BonDeCommande bon, OutputStream sortie) throws IOException {
        DocumentPdf document = DocumentPdf.intitule("Bon de commande n° " + bon.numero())
                .ligne("Contrat : " + bon.numeroContrat())
                .ligne("Titulaire : SIRET " + bon.titulaire().valeur())
                .ligne("Organisme commanditaire : SIREN " + bon.siren().valeur())
                .ligne("Date de commande : " + bon.dateCommande() + " - état " + bon.statut())
                .ligne("Adresse de livraison : " + bon.adresseLivraison())
                .ligneVide()
                .ligne("Référence | Désignation | Quantité | Prix unitaire HT | TVA | Montant HT");
        for (LigneCommande ligne : bon.lignes()) {
            document.ligne(ligne.reference() + " | " + ligne.designation() + " | " + ligne.quantite().toPlainString()
                    + (ligne.unite() == null ? "" : " " + ligne.unite()) + " | " + euros(ligne.prixUnitaireHt())
                    + " | " + ligne.tauxTva().toPlainString() + " % | " + euros(ligne.montantHt()));
        }
        document.ligneVide()
                .ligne("Total HT : " + euros(bon.montantHt()))
                .ligne("TVA : " + euros(bon.montantTva()))
                .ligne("Total TTC : " + euros(bon.montantTtc()));
        if (bon.motifAnnulation() != null) {
            document.ligneVide().ligne("Annulé : " + bon.motifAnnulation());
        }
        document.ecrire(sortie);
    }

    private static String euros(BigDecimal montant) {
        return montant.toPlainString() + " EUR";
    }
}

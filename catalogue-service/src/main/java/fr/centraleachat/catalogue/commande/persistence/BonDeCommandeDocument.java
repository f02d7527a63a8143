package fr.centraleachat.catalogue.commande.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored form of an order; amounts and quantities as decimal strings. The outbox field belongs to the relay. */
@Document(BonDeCommandeDocument.COLLECTION)
public record BonDeCommandeDocument(@Id String id, String numeroContrat, String siren, String titulaireSiret,
        LocalDate dateCommande, List<LigneDocument> lignes, String adresseLivraison, String statut, String montantHt,
        Instant emisLe, LocalDate livreLe, Instant annuleLe, String motifAnnulation, long version) {

    public static final String COLLECTION = "bons_de_commande";

    public record LigneDocument(String reference, String designation, String unite, String quantite,
            String prixUnitaireHt, String tauxTva) {
    }
}

package fr.centraleachat.marche.analyse.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored form of a lot's analysis; amounts as decimal strings. */
@Document(AnalyseDocument.COLLECTION)
public record AnalyseDocument(@Id String id, String consultationId, int lot, String procedure,
        List<CritereDocument> criteres, String seuilPrixBasPourcent, List<OffreDocument> offres, int offresRecues,
        String statut, AttributionDocument attribution, RejetsDocument rejets, String raisonInfructueux,
        MarcheDocument marche, ResiliationDocument resiliation, List<AvenantDocument> avenants, long version) {

    /** An avenant; {@code montantHt} a signed decimal string. */
    public record AvenantDocument(int numero, String baseLegale, String montantHt, java.time.LocalDate nouvelleDateFin,
            String justification, java.time.LocalDate date, Instant le) {
    }

    public static final String COLLECTION = "analyses";

    public record ResiliationDocument(java.time.LocalDate dateEffet, String motif, Instant le) {
    }

    public record CritereDocument(String libelle, int ponderation, String type) {
    }

    public record OffreDocument(String numeroPli, String siret, String raisonSociale, String prixHt, Instant recuLe,
            List<NoteDocument> notes, String motifExclusion, String raisonExclusion, Boolean prixBasJustifie,
            String raisonPrixBas) {
    }

    /** A list, not a map: a criterion's label may hold characters a field name may not ('.', '$'). */
    public record NoteDocument(String critere, String valeur, String commentaire) {
    }

    public record AttributionDocument(String siret, String numeroPli, String justification, boolean choixHorsClassement,
            Instant le) {
    }

    public record MarcheDocument(String numero, String objet, String intituleLot, String titulaireSiret,
            String titulaireRaisonSociale, String forme, String formePrix, String montantHt, String montantMaximumHt,
            String montantMinimumHt, int dureeMois, java.time.LocalDate dateDebut, List<String> beneficiaires,
            String cpv, String familleAchat, String nature, String procedure, Instant datePublication,
            Instant dateNotification, int offresRecues, List<PrixUnitaireDocument> prixUnitaires, String groupementId,
            String coordonnateur) {
    }

    public record PrixUnitaireDocument(String reference, String prixUnitaireHt) {
    }

    public record RejetsDocument(Instant envoyesLe, boolean electronique, Instant finSuspension,
            List<LettreDocument> lettres) {
    }

    public record LettreDocument(String numeroPli, String siret, String fichierId, String nom, String typeContenu,
            long taille, String sha256) {
    }
}

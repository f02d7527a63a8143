package fr.centraleachat.contracts.marche;

import fr.centraleachat.contracts.Facultatif;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The marché of a lot was notified: the whole marché, what the catalogue and the DECP need. Amounts in euros HT.
 * Subject: the consultation id.
 *
 * @param forme {@code MARCHE_ORDINAIRE}, {@code ACCORD_CADRE_BONS_DE_COMMANDE} or {@code ACCORD_CADRE_MARCHES_SUBSEQUENTS}
 * @param formePrix {@code UNITAIRE}, {@code FORFAITAIRE} or {@code MIXTE}
 * @param montantMaximumHt the maximum of an accord-cadre (null for an ordinary marché)
 * @param familleAchat a {@code FamilleAchat} name; null for a consultation stored before it existed
 * @param groupementId the groupement de commandes the consultation was launched for; null when the centrale buys for
 *                     its members (added within v1, optional)
 * @param acheteurSiren the buyer recorded on the marché: the groupement's coordonnateur; null when the centrale buys
 *                      for its members (added within v1, optional)
 */
public record MarcheNotifieV1(String numero, String consultationId, int lot, String objet, String intituleLot,
        String titulaireSiret, @Facultatif String titulaireRaisonSociale, String forme, String formePrix,
        BigDecimal montantHt, @Facultatif BigDecimal montantMaximumHt, @Facultatif BigDecimal montantMinimumHt,
        int dureeMois, LocalDate dateDebut, LocalDate dateFin, List<String> beneficiaires, String cpv,
        @Facultatif String familleAchat, String nature, String procedure, Instant datePublication,
        Instant dateNotification, int offresRecues, List<PrixUnitaire> prixUnitaires, @Facultatif String groupementId,
        @Facultatif String acheteurSiren) {

    /** A marché the centrale buys for its members, outside any groupement de commandes. */
    public MarcheNotifieV1(String numero, String consultationId, int lot, String objet, String intituleLot,
            String titulaireSiret, String titulaireRaisonSociale, String forme, String formePrix, BigDecimal montantHt,
            BigDecimal montantMaximumHt, BigDecimal montantMinimumHt, int dureeMois, LocalDate dateDebut,
            LocalDate dateFin, List<String> beneficiaires, String cpv, String familleAchat, String nature,
            String procedure, Instant datePublication, Instant dateNotification, int offresRecues,
            List<PrixUnitaire> prixUnitaires) {
        this(numero, consultationId, lot, objet, intituleLot, titulaireSiret, titulaireRaisonSociale, forme, formePrix,
                montantHt, montantMaximumHt, montantMinimumHt, dureeMois, dateDebut, dateFin, beneficiaires, cpv,
                familleAchat, nature, procedure, datePublication, dateNotification, offresRecues, prixUnitaires, null,
                null);
    }

    public record PrixUnitaire(String reference, BigDecimal prixUnitaireHt) {
    }
}

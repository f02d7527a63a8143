package fr.centraleachat.contracts.marche;

import fr.centraleachat.contracts.Facultatif;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A consultation was published: suppliers may bid until {@code dlro}. Amounts are euros HT. Subject: the
 * consultation id.
 *
 * @param nature {@code FOURNITURES}, {@code SERVICES} or {@code TRAVAUX}
 * @param procedure {@code DISPENSE}, {@code MAPA} or {@code APPEL_OFFRES_OUVERT}, derived from the thresholds in
 *     force at publication
 * @param publiciteBoampOuJalRequise whether the procedure needs a notice in the BOAMP or a JAL (a MAPA from the
 *     publicity threshold, 90 000 € HT); added within v1, absent (null) in events published before it
 * @param familleAchat the famille d'achat bought for ({@code fr.centraleachat.kernel.FamilleAchat} names); added
 *     within v1, absent (null) in events published before it
 */
public record ConsultationPublieeV1(
        String consultationId,
        String objet,
        String nature,
        String cpvPrincipal,
        String procedure,
        BigDecimal valeurEstimeeTotale,
        Instant datePublication,
        Instant dlro,
        List<Lot> lots,
        List<Critere> criteres,
        List<String> beneficiaires,
        @Facultatif Boolean publiciteBoampOuJalRequise,
        @Facultatif String familleAchat) {

    /** The v1 payload as first published, without the fields added since. */
    public ConsultationPublieeV1(String consultationId, String objet, String nature, String cpvPrincipal,
            String procedure, BigDecimal valeurEstimeeTotale, Instant datePublication, Instant dlro, List<Lot> lots,
            List<Critere> criteres, List<String> beneficiaires) {
        this(consultationId, objet, nature, cpvPrincipal, procedure, valeurEstimeeTotale, datePublication, dlro, lots,
                criteres, beneficiaires, null, null);
    }

    /** The v1 payload before {@code familleAchat}. */
    public ConsultationPublieeV1(String consultationId, String objet, String nature, String cpvPrincipal,
            String procedure, BigDecimal valeurEstimeeTotale, Instant datePublication, Instant dlro, List<Lot> lots,
            List<Critere> criteres, List<String> beneficiaires, Boolean publiciteBoampOuJalRequise) {
        this(consultationId, objet, nature, cpvPrincipal, procedure, valeurEstimeeTotale, datePublication, dlro, lots,
                criteres, beneficiaires, publiciteBoampOuJalRequise, null);
    }

    public record Lot(int numero, String intitule, BigDecimal montantEstime, String cpv) {
    }

    /** @param type {@code PRIX}, {@code TECHNIQUE} or {@code AUTRE} */
    public record Critere(String libelle, int ponderation, String type) {
    }
}

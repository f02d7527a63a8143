package fr.centraleachat.contracts.marche;

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
        List<String> beneficiaires) {

    public record Lot(int numero, String intitule, BigDecimal montantEstime, String cpv) {
    }

    /** @param type {@code PRIX}, {@code TECHNIQUE} or {@code AUTRE} */
    public record Critere(String libelle, int ponderation, String type) {
    }
}

package fr.centraleachat.marche.pli.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One deposit of a supplier on a lot. Its price and other offer data are sealed ({@code offreScellee}: encrypted
 * with the consultation's key, unreadable until the plis are opened); its files are stored encrypted too. What is
 * in clear is what its accusé de réception shows: number, time of receipt, the files' names, sizes and SHA-256.
 */
public record Pli(String numero, Instant recuLe, StatutPli statut, List<PieceDeposee> pieces, byte[] offreScellee) {

    public Pli {
        if (numero == null || numero.isBlank()) {
            throw new IllegalArgumentException("numero");
        }
        Objects.requireNonNull(recuLe, "recuLe");
        Objects.requireNonNull(statut, "statut");
        pieces = List.copyOf(pieces);
        Objects.requireNonNull(offreScellee, "offreScellee");
        offreScellee = offreScellee.clone();
    }

    @Override
    public byte[] offreScellee() {
        return offreScellee.clone();
    }

    Pli avecStatut(StatutPli nouveau) {
        return new Pli(numero, recuLe, nouveau, pieces, offreScellee);
    }

    public boolean horsDelai() {
        return statut == StatutPli.HORS_DELAI;
    }

    /**
     * Whether its supplier must confirm it: it is in force and was received before the consultation's last
     * substantial rectificatif (the supplier confirms by filing a new pli, which replaces it). Derived, never stored.
     */
    public boolean aConfirmer(java.util.Optional<Instant> dernierRectificatifSubstantiel) {
        return statut == StatutPli.DEPOSE && dernierRectificatifSubstantiel.filter(recuLe::isBefore).isPresent();
    }

    @Override
    public boolean equals(Object autre) {
        return autre instanceof Pli p && p.numero.equals(numero) && p.recuLe.equals(recuLe) && p.statut == statut
                && p.pieces.equals(pieces) && Arrays.equals(p.offreScellee, offreScellee);
    }

    @Override
    public int hashCode() {
        return numero.hashCode();
    }

    /** Never prints the sealed offer. */
    @Override
    public String toString() {
        return "Pli[" + numero + ", " + statut + ", reçu " + recuLe + ", " + pieces.size() + " pièce(s)]";
    }
}

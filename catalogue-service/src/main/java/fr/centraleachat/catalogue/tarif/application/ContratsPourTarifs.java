package fr.centraleachat.catalogue.tarif.application;

import java.math.BigDecimal;
import java.util.List;

/**
 * What price lists need to know of the catalogue's contracts: whether a marché exists, and the unit prices of its
 * bordereau (BPU) as the winning pli gave them, to start a list from. The contracts of the catalogue provide it; a
 * default implementation reads the {@code contrats} collection until they do (declare another bean of this type
 * to replace it).
 */
public interface ContratsPourTarifs {

    boolean existe(String numeroContrat);

    /** The BPU's unit prices in the order of the bordereau; empty when the marché has none. */
    List<PrixBpu> prixDuBpu(String numeroContrat);

    /** One line of the winning pli's bordereau des prix unitaires. */
    record PrixBpu(String reference, BigDecimal prixUnitaireHt) {
    }
}

package fr.centraleachat.catalogue.recherche.domain;

import fr.centraleachat.catalogue.tarif.domain.HistoriqueTarif;
import fr.centraleachat.catalogue.tarif.domain.VersionTarif;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A contract as the store holds it now, with its price list's versions: what the index must reflect. Its
 * fingerprint on a day changes whenever what the index would hold for it changes (a field of the contract, or the
 * version in force on its reference day), and only then; comparing it with the one the index recorded tells
 * whether the contract must be indexed again.
 *
 * @param historique its price list's published versions; null when it has none
 */
public record EtatContrat(ContratIndexe contrat, HistoriqueTarif historique) {

    /** The version whose lines the index shows on that day, if one is in force on the contract's reference day. */
    public Optional<VersionTarif> versionEnVigueur(LocalDate aujourdhui) {
        return historique == null ? Optional.empty()
                : historique.enVigueurLe(contrat.jourDeReference(aujourdhui));
    }

    public String empreinte(LocalDate aujourdhui) {
        ContratIndexe c = contrat;
        String texte = String.join("\u001F", c.numero(), String.valueOf(c.objet()),
                String.valueOf(c.intituleLot()), c.titulaireSiret(), String.valueOf(c.titulaireNom()),
                String.join(",", c.beneficiaires()), String.valueOf(c.cpv()), String.valueOf(c.familleAchat()),
                c.dateDebut().toString(), c.dateFin().toString(), String.valueOf(c.resilieLe()),
                versionEnVigueur(aujourdhui).map(VersionTarif::id).orElse("-"));
        try {
            byte[] hache = MessageDigest.getInstance("SHA-256").digest(texte.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hache, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package fr.centraleachat.marche.opendata.domain;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.analyse.domain.Marche;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the DECP name as acheteur, by SIRET (the schema wants 14 digits): the centrale itself for what it buys for its
 * members; for a groupement de commandes, its coordonnateur (DECP: "le mandataire en charge d'effectuer la
 * procédure de passation"). The groupement events and the members' adhésions carry SIRENs only, so the
 * coordonnateurs' establishments are configuration (their head office, from the SIRENE register); a coordonnateur
 * that is the centrale's own body takes the centrale's SIRET.
 *
 * @param etablissements SIRET of each coordonnateur, by its SIREN
 */
public record AcheteursDecp(Siret centrale, Map<Siren, Siret> etablissements) {

    public AcheteursDecp {
        Objects.requireNonNull(centrale, "centrale");
        etablissements = Map.copyOf(etablissements == null ? Map.of() : etablissements);
        etablissements.forEach((siren, siret) -> {
            if (!siret.siren().equals(siren)) {
                throw new ValeurInvalideException("centrale.acheteur.sirets-coordonnateurs", "Le SIRET " + siret
                        + " n'est pas un établissement du SIREN " + siren + ".");
            }
        });
    }

    /** The acheteur's SIRET, empty for a coordonnateur whose establishment is not configured. */
    public Optional<Siret> siretDe(Marche marche) {
        Siren coordonnateur = marche.coordonnateur();
        if (coordonnateur == null || coordonnateur.equals(centrale.siren())) {
            return Optional.of(centrale);
        }
        return Optional.ofNullable(etablissements.get(coordonnateur));
    }

    /** Why {@link #siretDe} is empty, in French, naming the setting to add. */
    public String raisonSansSiret(Marche marche) {
        return "Le SIRET du coordonnateur du groupement (SIREN " + marche.coordonnateur() + "), acheteur des données"
                + " essentielles, n'est pas connu : renseignez centrale.acheteur.sirets-coordonnateurs."
                + marche.coordonnateur() + ".";
    }
}

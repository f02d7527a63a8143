package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.ValeurInvalideException;

/**
 * A lot of the consultation. {@code cpv} and {@code criteres} are optional: {@code null} means the consultation's
 * main CPV code and award criteria, which {@link #cpvOuPrincipal} and {@link #criteresOu} resolve.
 */
public record Lot(int numero, String intitule, Montant montantEstime, CodeCpv cpv, Criteres criteres) {

    public static final int LONGUEUR_MAX_INTITULE = 300;

    public Lot {
        if (numero < 1) {
            throw new ValeurInvalideException("lots", "Le numéro de lot doit être supérieur ou égal à 1 (reçu : " + numero + ").");
        }
        if (intitule == null || intitule.isBlank()) {
            throw new ValeurInvalideException("lots", "L'intitulé du lot n° " + numero + " est obligatoire.");
        }
        intitule = intitule.strip();
        if (intitule.length() > LONGUEUR_MAX_INTITULE) {
            throw new ValeurInvalideException("lots", "L'intitulé du lot n° " + numero + " ne doit pas dépasser "
                    + LONGUEUR_MAX_INTITULE + " caractères.");
        }
        if (montantEstime == null || montantEstime.valeurHt().signum() == 0) {
            throw new ValeurInvalideException("lots", "Le montant estimé du lot n° " + numero + " doit être strictement positif.");
        }
    }

    public Lot(int numero, String intitule, Montant montantEstime) {
        this(numero, intitule, montantEstime, null, null);
    }

    public Lot(int numero, String intitule, Montant montantEstime, CodeCpv cpv) {
        this(numero, intitule, montantEstime, cpv, null);
    }

    /** The criteria the lot's offers are judged on: its own, or else the consultation's. */
    public Criteres criteresOu(Criteres criteresDeLaConsultation) {
        return criteres != null ? criteres : criteresDeLaConsultation;
    }

    public CodeCpv cpvOuPrincipal(CodeCpv cpvPrincipal) {
        return cpv != null ? cpv : cpvPrincipal;
    }
}

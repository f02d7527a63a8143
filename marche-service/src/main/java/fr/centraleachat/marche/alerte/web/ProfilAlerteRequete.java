package fr.centraleachat.marche.alerte.web;

import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.alerte.application.ContenuProfil;
import fr.centraleachat.marche.alerte.domain.AdresseCourriel;
import fr.centraleachat.marche.alerte.domain.CriteresAlerte;
import fr.centraleachat.marche.alerte.domain.Departement;
import fr.centraleachat.marche.alerte.domain.MotCle;
import fr.centraleachat.marche.alerte.domain.PrefixeCpv;
import fr.centraleachat.marche.alerte.domain.ProfilAlerte;
import fr.centraleachat.marche.reglementation.Nature;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Body of creation and replacement of an alert profile. List bounds are checked first ({@link Bornes}), then each
 * element; the domain values check the rest (a CPV check digit, a département that exists).
 */
public record ProfilAlerteRequete(
        @NotBlank(message = "Le libellé du profil est obligatoire.")
        @Size(max = ProfilAlerte.LONGUEUR_MAX_LIBELLE, message = "Le libellé ne doit pas dépasser 100 caractères.")
        String libelle,
        @Schema(description = "Adresse où envoyer les alertes, et les courriers de la passation (réponses aux"
                + " questions, rectificatifs, lettres de rejet, notification)", format = "email",
                example = "appels-offres@entreprise.fr")
        @NotBlank(message = "L'adresse électronique est obligatoire.")
        @Size(max = AdresseCourriel.LONGUEUR_MAX, message = "L'adresse électronique ne doit pas dépasser 254"
                + " caractères.")
        String email,
        @Schema(description = "Codes CPV complets (30192000-1) ou préfixes de 2 à 8 chiffres (301, 30192) : le code"
                + " principal ou celui d'un lot doit commencer ainsi ; absent ou vide : tout code")
        @Size(max = CriteresAlerte.CPV_MAX, message = "Un profil compte au plus 50 codes ou préfixes CPV.",
                groups = Bornes.class)
        List<@NotBlank(message = "Un code CPV ne peut pas être vide.")
                @Size(max = 10, message = "Un code CPV compte au plus 10 caractères.") String> cpv,
        @Schema(description = "Natures suivies ; absent ou vide : toutes")
        @Size(max = 3, message = "Un profil compte au plus 3 natures.", groups = Bornes.class)
        List<@NotNull(message = "Une nature ne peut pas être vide.") Nature> natures,
        @Schema(description = "Mots ou expressions cherchés au début d'un mot de l'objet ou de l'intitulé d'un lot,"
                + " sans tenir compte des accents ni de la casse ; absent ou vide : aucun filtre")
        @Size(max = CriteresAlerte.MOTS_CLES_MAX, message = "Un profil compte au plus 20 mots-clés.",
                groups = Bornes.class)
        List<@NotBlank(message = "Un mot-clé ne peut pas être vide.")
                @Size(max = MotCle.LONGUEUR_MAX, message = "Un mot-clé compte au plus 50 caractères.") String> motsCles,
        @Schema(description = "Départements du lieu d'exécution (21, 2A, 971…) ; absent ou vide : tous")
        @Size(max = CriteresAlerte.DEPARTEMENTS_MAX, message = "Un profil compte au plus 20 départements.",
                groups = Bornes.class)
        List<@NotBlank(message = "Un département ne peut pas être vide.")
                @Size(min = 2, max = 3, message = "Un code de département compte 2 ou 3 caractères.") String> departements) {

    /** The list bounds, checked before anything else. */
    public interface Bornes {
    }

    /** Validation order: the bounds, then (only if they hold) every element. */
    @GroupSequence({Bornes.class, Default.class})
    public interface Ordre {
    }

    ContenuProfil versContenu() {
        return new ContenuProfil(libelle.strip(), new AdresseCourriel(email), new CriteresAlerte(
                chacun(cpv, "cpv", PrefixeCpv::new),
                natures == null ? List.of() : natures,
                chacun(motsCles, "motsCles", m -> new MotCle(m.strip())),
                chacun(departements, "departements", Departement::new)));
    }

    /** Each element converted, an invalid one named by its index. */
    private static <T> List<T> chacun(List<String> valeurs, String champ, Function<String, T> conversion) {
        List<T> resultat = new ArrayList<>();
        if (valeurs == null) {
            return resultat;
        }
        for (int i = 0; i < valeurs.size(); i++) {
            try {
                resultat.add(conversion.apply(valeurs.get(i)));
            } catch (ValeurInvalideException e) {
                throw new ValeurInvalideException(champ + "[" + i + "]", e.getMessage());
            }
        }
        return resultat;
    }
}

package fr.centraleachat.marche.alerte.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.reglementation.Nature;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a profile looks for. A consultation matches when every criterion the profile sets matches; a criterion left
 * empty matches everything (a profile without any criterion receives every publication).
 *
 * @param cpv          the consultation's main code or a lot's code is at or below one of these nodes
 * @param natures      the consultation's nature is one of these
 * @param motsCles     one of these starts a word of the objet or of a lot's title (accents and case ignored)
 * @param departements the place of execution is in one of these
 */
public record CriteresAlerte(List<PrefixeCpv> cpv, List<Nature> natures, List<MotCle> motsCles,
        List<Departement> departements) {

    public static final int CPV_MAX = 50;
    public static final int MOTS_CLES_MAX = 20;
    public static final int DEPARTEMENTS_MAX = 20;

    public CriteresAlerte {
        cpv = sansDoublons(cpv, CPV_MAX, "cpv", "codes ou préfixes CPV");
        natures = natures == null ? List.of() : List.copyOf(natures.isEmpty() ? EnumSet.noneOf(Nature.class)
                : EnumSet.copyOf(natures));
        motsCles = sansDoublons(motsCles, MOTS_CLES_MAX, "motsCles", "mots-clés");
        departements = sansDoublons(departements, DEPARTEMENTS_MAX, "departements", "départements");
    }

    public static CriteresAlerte aucun() {
        return new CriteresAlerte(List.of(), List.of(), List.of(), List.of());
    }

    public boolean correspond(AvisConsultation avis) {
        return (cpv.isEmpty() || avis.codesCpv().anyMatch(code -> cpv.stream().anyMatch(p -> p.couvre(code))))
                && (natures.isEmpty() || natures.contains(avis.nature()))
                && (motsCles.isEmpty() || avis.textesNormalises().anyMatch(texte ->
                        motsCles.stream().anyMatch(m -> m.figureDans(texte))))
                && (departements.isEmpty() || departements.contains(avis.departement()));
    }

    private static <T> List<T> sansDoublons(List<T> valeurs, int max, String champ, String quoi) {
        if (valeurs == null) {
            return List.of();
        }
        if (valeurs.size() > max) {
            throw new ValeurInvalideException(champ, "Un profil d'alerte compte au plus " + max + " " + quoi + ".");
        }
        return List.copyOf(new LinkedHashSet<>(valeurs));
    }
}

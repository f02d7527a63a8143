package fr.centraleachat.marche.membre.application;

import fr.centraleachat.support.membre.Membres;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.membre.Membre;
import fr.centraleachat.kernel.membre.StatutMembre;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Which bodies may benefit from a consultation: registered members whose adhésion is active, as this service's
 * projection of the adhesion events knows them.
 */
@Service
public class AdhesionsActives {

    private final Membres membres;

    public AdhesionsActives(Membres membres) {
        this.membres = membres;
    }

    /**
     * The SIRENs among {@code sirens} that may not benefit, in the order given, each with why (in French, for the
     * acheteur); empty when all may.
     */
    public Map<Siren, String> refusParmi(List<Siren> sirens) {
        Map<Siren, Membre> connus = membres.parmi(sirens).stream()
                .collect(Collectors.toMap(Membre::siren, Function.identity()));
        Map<Siren, String> refus = new LinkedHashMap<>();
        for (Siren siren : sirens) {
            Membre membre = connus.get(siren);
            if (membre == null || membre.description().isEmpty()) {
                refus.put(siren, "aucune adhésion active connue à la centrale");
            } else if (!membre.estActif()) {
                refus.put(siren, "adhésion " + libelle(membre.statut().orElse(null)));
            }
        }
        return refus;
    }

    private static String libelle(StatutMembre statut) {
        if (statut == null) {
            return "non active";
        }
        return switch (statut) {
            case SUSPENDUE -> "suspendue";
            case RESILIEE -> "résiliée";
            case ACTIVE -> "active";
        };
    }
}

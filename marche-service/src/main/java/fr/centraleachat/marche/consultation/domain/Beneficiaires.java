package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Members (by SIREN) entitled to use the contracts that come out of the consultation. */
public record Beneficiaires(List<Siren> membres) {

    public Beneficiaires {
        membres = Listes.copieNonVide(membres, "beneficiaires", "Au moins un membre bénéficiaire est requis.");
        Set<Siren> vus = new HashSet<>();
        for (Siren siren : membres) {
            if (!vus.add(siren)) {
                throw new ValeurInvalideException("beneficiaires", "Le membre " + siren
                        + " figure plusieurs fois parmi les bénéficiaires.");
            }
        }
    }

    public static Beneficiaires de(Siren... membres) {
        return new Beneficiaires(List.of(membres));
    }

    public boolean inclut(Siren membre) {
        return membres.contains(membre);
    }
}

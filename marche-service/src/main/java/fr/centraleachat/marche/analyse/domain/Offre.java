package fr.centraleachat.marche.analyse.domain;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siret;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An opened offer on a lot, as the analysis sees it: who, the price it stated, when it was received, and what the
 * acheteur decided about it (scores per non-price criterion, exclusion, decision on an abnormally low price).
 */
public record Offre(String numeroPli, Siret soumissionnaire, String raisonSociale, Montant prixHt, Instant recuLe,
        Map<String, Note> notes, Exclusion exclusion, DecisionPrixBas decisionPrixBas) {

    /** Why the offer left the analysis. */
    public record Exclusion(MotifExclusion motif, String raison) {
        public Exclusion {
            Objects.requireNonNull(motif, "motif");
            raison = Textes.exiger(raison, "raison", "Le motif de l'exclusion doit être expliqué.");
        }
    }

    /** The acheteur's examination of an abnormally low price: justified (kept) or not (excluded). */
    public record DecisionPrixBas(boolean justifiee, String raison) {
        public DecisionPrixBas {
            raison = Textes.exiger(raison, "raison", "La décision sur l'offre anormalement basse doit être motivée.");
        }
    }

    public Offre {
        Objects.requireNonNull(numeroPli, "numeroPli");
        Objects.requireNonNull(soumissionnaire, "soumissionnaire");
        Objects.requireNonNull(prixHt, "prixHt");
        Objects.requireNonNull(recuLe, "recuLe");
        notes = Map.copyOf(notes == null ? Map.of() : notes);
    }

    public boolean admise() {
        return exclusion == null;
    }

    public Optional<Exclusion> exclusionEventuelle() {
        return Optional.ofNullable(exclusion);
    }

    Offre noter(String critere, Note note) {
        java.util.Map<String, Note> toutes = new java.util.LinkedHashMap<>(notes);
        toutes.put(critere, note);
        return new Offre(numeroPli, soumissionnaire, raisonSociale, prixHt, recuLe, toutes, exclusion, decisionPrixBas);
    }

    Offre exclure(Exclusion motif) {
        return new Offre(numeroPli, soumissionnaire, raisonSociale, prixHt, recuLe, notes, motif, decisionPrixBas);
    }

    Offre decider(DecisionPrixBas decision) {
        return new Offre(numeroPli, soumissionnaire, raisonSociale, prixHt, recuLe, notes, exclusion, decision);
    }
}

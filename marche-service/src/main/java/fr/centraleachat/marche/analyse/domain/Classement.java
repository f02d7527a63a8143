package fr.centraleachat.marche.analyse.domain;

import fr.centraleachat.kernel.Siret;
import java.math.BigDecimal;
import java.util.Map;

/** An admitted offer's place: its score per criterion (price computed, others as scored), total and rank. */
public record Classement(int rang, String numeroPli, Siret soumissionnaire, BigDecimal noteTotale,
        Map<String, BigDecimal> notesParCritere) {
}

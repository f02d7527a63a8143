package fr.centraleachat.marche.consultation.domain;

import java.util.EnumSet;
import java.util.Set;

public enum StatutConsultation {
    BROUILLON,
    PUBLIEE,
    CLOTUREE,
    EN_ANALYSE,
    ATTRIBUEE,
    NOTIFIEE,
    SANS_SUITE;

    /** States from which the consultation may still be declared sans suite. */
    public static final Set<StatutConsultation> OUVERTS = Set.copyOf(EnumSet.of(BROUILLON, PUBLIEE, CLOTUREE, EN_ANALYSE));

    /** States reached only through publication, hence carrying a procedure and a publication date. */
    static final Set<StatutConsultation> PUBLIES = Set.copyOf(EnumSet.of(PUBLIEE, CLOTUREE, EN_ANALYSE, ATTRIBUEE, NOTIFIEE));
}

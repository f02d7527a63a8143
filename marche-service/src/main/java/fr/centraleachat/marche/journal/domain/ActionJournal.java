package fr.centraleachat.marche.journal.domain;

/**
 * What a journal entry records: each decision taken on a consultation. Sensitive reads (DCE downloads) and the
 * later steps (plis, scores, exclusions, rejection letters) add their own values when they exist.
 */
public enum ActionJournal {
    CREATION,
    MODIFICATION,
    SUPPRESSION,
    PUBLICATION,
    RECTIFICATIF,
    CLOTURE,
    OUVERTURE_DES_PLIS,
    SANS_SUITE,
    ATTRIBUTION,
    NOTIFICATION,
    RESILIATION,
    AVENANT,
    NOTATION,
    EXCLUSION,
    EXAMEN_PRIX_BAS,
    INFRUCTUEUX,
    ENVOI_REJETS,
    LETTRE_DE_REJET,
    PLI_DEPOSE,
    PLI_REMPLACE,
    PLI_RETIRE
}

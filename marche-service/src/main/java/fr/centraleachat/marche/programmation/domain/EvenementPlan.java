package fr.centraleachat.marche.programmation.domain;

import fr.centraleachat.kernel.Siren;

/** What happened to an annual plan (past tense); stays inside the service unless translated. */
public sealed interface EvenementPlan {

    int annee();

    record ProcedureAjoutee(int annee, String procedureId) implements EvenementPlan {
    }

    record ProcedureLancee(int annee, String procedureId, String consultationId) implements EvenementPlan {
    }

    record ProcedureAbandonnee(int annee, String procedureId) implements EvenementPlan {
    }

    record BesoinPropose(int annee, String besoinId, Siren membre) implements EvenementPlan {
    }

    record BesoinAccepte(int annee, String besoinId, String procedureId) implements EvenementPlan {
    }

    record BesoinRefuse(int annee, String besoinId) implements EvenementPlan {
    }
}

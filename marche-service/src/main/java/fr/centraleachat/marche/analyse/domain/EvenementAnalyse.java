package fr.centraleachat.marche.analyse.domain;

import fr.centraleachat.kernel.Siret;
import java.time.Instant;

/** What happened in the analysis of a lot (past tense); stays inside the service unless translated. */
public sealed interface EvenementAnalyse {

    String consultationId();

    int lot();

    record OffreNotee(String consultationId, int lot, String numeroPli, String critere) implements EvenementAnalyse {
    }

    record OffreExclue(String consultationId, int lot, String numeroPli, MotifExclusion motif)
            implements EvenementAnalyse {
    }

    record PrixBasExamine(String consultationId, int lot, String numeroPli, boolean justifie)
            implements EvenementAnalyse {
    }

    record LotAttribue(String consultationId, int lot, Siret titulaire, boolean choixHorsClassement, Instant le)
            implements EvenementAnalyse {
    }

    record LotInfructueux(String consultationId, int lot, String raison, Instant le) implements EvenementAnalyse {
    }

    record RejetsEnvoyes(String consultationId, int lot, Instant le, Instant finSuspension)
            implements EvenementAnalyse {
    }

    record AvenantConclu(String consultationId, int lot, String numeroMarche, int numeroAvenant, Instant le)
            implements EvenementAnalyse {
    }

    record MarcheResilie(String consultationId, int lot, String numeroMarche, java.time.LocalDate dateEffet, Instant le)
            implements EvenementAnalyse {
    }

    record LotNotifie(String consultationId, int lot, String numeroMarche, Instant le) implements EvenementAnalyse {
    }
}

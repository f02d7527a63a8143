package fr.centraleachat.diffusion.flux.application;

import fr.centraleachat.diffusion.flux.domain.Curseur;
import fr.centraleachat.diffusion.flux.domain.EvenementJournalise;
import fr.centraleachat.diffusion.flux.domain.FiltreFlux;
import fr.centraleachat.diffusion.flux.domain.PageFlux;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Reads the journal after a cursor. The journal is read by windows of consecutive positions, so a read costs the
 * store the same whatever the journal's length; a filter that matches little stops after {@link #EXAMINES_MAX}
 * positions and hands back a cursor past what it examined, so the next read goes on from there.
 */
@Service
public class LectureFlux {

    public static final int LIMITE_MAX = 1000;
    public static final int LIMITE_PAR_DEFAUT = 100;
    static final int FENETRE = 1000;
    static final int EXAMINES_MAX = 10_000;

    private final JournalEvenements journal;

    public LectureFlux(JournalEvenements journal) {
        this.journal = journal;
    }

    public PageFlux lire(Curseur apres, Integer limiteDemandee, FiltreFlux filtre) {
        int limite = limite(limiteDemandee);
        long tete = journal.tete();
        if (apres.position() > tete) {
            throw new ValeurInvalideException("after", "Ce curseur désigne une position au-delà du journal : "
                    + "reprenez avec le curseur donné par une réponse du flux.");
        }
        List<EvenementJournalise> retenus = new ArrayList<>();
        long position = apres.position();
        long fin = Math.min(tete, position + EXAMINES_MAX);
        while (position < fin) {
            long jusqua = Math.min(fin, position + FENETRE);
            for (EvenementJournalise evenement : journal.entre(position, jusqua, filtre)) {
                retenus.add(evenement);
                if (retenus.size() == limite) {
                    return new PageFlux(retenus, new Curseur(evenement.position()), evenement.position() >= tete);
                }
            }
            position = jusqua;
        }
        return new PageFlux(retenus, new Curseur(position), position >= tete);
    }

    private static int limite(Integer demandee) {
        if (demandee == null) {
            return LIMITE_PAR_DEFAUT;
        }
        if (demandee < 1 || demandee > LIMITE_MAX) {
            throw new ValeurInvalideException("limit", "La limite doit être comprise entre 1 et " + LIMITE_MAX + ".");
        }
        return demandee;
    }
}

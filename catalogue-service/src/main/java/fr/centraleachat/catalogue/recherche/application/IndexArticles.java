package fr.centraleachat.catalogue.recherche.application;

import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.recherche.domain.ContratIndexe;
import fr.centraleachat.catalogue.recherche.domain.CritereRecherche;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche;
import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * This instance's full-text index of the items in force: derived data, rebuilt from the store whenever missing,
 * never shared with another instance. Writes are made by one thread ({@link MiseAJourIndex}) and become visible
 * to searches, all of a contract's at once, on {@link #publier}.
 */
public interface IndexArticles {

    /**
     * True when the index held a complete catalogue when it was opened (a restart), or once its first build
     * is over; searches are refused before, rather than answered from a partial index.
     */
    boolean pret();

    /** Marks the first build over. */
    void marquerPret();

    /**
     * The fingerprint recorded for each contract the index holds (see {@code EtatContrat#empreinte}): a live,
     * read-only view.
     */
    Map<String, String> empreintes();

    /** What the index holds of a contract, for the results' display. */
    Optional<ContratIndexe> contrat(String numero);

    /**
     * Replaces everything held for the contract by its description and the lines {@code source} hands to the
     * consumer it is given (none when no version is in force). Not visible before {@link #publier}.
     *
     * @return the number of lines indexed
     */
    long remplacer(ContratIndexe contrat, String empreinte, Consumer<Consumer<LigneTarif>> source);

    void supprimer(String numero);

    /** Makes the changes made so far visible to searches; {@code durable}: also commits them to disk. */
    void publier(boolean durable);

    /**
     * Searches the items of the contracts within the perimeter whose status on {@code aujourdhui} is the one
     * asked (by default: not ended).
     *
     */
    ResultatRecherche rechercher(CritereRecherche critere, Contrats.Perimetre perimetre, LocalDate aujourdhui);
}

package fr.centraleachat.catalogue.tarif.application;

import fr.centraleachat.catalogue.tarif.domain.HistoriqueTarif;
import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import fr.centraleachat.catalogue.tarif.domain.ReglesTarif;
import fr.centraleachat.catalogue.tarif.domain.VersionTarif;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.support.json.DatesBornees;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Reads contracts' price lists: their history, and the prices in force on a date. This is the API the rest of the
 * catalogue uses (an order is priced with the version in force on its date: {@link #prix}; a search walks every
 * line in force: {@link #parcourir}); the web reads go through it too.
 */
@Service
public class TarifsEnVigueur {

    private final Tarifs tarifs;
    private final ContratsPourTarifs contrats;
    private final Clock horloge;

    public TarifsEnVigueur(Tarifs tarifs, ContratsPourTarifs contrats, Clock horloge) {
        this.tarifs = tarifs;
        this.contrats = contrats;
        this.horloge = horloge;
    }

    /** The price of one article of the contract on that date, from the version then in force. */
    public Optional<LigneTarif> prix(String numeroContrat, String reference, LocalDate date) {
        return versionEnVigueur(numeroContrat, date).flatMap(version -> tarifs.ligne(version.id(), reference));
    }

    /** The version of the contract's list in force on that date, if any. */
    public Optional<VersionTarif> versionEnVigueur(String numeroContrat, LocalDate date) {
        return tarifs.historique(numeroContrat).flatMap(historique -> historique.enVigueurLe(date));
    }

    /**
     * Hands every line of the version in force on that date to {@code traitement}, in the file's order, as they are
     * read from the store (any number of lines, constant memory).
     *
     * @return the version whose lines were handed; empty when none is in force (nothing handed)
     */
    public Optional<VersionTarif> parcourir(String numeroContrat, LocalDate date, Consumer<LigneTarif> traitement) {
        Optional<VersionTarif> version = versionEnVigueur(numeroContrat, date);
        version.ifPresent(v -> tarifs.parcourir(v.id(), traitement));
        return version;
    }

    /** Every line of one version, in the file's order, as they are read. */
    public void parcourir(VersionTarif version, Consumer<LigneTarif> traitement) {
        tarifs.parcourir(version.id(), traitement);
    }

    /** Every published version, in publication order; 404 for an unknown contract. */
    public List<VersionTarif> versions(String numeroContrat) {
        exigerContrat(numeroContrat);
        return tarifs.historique(numeroContrat).map(HistoriqueTarif::versions).orElse(List.of());
    }

    public VersionTarif version(String numeroContrat, int numero) {
        exigerContrat(numeroContrat);
        return tarifs.historique(numeroContrat).flatMap(h -> h.version(numero)).orElseThrow(() ->
                new RessourceIntrouvableException("Le marché " + numeroContrat + " n'a pas de version " + numero
                        + " de sa liste de prix."));
    }

    /** The version in force on the date (today in Paris when none is given); 404 when there is none. */
    public VersionTarif exigerVersionEnVigueur(String numeroContrat, Optional<LocalDate> date) {
        exigerContrat(numeroContrat);
        LocalDate jour = date.orElseGet(this::aujourdhui);
        return versionEnVigueur(numeroContrat, jour).orElseThrow(() -> new RessourceIntrouvableException(
                "Aucune liste de prix du marché " + numeroContrat + " n'est en vigueur le " + jour + "."));
    }

    /** One page of a version's lines, in the file's order. */
    public PageVue<LigneTarif> lignes(VersionTarif version, PageDemandee page) {
        return new PageVue<>(tarifs.lignes(version.id(), page.decalage(), page.taille()), page.page(), page.taille(),
                version.lignes());
    }

    public LocalDate aujourdhui() {
        return LocalDate.ofInstant(horloge.instant(), DatesBornees.PARIS);
    }

    private void exigerContrat(String numeroContrat) {
        ReglesTarif.numeroContrat(numeroContrat);
        if (!contrats.existe(numeroContrat)) {
            throw new RessourceIntrouvableException("Aucun marché de numéro " + numeroContrat + ".");
        }
    }
}

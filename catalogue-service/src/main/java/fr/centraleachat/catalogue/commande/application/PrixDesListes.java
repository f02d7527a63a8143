package fr.centraleachat.catalogue.commande.application;

import fr.centraleachat.catalogue.tarif.application.TarifsEnVigueur;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Orders are priced from the contract's price list, in the version in force on the order's date. */
@Component
class PrixDesListes implements PrixEnVigueur {

    private final TarifsEnVigueur tarifs;

    PrixDesListes(TarifsEnVigueur tarifs) {
        this.tarifs = tarifs;
    }

    @Override
    public Optional<Article> prix(String numeroContrat, String reference, LocalDate date) {
        return tarifs.prix(numeroContrat, reference, date).map(l -> new Article(l.reference(), l.designation(),
                l.unite(), l.prixUnitaireHt(), l.tauxTva()));
    }
}

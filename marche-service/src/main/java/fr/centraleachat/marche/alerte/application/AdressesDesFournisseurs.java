package fr.centraleachat.marche.alerte.application;

import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.alerte.domain.AdresseCourriel;
import fr.centraleachat.marche.alerte.domain.AlertesFournisseur;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where to write to a supplier about a procedure it takes part in. Tokens carry no e-mail address, nor do DCE
 * downloads or plis; the addresses a supplier gave in its alert profiles are the ones it asked the centrale to write
 * to, so they serve for the passation's mails too.
 */
@Component
public class AdressesDesFournisseurs {

    private final AlertesDesFournisseurs alertes;

    AdressesDesFournisseurs(AlertesDesFournisseurs alertes) {
        this.alertes = alertes;
    }

    /** The supplier's addresses, once each (none when it keeps no profile). */
    public List<String> de(Siret fournisseur) {
        return alertes.trouver(fournisseur).map(AlertesFournisseur::adresses).orElse(List.of()).stream()
                .map(AdresseCourriel::valeur).toList();
    }
}

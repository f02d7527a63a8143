package fr.centraleachat.catalogue.tarif.application;

import fr.centraleachat.catalogue.contrat.application.Contrats;
import java.util.List;
import org.springframework.stereotype.Component;

/** Price lists belong to the catalogue's contracts: a list exists for a known contract, its draft starts from the BPU. */
@Component
class ContratsDuCatalogue implements ContratsPourTarifs {

    private final Contrats contrats;

    ContratsDuCatalogue(Contrats contrats) {
        this.contrats = contrats;
    }

    @Override
    public boolean existe(String numeroContrat) {
        return contrats.trouver(numeroContrat).isPresent();
    }

    @Override
    public List<PrixBpu> prixDuBpu(String numeroContrat) {
        return contrats.trouver(numeroContrat).map(c -> c.prixUnitaires().stream()
                .map(p -> new PrixBpu(p.reference(), p.prixUnitaireHt().valeurHt())).toList()).orElse(List.of());
    }
}

package fr.centraleachat.catalogue.contrat;

import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.catalogue.recherche.application.MiseAJourIndex;
import fr.centraleachat.catalogue.tarif.application.ServiceTarifs;
import fr.centraleachat.catalogue.tarif.application.TarifsEnVigueur;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.test.JetonsDeTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.test.context.TestComponent;

/** A marché with a one-version price list, so that the contract tests reach the price-list reads' content. */
@TestComponent
class TarifSeme {

    static final String NUMERO = "2027-0042-L1";

    private final Contrats contrats;
    private final ServiceTarifs service;
    private final TarifsEnVigueur tarifs;
    private final MiseAJourIndex index;

    TarifSeme(Contrats contrats, ServiceTarifs service, TarifsEnVigueur tarifs, MiseAJourIndex index) {
        this.contrats = contrats;
        this.service = service;
        this.tarifs = tarifs;
        this.index = index;
    }

    /** Seeds the marché and its list, then waits until the search index holds them. */
    void semerEtIndexer() throws Exception {
        semer();
        attendreIndex();
    }

    /**
     * The marché as its notification creates it (titulaire 55210055400013, Talant its only beneficiary, in force
     * from 2020 to 2100), then its price list.
     */
    private void semer() throws Exception {
        contrats.enregistrerNotification(new Contrat(NUMERO, "c-semis", 1, "Fournitures de bureau", "Papier",
                new Siret("55210055400013"), "Papeterie de Bourgogne", Contrat.ACCORD_CADRE_BONS_DE_COMMANDE,
                "UNITAIRE", Montant.de(9800), Montant.de(60000), null, LocalDate.of(2020, 1, 1),
                LocalDate.of(2100, 12, 31), List.of(new Siren(JetonsDeTest.SIREN_TALANT)), null,
                FamilleAchat.FOURNITURES_ADMINISTRATIVES, "FOURNITURES", "MAPA", null,
                List.of(new Contrat.PrixBpu("PAP-A4", Montant.de("3.20"))), null, null), "semis-" + NUMERO);
        if (!tarifs.versions(NUMERO).isEmpty()) {
            return;
        }
        String csv = "référence;désignation;unité;conditionnement;prix unitaire HT;taux de TVA;CPV\n"
                + "PAP-A4;Ramette papier A4 80 g;ramette;carton de 5;3,20;20;30197630-1\n"
                + "STY-BL;Stylo bille bleu;pièce;boîte de 50;0,1234;20;\n";
        service.importer(NUMERO, LocalDate.of(2020, 1, 1), "tarif.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                new Acteur("acheteur-semis", Set.of(Role.ACHETEUR), Optional.empty(), Optional.empty(), Set.of()));
    }

    /** Waits until the search index reflects every write made so far (the seed included). */
    void attendreIndex() {
        index.signaler(NUMERO);
        try {
            if (!index.attendre(Duration.ofSeconds(60))) {
                throw new IllegalStateException("search index still busy after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package fr.centraleachat.catalogue.contrat;

import fr.centraleachat.catalogue.tarif.application.ServiceTarifs;
import fr.centraleachat.catalogue.tarif.application.TarifsEnVigueur;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A marché with a one-version price list, so that the contract tests reach the price-list reads' content. */
final class TarifSeme {

    static final String NUMERO = "2027-0042-L1";

    private TarifSeme() {
    }

    static void semer(MongoTemplate mongo, ServiceTarifs service, TarifsEnVigueur tarifs) throws Exception {
        mongo.save(new Document("_id", NUMERO).append("prixUnitaires", List.of(
                new Document("reference", "PAP-A4").append("prixUnitaireHt", "3.20"))), "contrats");
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
}

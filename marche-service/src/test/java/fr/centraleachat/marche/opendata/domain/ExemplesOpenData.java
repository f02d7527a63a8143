package fr.centraleachat.marche.opendata.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.analyse.domain.Avenant;
import fr.centraleachat.marche.analyse.domain.BaseLegaleAvenant;
import fr.centraleachat.marche.analyse.domain.FormeMarche;
import fr.centraleachat.marche.analyse.domain.FormePrix;
import fr.centraleachat.marche.analyse.domain.Marche;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Test data of the open data: marchés of every kind the service notifies, their avenants, the acheteurs. */
final class ExemplesOpenData {

    static final Siret CENTRALE = new Siret("24210041000016");
    static final Siren VILLE_DE_DIJON = new Siren("212102313");
    static final Siret SIEGE_VILLE_DE_DIJON = new Siret("21210231300013");
    static final Siren TALANT = new Siren("212106173");
    static final Siret TITULAIRE = new Siret("73282932000074");
    static final AcheteursDecp ACHETEURS = new AcheteursDecp(CENTRALE, Map.of(VILLE_DE_DIJON, SIEGE_VILLE_DE_DIJON));
    static final Decp.LieuExecution COTE_D_OR = new Decp.LieuExecution("21", "Code département");
    static final Instant NOTIFICATION = paris("2027-02-10T15:30");
    static final LocalDate AUJOURDHUI = LocalDate.of(2027, 3, 1);

    private ExemplesOpenData() {
    }

    static Instant paris(String dateHeure) {
        return LocalDateTime.parse(dateHeure).atZone(HeureDeParis.FUSEAU).toInstant();
    }

    /** A marché of the centrale; {@code maximum} only for an accord-cadre. */
    static Marche marche(FormeMarche forme, FormePrix formePrix, Nature nature, Procedure procedure, String montant,
            String maximum) {
        return marche(forme, formePrix, nature, procedure, montant, maximum, null, null);
    }

    static Marche marche(FormeMarche forme, FormePrix formePrix, Nature nature, Procedure procedure, String montant,
            String maximum, String groupementId, Siren coordonnateur) {
        return new Marche("2027-0042-L1", "5f0c8a4e-5a7d-4b58-9d3a-0f9a7a0d2c11", 1, "Fournitures de bureau pour les"
                + " membres", "Papier", TITULAIRE, "Papeterie de Bourgogne", forme, formePrix, Montant.de(montant),
                maximum == null ? null : Montant.de(maximum), null, forme.estAccordCadre() ? 48 : 12,
                LocalDate.of(2027, 3, 1), List.of(VILLE_DE_DIJON, TALANT),
                new CodeCpv(nature == Nature.TRAVAUX ? "45000000-7" : "30192000-1"),
                FamilleAchat.FOURNITURES_ADMINISTRATIVES, nature, procedure, paris("2026-12-01T10:00"), NOTIFICATION, 3,
                List.of(), groupementId, coordonnateur);
    }

    static Marche ordinaire() {
        return marche(FormeMarche.MARCHE_ORDINAIRE, FormePrix.FORFAITAIRE, Nature.FOURNITURES, Procedure.MAPA,
                "150000", null);
    }

    static Marche accordCadre() {
        return marche(FormeMarche.ACCORD_CADRE_BONS_DE_COMMANDE, FormePrix.UNITAIRE, Nature.FOURNITURES,
                Procedure.APPEL_OFFRES_OUVERT, "95000", "400000");
    }

    static Avenant avenant(int numero, BaseLegaleAvenant base, String montant, LocalDate nouvelleFin, LocalDate date) {
        return new Avenant(numero, base, new BigDecimal(montant), nouvelleFin, "Besoin apparu en cours d'exécution.",
                date, date.atTime(11, 0).atZone(HeureDeParis.FUSEAU).toInstant());
    }
}

package fr.centraleachat.catalogue.contrat.persistence;

import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.contrat.domain.Consommation;
import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.support.messaging.EvenementsAppliques;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per contract (id = the marché number). The marché's data are written by the projection; the
 * consumption ({@code consommation}: maximum, consumed and remaining in cents, thresholds reached) only at creation
 * and then by the orders, each change one conditional single-document update.
 */
@Repository
class ContratsMongo implements Contrats {

    static final String COLLECTION = "contrats";

    private final MongoTemplate mongo;
    private final EvenementsAppliques evenementsAppliques;

    ContratsMongo(MongoTemplate mongo, EvenementsAppliques evenementsAppliques) {
        this.mongo = mongo;
        this.evenementsAppliques = evenementsAppliques;
    }

    @Override
    public Optional<Contrat> trouver(String numero) {
        return Optional.ofNullable(mongo.findById(numero, Document.class, COLLECTION)).map(ContratsMongo::lire);
    }

    @Override
    public boolean enregistrerNotification(Contrat c, String evenementId) {
        long maximum = Consommation.centimes(c.consommation().maximum());
        Update modification = new Update()
                .set("consultationId", c.consultationId()).set("lot", c.lot()).set("objet", c.objet())
                .set("intituleLot", c.intituleLot()).set("titulaireSiret", c.titulaireSiret().valeur())
                .set("titulaireRaisonSociale", c.titulaireRaisonSociale()).set("forme", c.forme())
                .set("formePrix", c.formePrix()).set("montantHt", texte(c.montantHt()))
                .set("montantMaximumHt", texte(c.montantMaximumHt())).set("montantMinimumHt", texte(c.montantMinimumHt()))
                .set("dateDebut", c.dateDebut().toString()).set("dateFin", c.dateFin().toString())
                .set("beneficiaires", c.beneficiaires().stream().map(Siren::valeur).toList())
                .set("cpv", c.cpv() == null ? null : c.cpv().valeur())
                .set("familleAchat", c.familleAchat() == null ? null : c.familleAchat().name())
                .set("nature", c.nature()).set("procedure", c.procedure())
                .set("dateNotification", c.dateNotification() == null ? null : Date.from(c.dateNotification()))
                .set("prixUnitaires", c.prixUnitaires().stream().map(p -> new Document("reference", p.reference())
                        .append("prixUnitaireHt", texte(p.prixUnitaireHt()))).toList())
                .setOnInsert("consommation", new Document("maximumCentimes", maximum).append("consommeCentimes", 0L)
                        .append("restantCentimes", maximum).append("seuilsAtteints", List.of()));
        return evenementsAppliques.appliquerUneFois(COLLECTION, c.numero(), evenementId, modification);
    }

    @Override
    public boolean enregistrerResiliation(String numero, LocalDate dateEffet, String evenementId) {
        exigerContrat(numero);
        return evenementsAppliques.appliquerUneFois(COLLECTION, numero, evenementId,
                new Update().set("resilieLe", dateEffet.toString()));
    }

    @Override
    public boolean enregistrerAvenant(String numero, java.math.BigDecimal variation, java.math.BigDecimal nouveauMontant,
            boolean accordCadre, LocalDate dateFin, String evenementId) {
        exigerContrat(numero);
        long centimes = variation.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
        Update update = new Update().inc("consommation.maximumCentimes", centimes)
                .inc("consommation.restantCentimes", centimes)
                .set(accordCadre ? "montantMaximumHt" : "montantHt", nouveauMontant.toPlainString());
        if (dateFin != null) {
            update.set("dateFin", dateFin.toString());
        }
        return evenementsAppliques.appliquerUneFois(COLLECTION, numero, evenementId, update);
    }

    /**
     * A change applied to an unknown contract would create a document holding nothing but that change: the contract
     * must have been notified first.
     */
    private void exigerContrat(String numero) {
        if (!mongo.exists(Query.query(Criteria.where("_id").is(numero).and("titulaireSiret").exists(true)), COLLECTION)) {
            throw new RessourceIntrouvableException("Contrat " + numero + " introuvable.");
        }
    }

    @Override
    public PageVue<Contrat> lister(Perimetre perimetre, PageDemandee page) {
        Criteria criteres = perimetre.titulaire() != null
                ? Criteria.where("titulaireSiret").is(perimetre.titulaire().valeur())
                : Criteria.where("titulaireSiret").exists(true);
        if (perimetre.beneficiaire() != null) {
            criteres.and("beneficiaires").is(perimetre.beneficiaire().valeur());
        }
        Query query = Query.query(criteres);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "dateNotification").and(Sort.by("_id")))
                .skip(page.decalage()).limit(page.taille());
        return new PageVue<>(mongo.find(query, Document.class, COLLECTION).stream().map(ContratsMongo::lire).toList(),
                page.page(), page.taille(), total);
    }

    @Override
    public Reservation reserver(String numero, String numeroBon, Montant montant) {
        long centimes = Consommation.centimes(montant);
        Query requete = Query.query(Criteria.where("_id").is(numero)
                .and("consommation.restantCentimes").gte(centimes)
                .and("consommation.reservations.bon").ne(numeroBon));
        Update reservation = new Update().inc("consommation.restantCentimes", -centimes)
                .inc("consommation.consommeCentimes", centimes)
                .push("consommation.reservations", new Document("bon", numeroBon).append("centimes", centimes)
                        .append("le", new Date()));
        Document apres = mongo.findAndModify(requete, reservation, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION);
        if (apres != null) {
            return reservation(true, true, apres);
        }
        Document actuel = mongo.findById(numero, Document.class, COLLECTION);
        if (actuel == null) {
            throw new RessourceIntrouvableException("Contrat " + numero + " introuvable.");
        }
        boolean dejaReserve = actuel.get("consommation", Document.class)
                .getList("reservations", Document.class, List.of()).stream()
                .anyMatch(r -> numeroBon.equals(r.getString("bon")));
        return reservation(dejaReserve, false, actuel);
    }

    private static Reservation reservation(boolean acceptee, boolean nouvelle, Document contrat) {
        Document consommation = contrat.get("consommation", Document.class);
        return new Reservation(acceptee, nouvelle,
                Consommation.depuisCentimes(((Number) consommation.get("consommeCentimes")).longValue()),
                Consommation.depuisCentimes(Math.max(0, ((Number) consommation.get("restantCentimes")).longValue())));
    }

    @Override
    public void annulerReservation(String numero, String numeroBon, Montant montant) {
        long centimes = Consommation.centimes(montant);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(numero).and("consommation.reservations.bon").is(numeroBon)),
                new Update().inc("consommation.restantCentimes", centimes).inc("consommation.consommeCentimes", -centimes)
                        .pull("consommation.reservations", new Document("bon", numeroBon)), COLLECTION);
    }

    @Override
    public void oublierReservation(String numero, String numeroBon) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(numero)),
                new Update().pull("consommation.reservations", new Document("bon", numeroBon)), COLLECTION);
    }

    @Override
    public boolean marquerSeuil(String numero, int seuilPourcent) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(numero)
                        .and("consommation.seuilsAtteints").ne(seuilPourcent)),
                new Update().addToSet("consommation.seuilsAtteints", seuilPourcent), COLLECTION)
                .getModifiedCount() == 1;
    }

    @Override
    public List<ReservationEnCours> reservationsAnterieures(Instant avant) {
        Query anciennes = Query.query(Criteria.where("consommation.reservations")
                .elemMatch(Criteria.where("le").lt(Date.from(avant))));
        anciennes.fields().include("consommation.reservations");
        List<ReservationEnCours> trouvees = new ArrayList<>();
        for (Document contrat : mongo.find(anciennes, Document.class, COLLECTION)) {
            for (Document r : contrat.get("consommation", Document.class).getList("reservations", Document.class)) {
                Date le = r.getDate("le");
                if (le != null && le.toInstant().isBefore(avant)) {
                    trouvees.add(new ReservationEnCours(contrat.getString("_id"), r.getString("bon"),
                            Consommation.depuisCentimes(((Number) r.get("centimes")).longValue()), le.toInstant()));
                }
            }
        }
        return trouvees;
    }

    @Override
    public void retirerSeuil(String numero, int seuilPourcent) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(numero)),
                new Update().pull("consommation.seuilsAtteints", seuilPourcent), COLLECTION);
    }

    @Override
    public boolean rendre(String numero, String numeroBon, Montant montant) {
        long centimes = Consommation.centimes(montant);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(numero)
                        .and("consommation.rendus").ne(numeroBon)),
                new Update().inc("consommation.restantCentimes", centimes).inc("consommation.consommeCentimes", -centimes)
                        .push("consommation.rendus", numeroBon), COLLECTION)
                .getModifiedCount() == 1;
    }

    static Contrat lire(Document d) {
        Document consommation = d.get("consommation", Document.class);
        return new Contrat(d.getString("_id"), d.getString("consultationId"), d.getInteger("lot", 0),
                d.getString("objet"), d.getString("intituleLot"), new Siret(d.getString("titulaireSiret")),
                d.getString("titulaireRaisonSociale"), d.getString("forme"), d.getString("formePrix"),
                montant(d.getString("montantHt")), montant(d.getString("montantMaximumHt")),
                montant(d.getString("montantMinimumHt")), LocalDate.parse(d.getString("dateDebut")),
                LocalDate.parse(d.getString("dateFin")),
                d.getList("beneficiaires", String.class, List.of()).stream().map(Siren::new).toList(),
                d.getString("cpv") == null ? null : new CodeCpv(d.getString("cpv")),
                d.getString("familleAchat") == null ? null : FamilleAchat.valueOf(d.getString("familleAchat")),
                d.getString("nature"), d.getString("procedure"), instant(d.getDate("dateNotification")),
                d.getList("prixUnitaires", Document.class, List.of()).stream()
                        .map(p -> new Contrat.PrixBpu(p.getString("reference"), montant(p.getString("prixUnitaireHt"))))
                        .toList(),
                d.getString("resilieLe") == null ? null : LocalDate.parse(d.getString("resilieLe")),
                consommation == null ? null : new Consommation(
                        Consommation.depuisCentimes(((Number) consommation.get("maximumCentimes")).longValue()),
                        Consommation.depuisCentimes(((Number) consommation.get("consommeCentimes")).longValue()),
                        new TreeSet<>(consommation.getList("seuilsAtteints", Integer.class, List.of()))));
    }

    private static String texte(Montant montant) {
        return montant == null ? null : montant.valeurHt().toPlainString();
    }

    private static Montant montant(String texte) {
        return texte == null ? null : Montant.de(texte);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

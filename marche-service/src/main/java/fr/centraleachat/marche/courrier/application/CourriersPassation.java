package fr.centraleachat.marche.courrier.application;

import fr.centraleachat.contracts.marche.ConsultationRectifieeV1;
import fr.centraleachat.contracts.marche.ReponsePublieeV1;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.alerte.application.AdressesDesFournisseurs;
import fr.centraleachat.marche.analyse.application.Analyses;
import fr.centraleachat.marche.analyse.application.LettresDeRejet;
import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.marche.analyse.domain.Marche;
import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.document.application.Telechargements;
import fr.centraleachat.support.courriel.BoiteDEnvoi;
import fr.centraleachat.support.courriel.Courriel;
import fr.centraleachat.support.courriel.PieceJointe;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mails the passation sends to suppliers: answers to questions and rectificatifs to every supplier who downloaded
 * the DCE, rejection letters to the bidders not retained and the notification to the titulaire, the letters attached.
 * Each is queued under a key derived from what it announces ({@code reponse:<event id>:<SIRET>},
 * {@code rectificatif:<event id>:<SIRET>}, {@code rejet:<consultation>:<lot>:<pli>}, {@code notification:<marché>}),
 * so a fact processed again queues nothing more. A supplier without a known address is skipped and counted
 * ({@code centrale.courriers.sans-adresse}), never a failure.
 */
@Component
public class CourriersPassation {

    private static final Logger LOG = LoggerFactory.getLogger(CourriersPassation.class);

    private final Consultations consultations;
    private final Telechargements telechargements;
    private final Analyses analyses;
    private final LettresDeRejet lettres;
    private final AdressesDesFournisseurs adresses;
    private final BoiteDEnvoi boite;
    private final RedactionCourriers redaction;
    private final MeterRegistry metriques;
    private final int taillePage;

    CourriersPassation(Consultations consultations, Telechargements telechargements, Analyses analyses,
            LettresDeRejet lettres, AdressesDesFournisseurs adresses, BoiteDEnvoi boite, RedactionCourriers redaction,
            MeterRegistry metriques, @Value("${centrale.alertes.taille-page:100}") int taillePage) {
        this.consultations = consultations;
        this.telechargements = telechargements;
        this.analyses = analyses;
        this.lettres = lettres;
        this.adresses = adresses;
        this.boite = boite;
        this.redaction = redaction;
        this.metriques = metriques;
        this.taillePage = taillePage;
    }

    /** What happened to the suppliers a fact concerns. */
    public record Bilan(int deposes, int sansAdresse) {
    }

    public Bilan reponsePubliee(String evenementId, ReponsePublieeV1 reponse) {
        return connue(reponse.consultationId(), evenementId).map(c -> auxTelechargeurs(c, "reponse", evenementId,
                adressesDuFournisseur -> redaction.reponse(adressesDuFournisseur, c, reponse))).orElse(new Bilan(0, 0));
    }

    public Bilan rectificatif(String evenementId, ConsultationRectifieeV1 rectificatif) {
        return connue(rectificatif.consultationId(), evenementId).map(c -> auxTelechargeurs(c, "rectificatif",
                evenementId, adressesDuFournisseur -> redaction.rectificatif(adressesDuFournisseur, c, rectificatif)))
                .orElse(new Bilan(0, 0));
    }

    /** The rejection letters of the lot, each to its bidder, when the acheteur sends them electronically. */
    public Bilan lettresDeRejet(String consultationId, int lot) {
        Optional<Consultation> consultation = connue(consultationId, "rejets " + consultationId + "/" + lot);
        Optional<AnalyseLot.Rejets> rejets = consultation.flatMap(c -> analyses.trouver(consultationId, lot))
                .flatMap(AnalyseLot::rejets);
        if (rejets.isEmpty()) {
            LOG.info("No rejection letters recorded for lot {} of consultation {}: no mail", lot, consultationId);
            return new Bilan(0, 0);
        }
        if (!rejets.get().electronique()) {
            LOG.info("Rejection letters of lot {} of consultation {} go by post: no mail", lot, consultationId);
            return new Bilan(0, 0);
        }
        AnalyseLot analyse = analyses.trouver(consultationId, lot).orElseThrow();
        int deposes = 0;
        int sansAdresse = 0;
        for (AnalyseLot.LettreDeRejet lettre : rejets.get().lettres()) {
            List<String> destinataires = adresses.de(lettre.destinataire());
            if (destinataires.isEmpty()) {
                sansAdresse++;
                LOG.warn("Rejection letter of pli {} (SIRET {}) not mailed: no address known for the supplier",
                        lettre.numeroPli(), lettre.destinataire().valeur());
                continue;
            }
            PieceJointe pdf = new PieceJointe("lettre-de-rejet-lot-" + lot + "-" + lettre.numeroPli() + ".pdf",
                    "application/pdf", lire(lettre));
            if (deposer("rejet:" + consultationId + ":" + lot + ":" + lettre.numeroPli(),
                    redaction.rejet(destinataires, consultation.get(), analyse, lettre).avec(pdf))) {
                deposes++;
            }
        }
        return compter("rejet", consultationId, deposes, sansAdresse);
    }

    /** The notification of the lot's marché to its titulaire, the notification letter attached. */
    public Bilan notification(String consultationId, int lot) {
        Optional<Marche> marche = connue(consultationId, "notification " + consultationId + "/" + lot)
                .flatMap(c -> analyses.trouver(consultationId, lot)).flatMap(AnalyseLot::marche);
        if (marche.isEmpty()) {
            return new Bilan(0, 0);
        }
        Marche m = marche.get();
        List<String> destinataires = adresses.de(m.titulaireSiret());
        if (destinataires.isEmpty()) {
            LOG.warn("Notification of marché {} not mailed: no address known for its titulaire (SIRET {})",
                    m.numero(), m.titulaireSiret().valeur());
            return compter("notification", consultationId, 0, 1);
        }
        PieceJointe pdf = new PieceJointe("notification-marche-" + m.numero() + ".pdf", "application/pdf",
                redaction.lettreDeNotification(m));
        boolean depose = deposer("notification:" + m.numero(), redaction.notification(destinataires, m).avec(pdf));
        return compter("notification", consultationId, depose ? 1 : 0, 0);
    }

    private Bilan auxTelechargeurs(Consultation consultation, String nature, String evenementId,
            Function<List<String>, Courriel> courriel) {
        int deposes = 0;
        int sansAdresse = 0;
        String apres = null;
        while (true) {
            List<String> sirets = telechargements.siretsDesTelechargeurs(consultation.id(), apres, taillePage);
            for (String siret : sirets) {
                List<String> destinataires = adresses.de(new Siret(siret));
                if (destinataires.isEmpty()) {
                    sansAdresse++;
                    continue;
                }
                if (deposer(nature + ":" + evenementId + ":" + siret, courriel.apply(destinataires))) {
                    deposes++;
                }
            }
            if (sirets.size() < taillePage) {
                break;
            }
            apres = sirets.get(sirets.size() - 1);
        }
        long anonymes = telechargements.telechargementsAnonymes(consultation.id());
        if (anonymes > 0) {
            LOG.info("Event {}: {} anonymous download(s) of the DCE of {}: nobody to tell", evenementId, anonymes,
                    consultation.id());
        }
        return compter(nature, consultation.id().toString(), deposes, sansAdresse);
    }

    private boolean deposer(String cle, Courriel courriel) {
        try {
            boite.deposer(cle, courriel);
            return true;
        } catch (ValeurInvalideException refuse) {
            // A mail the queue refuses (an address it finds invalid) must not hold back the others.
            LOG.warn("Mail {} not queued: {}", cle, refuse.getMessage());
            return false;
        }
    }

    private Bilan compter(String nature, String consultationId, int deposes, int sansAdresse) {
        if (sansAdresse > 0) {
            metriques.counter("centrale.courriers.sans-adresse", "courrier", nature).increment(sansAdresse);
        }
        LOG.info("{} mail(s) of type {} queued for consultation {}; {} supplier(s) without a known address", deposes,
                nature, consultationId, sansAdresse);
        return new Bilan(deposes, sansAdresse);
    }

    private Optional<Consultation> connue(String consultationId, String origine) {
        Optional<Consultation> consultation;
        try {
            consultation = consultations.trouver(ConsultationId.de(consultationId)).map(f -> f.consultation());
        } catch (ValeurInvalideException | IllegalArgumentException invalide) {
            consultation = Optional.empty();
        }
        if (consultation.isEmpty()) {
            // Not one of this service's consultations (another instance's database sharing the topic).
            LOG.info("{}: consultation {} unknown here, no mail", origine, consultationId);
        }
        return consultation;
    }

    private byte[] lire(AnalyseLot.LettreDeRejet lettre) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            lettres.lire(lettre, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }
}

package fr.centraleachat.marche.alerte.application;

import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.alerte.domain.Alerte;
import fr.centraleachat.marche.alerte.domain.AlertesFournisseur;
import fr.centraleachat.marche.alerte.domain.AvisConsultation;
import fr.centraleachat.marche.alerte.domain.Departement;
import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.Rectificatif;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.document.application.Telechargements;
import fr.centraleachat.support.courriel.BoiteDEnvoi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends each address of the alert profiles matching a published or rectified consultation one mail (a supplier's
 * profiles sharing an address are named in one mail), queued under the key {@code alerte:<event id>:<first profile
 * id>}: a redelivered event, or one processed again after a crash, queues nothing more. Profiles are read one page of
 * suppliers at a time, so a publication never loads them all.
 */
@Component
public class DiffusionAlertes {

    private static final Logger LOG = LoggerFactory.getLogger(DiffusionAlertes.class);

    private final Consultations consultations;
    private final AlertesDesFournisseurs alertes;
    private final Telechargements telechargements;
    private final BoiteDEnvoi boite;
    private final CourrielsAlerte redaction;
    private final Departement departement;
    private final int taillePage;
    private final Counter envoyees;

    DiffusionAlertes(Consultations consultations, AlertesDesFournisseurs alertes, Telechargements telechargements,
            BoiteDEnvoi boite, CourrielsAlerte redaction,
            @Value("${centrale.alertes.departement:${centrale.donnees-essentielles.lieu-execution.code:21}}")
            String departement,
            @Value("${centrale.alertes.taille-page:100}") int taillePage, MeterRegistry metriques) {
        this.consultations = consultations;
        this.alertes = alertes;
        this.telechargements = telechargements;
        this.boite = boite;
        this.redaction = redaction;
        this.departement = new Departement(departement);
        if (taillePage < 1) {
            throw new IllegalArgumentException("centrale.alertes.taille-page must be positive");
        }
        this.taillePage = taillePage;
        this.envoyees = Counter.builder("centrale.alertes.envoyees")
                .description("Alert mails queued for suppliers' profiles").register(metriques);
    }

    /** Alerts of a publication; returns how many mails were queued (again or not). */
    public int publication(String evenementId, ConsultationId id) {
        return consultationPubliee(id, evenementId).map(c -> diffuser(evenementId, c, Optional.empty())).orElse(0);
    }

    /**
     * Alerts of a rectificatif. A supplier that downloaded the DCE is told by the mail to its downloaders
     * (same content), so its profiles get no second one.
     */
    public int rectificatif(String evenementId, ConsultationId id, int numero) {
        return consultationPubliee(id, evenementId).map(c -> {
            Optional<Rectificatif> rectificatif = c.rectificatifs().stream().filter(r -> r.numero() == numero)
                    .findFirst();
            if (rectificatif.isEmpty()) {
                LOG.warn("Event {}: consultation {} has no rectificatif {}, no alert sent", evenementId, id, numero);
                return 0;
            }
            return diffuser(evenementId, c, rectificatif);
        }).orElse(0);
    }

    private int diffuser(String evenementId, Consultation consultation, Optional<Rectificatif> rectificatif) {
        AvisConsultation avis = avis(consultation);
        int deposes = 0;
        int ignores = 0;
        String apres = null;
        for (List<AlertesFournisseur> page = alertes.pageApres(null, taillePage); !page.isEmpty();
                page = alertes.pageApres(apres, taillePage)) {
            for (AlertesFournisseur fournisseur : page) {
                List<Alerte> aEnvoyer = fournisseur.alertes(avis);
                if (aEnvoyer.isEmpty()) {
                    continue;
                }
                if (rectificatif.isPresent()
                        && telechargements.telechargePar(consultation.id(), fournisseur.fournisseur().valeur())) {
                    ignores += aEnvoyer.size();
                    continue;
                }
                for (Alerte alerte : aEnvoyer) {
                    try {
                        boite.deposer("alerte:" + evenementId + ":" + alerte.premierProfil(),
                                redaction.alerte(alerte, avis, rectificatif));
                        deposes++;
                    } catch (ValeurInvalideException adresseRefusee) {
                        // One address the mail queue refuses must not hold back the others' alerts.
                        LOG.warn("Event {}: alert of profile {} not queued: {}", evenementId, alerte.premierProfil(),
                                adresseRefusee.getMessage());
                    }
                }
            }
            apres = page.get(page.size() - 1).fournisseur().valeur();
            if (page.size() < taillePage) {
                break;
            }
        }
        envoyees.increment(deposes);
        // A redelivered event counts the alerts it finds already queued.
        LOG.info("Event {}: {} alert(s) queued for consultation {}{}", evenementId, deposes, consultation.id(),
                ignores == 0 ? "" : ", " + ignores + " alert(s) of suppliers told as downloaders");
        return deposes;
    }

    private Optional<Consultation> consultationPubliee(ConsultationId id, String evenementId) {
        Optional<Consultation> consultation = consultations.trouver(id).map(f -> f.consultation());
        if (consultation.isEmpty()) {
            // Not one of this service's consultations (another instance's database sharing the topic, or deleted).
            LOG.info("Event {}: consultation {} unknown here, no alert sent", evenementId, id);
            return Optional.empty();
        }
        if (consultation.get().statut() != StatutConsultation.PUBLIEE) {
            LOG.info("Event {}: consultation {} is {} now, no alert sent", evenementId, id,
                    consultation.get().statut());
            return Optional.empty();
        }
        return consultation;
    }

    private AvisConsultation avis(Consultation c) {
        return new AvisConsultation(c.id().toString(), c.objet(), c.nature(), c.cpvPrincipal(),
                c.lots().liste().stream().map(l -> new AvisConsultation.LotAvis(l.numero(), l.intitule(),
                        l.cpvOuPrincipal(c.cpvPrincipal()))).toList(),
                departement, c.procedure().orElse(null), c.dlro());
    }
}

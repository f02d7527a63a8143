package fr.centraleachat.catalogue.contrat.messaging;

import fr.centraleachat.catalogue.contrat.application.ProjectionContrats;
import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.marche.MarcheNotifieV1;
import fr.centraleachat.contracts.marche.AvenantConcluV1;
import fr.centraleachat.contracts.marche.MarcheResilieV1;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.support.messaging.EvenementIllisibleException;
import fr.centraleachat.support.messaging.EvenementRecu;
import io.cloudevents.CloudEvent;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates a contract from each {@code MarcheNotifie}, and terminates it on {@code MarcheResilie} (both keyed by the
 * consultation, so they arrive in order). Its own consumer group, so that the contracts and the
 * consultations read the marché topic independently: a message one cannot apply does not hold back the other.
 */
@Component
class EcouteurMarchesNotifies {

    private final ProjectionContrats projection;
    private final JsonMapper json;

    EcouteurMarchesNotifies(ProjectionContrats projection, JsonMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @KafkaListener(topics = "centrale.marche.v1", groupId = "catalogue-service-contrats")
    void recevoir(CloudEvent evenement) {
        EvenementRecu recu = EvenementRecu.depuis(evenement);
        if (recu.est(Evenements.MARCHE_RESILIE)) {
            MarcheResilieV1 r = recu.donnees(Evenements.MARCHE_RESILIE, json);
            if (r.numero() == null || r.dateEffet() == null) {
                throw new EvenementIllisibleException("event " + recu.id() + " of type " + recu.type()
                        + " lacks the marché's number or the termination's date");
            }
            try {
                projection.resilier(recu.id(), r.numero(), r.dateEffet());
            } catch (RessourceIntrouvableException e) {
                // Keyed like its MarcheNotifie, it cannot come first: a termination of no contract is set aside.
                throw new EvenementIllisibleException("event " + recu.id() + " terminates unknown contract " + r.numero());
            }
            return;
        }
        if (recu.est(Evenements.AVENANT_CONCLU)) {
            AvenantConcluV1 a = recu.donnees(Evenements.AVENANT_CONCLU, json);
            if (a.numeroMarche() == null || a.montantHt() == null || a.nouveauMontantHt() == null
                    || a.montantHt().scale() > 2 || a.nouveauMontantHt().signum() <= 0) {
                throw new EvenementIllisibleException("event " + recu.id() + " of type " + recu.type()
                        + " lacks the marché's number or carries invalid amounts");
            }
            try {
                projection.appliquerAvenant(recu.id(), a.numeroMarche(), a.montantHt(), a.nouveauMontantHt(),
                        a.accordCadre(), a.dateFin());
            } catch (RessourceIntrouvableException e) {
                throw new EvenementIllisibleException("event " + recu.id() + " changes unknown contract "
                        + a.numeroMarche());
            }
            return;
        }
        if (!recu.est(Evenements.MARCHE_NOTIFIE)) {
            return;
        }
        MarcheNotifieV1 d = recu.donnees(Evenements.MARCHE_NOTIFIE, json);
        try {
            if (d.numero() == null || d.titulaireSiret() == null || d.dateDebut() == null || d.dateFin() == null
                    || d.montantHt() == null) {
                throw new ValeurInvalideException("numero", "numero, titulaireSiret, dates and montantHt are required");
            }
            projection.notifier(recu.id(), new Contrat(d.numero(), d.consultationId(), d.lot(), d.objet(),
                    d.intituleLot(), new Siret(d.titulaireSiret()), d.titulaireRaisonSociale(), d.forme(),
                    d.formePrix(), montant(d.montantHt()), montant(d.montantMaximumHt()), montant(d.montantMinimumHt()),
                    d.dateDebut(), d.dateFin(), liste(d.beneficiaires()).stream().map(Siren::new).toList(),
                    d.cpv() == null ? null : new CodeCpv(d.cpv()),
                    d.familleAchat() == null ? null : FamilleAchat.valueOf(d.familleAchat()), d.nature(),
                    d.procedure(), d.dateNotification(),
                    liste(d.prixUnitaires()).stream().map(p -> new Contrat.PrixBpu(p.reference(),
                            montant(p.prixUnitaireHt()))).toList(), null, null));
        } catch (ValeurInvalideException | IllegalArgumentException e) {
            throw new EvenementIllisibleException("event " + recu.id() + " of type " + recu.type()
                    + " carries an invalid value: " + e.getMessage());
        }
    }

    private static Montant montant(BigDecimal valeur) {
        return valeur == null ? null : new Montant(valeur);
    }

    private static <T> List<T> liste(List<T> valeurs) {
        return valeurs == null ? List.of() : valeurs;
    }
}

package fr.centraleachat.catalogue.souscription.application;

import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.support.membre.Membres;
import fr.centraleachat.kernel.membre.Membre;
import fr.centraleachat.catalogue.souscription.domain.EvenementSouscription;
import fr.centraleachat.catalogue.souscription.domain.Souscription;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.catalogue.SouscriptionCreeeV1;
import fr.centraleachat.contracts.catalogue.SouscriptionResilieeV1;
import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * An agent subscribes its own member to a contract open to it, and may end that subscription; the acheteur sees
 * every subscription, an agent its member's. Each change is announced (SouscriptionCreee, SouscriptionResiliee).
 */
@Service
public class ServiceSouscriptions {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Souscriptions souscriptions;
    private final Contrats contrats;
    private final Membres membres;
    private final FabriqueMessages fabrique;
    private final Clock horloge;

    public ServiceSouscriptions(Souscriptions souscriptions, Contrats contrats, Membres membres,
            FabriqueMessages fabrique, Clock horloge) {
        this.souscriptions = souscriptions;
        this.contrats = contrats;
        this.membres = membres;
        this.fabrique = fabrique;
        this.horloge = horloge;
    }

    public Souscription souscrire(String numeroContrat, Acteur acteur) {
        acteur.exiger(Role.AGENT);
        Siren siren = acteur.membreDeLAgent();
        Contrat contrat = contrats.trouver(numeroContrat).orElseThrow(() ->
                new RessourceIntrouvableException("Contrat " + numeroContrat + " introuvable."));
        Membre membre = membres.trouver(siren).orElseGet(() -> Membre.inconnu(siren));
        Instant maintenant = horloge.instant();
        LocalDate jour = LocalDate.ofInstant(maintenant, PARIS);
        Optional<Souscription> existante = souscriptions.trouver(numeroContrat, siren);
        Souscription souscription;
        if (existante.isPresent()) {
            souscription = existante.get();
            souscription.reprendre(contrat, membre, jour, maintenant);
        } else {
            souscription = Souscription.souscrire(contrat, membre, jour, maintenant);
        }
        souscriptions.enregistrer(souscription, messages(souscription));
        return souscriptions.trouver(numeroContrat, siren).orElseThrow();
    }

    public Souscription resilier(String numeroContrat, Acteur acteur) {
        acteur.exiger(Role.AGENT);
        Siren siren = acteur.membreDeLAgent();
        Souscription souscription = souscriptions.trouver(numeroContrat, siren).orElseThrow(() ->
                new RessourceIntrouvableException("Votre organisme n'a pas souscrit au contrat " + numeroContrat + "."));
        souscription.resilier(horloge.instant());
        souscriptions.enregistrer(souscription, messages(souscription));
        return souscriptions.trouver(numeroContrat, siren).orElseThrow();
    }

    public PageVue<Souscription> lister(String numeroContrat, Acteur acteur, PageDemandee page) {
        if (acteur.a(Role.ACHETEUR) || acteur.a(Role.ADMIN)) {
            return souscriptions.lister(null, numeroContrat, page);
        }
        if (acteur.a(Role.AGENT)) {
            return souscriptions.lister(acteur.membreDeLAgent(), numeroContrat, page);
        }
        throw new AccesRefuseException("Les souscriptions sont consultables par l'acheteur et par les agents, pour "
                + "leur organisme.");
    }

    private List<MessageSortant> messages(Souscription s) {
        return s.evenementsEnAttente().stream().map(e -> {
            if (e instanceof EvenementSouscription.SouscriptionCreee creee) {
                return fabrique.message(Evenements.SOUSCRIPTION_CREEE, s.numeroContrat(),
                        new SouscriptionCreeeV1(s.id(), s.numeroContrat(), s.siren().valeur(), s.nomMembre(),
                                creee.le()));
            }
            EvenementSouscription.SouscriptionResiliee resiliee = (EvenementSouscription.SouscriptionResiliee) e;
            return fabrique.message(Evenements.SOUSCRIPTION_RESILIEE, s.numeroContrat(),
                    new SouscriptionResilieeV1(s.id(), s.numeroContrat(), s.siren().valeur(), resiliee.le()));
        }).toList();
    }
}

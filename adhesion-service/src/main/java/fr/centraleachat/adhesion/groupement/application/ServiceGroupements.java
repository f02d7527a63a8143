package fr.centraleachat.adhesion.groupement.application;

import fr.centraleachat.adhesion.adhesion.domain.Missions;
import fr.centraleachat.adhesion.membre.application.Membres;
import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.groupement.domain.Approbation;
import fr.centraleachat.adhesion.groupement.domain.Groupement;
import fr.centraleachat.adhesion.groupement.domain.GroupementId;
import fr.centraleachat.adhesion.groupement.domain.MembreGroupement;
import fr.centraleachat.adhesion.groupement.domain.StatutGroupement;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The groupement use cases. Staff create, extend and dissolve groupements; a member's agent (or staff) records the
 * member's approval or its withdrawal; an agent sees only the groupements its body belongs to. Each step is one
 * single-document write with its events, under optimistic locking, so the last approval constitutes the groupement
 * exactly once even when approvals race.
 */
@Service
public class ServiceGroupements {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceGroupements.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Groupements groupements;
    private final Membres membres;
    private final EvenementsGroupementPublies publies;
    private final Clock horloge;

    public ServiceGroupements(Groupements groupements, Membres membres, EvenementsGroupementPublies publies,
            Clock horloge) {
        this.groupements = groupements;
        this.membres = membres;
        this.publies = publies;
        this.horloge = horloge;
    }

    public GroupementDetaille creer(String objet, Siren coordonnateur, Missions missions, String commissionAppelOffres,
            String repartitionFrais, List<Siren> sirens, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        Map<Siren, Membre> connus = membres.trouverTous(sirens);
        Set<String> inconnus = sirens.stream().filter(s -> !connus.containsKey(s)).map(Siren::valeur)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!inconnus.isEmpty()) {
            throw new RegleMetierException("membres", "Membre(s) non enregistré(s) : " + String.join(", ", inconnus) + ".");
        }
        Groupement groupement = Groupement.creer(GroupementId.nouveau(), objet, coordonnateur, missions,
                commissionAppelOffres, repartitionFrais, sirens, aujourdhui());
        groupements.ajouter(groupement, publies.messages(groupement, connus));
        LOG.info("Groupement {} created with {} member(s) by {}", groupement.id(), sirens.size(), acteur.sujet());
        return new GroupementDetaille(groupement, connus);
    }

    public PageVue<GroupementDetaille> lister(Optional<StatutGroupement> statut, PageDemandee page, Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        Optional<Siren> membre = estPersonnel(acteur) ? Optional.empty() : Optional.of(acteur.membreDeLAgent());
        PageVue<Groupement> trouves = groupements.lister(membre, statut, page);
        Map<Siren, Membre> noms = membres.trouverTous(trouves.elements().stream()
                .flatMap(g -> g.membres().stream().map(MembreGroupement::siren)).distinct().toList());
        return trouves.map(g -> new GroupementDetaille(g, noms));
    }

    public GroupementDetaille consulter(GroupementId id, Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        return detailler(visible(id, acteur));
    }

    public GroupementDetaille ajouterMembre(GroupementId id, Siren siren, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        if (membres.trouver(siren).isEmpty()) {
            throw new RegleMetierException("siren", "Aucun membre enregistré avec le SIREN " + siren + ".");
        }
        return faire(groupements.trouver(id).orElseThrow(() -> introuvable(id)), acteur,
                g -> g.ajouterMembre(siren, aujourdhui()));
    }

    public GroupementDetaille approuver(GroupementId id, Siren siren, Approbation approbation, Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        Groupement groupement = visible(id, acteur);
        acteur.exigerAccesAuMembre(siren);
        return faire(groupement, acteur, g -> g.approuver(siren, approbation, aujourdhui()));
    }

    public GroupementDetaille retirer(GroupementId id, Siren siren, Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        Groupement groupement = visible(id, acteur);
        acteur.exigerAccesAuMembre(siren);
        return faire(groupement, acteur, g -> g.retirer(siren, aujourdhui()));
    }

    public GroupementDetaille dissoudre(GroupementId id, String motif, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        return faire(groupements.trouver(id).orElseThrow(() -> introuvable(id)), acteur,
                g -> g.dissoudre(motif, aujourdhui()));
    }

    private GroupementDetaille faire(Groupement groupement, Acteur acteur, Consumer<Groupement> etape) {
        // Members before the step: one that withdraws is still named in its event.
        List<Siren> concernes = new ArrayList<>(groupement.membres().stream().map(MembreGroupement::siren).toList());
        etape.accept(groupement);
        groupement.membres().forEach(m -> {
            if (!concernes.contains(m.siren())) {
                concernes.add(m.siren());
            }
        });
        Map<Siren, Membre> noms = membres.trouverTous(concernes);
        Groupement enregistre = groupements.mettreAJour(groupement, publies.messages(groupement, noms));
        LOG.info("Groupement {} is now {} at sequence {} ({})", enregistre.id(), enregistre.statut(),
                enregistre.sequence(), acteur.sujet());
        return new GroupementDetaille(enregistre, noms);
    }

    /** A groupement an agent's body does not belong to does not exist for that agent. */
    private Groupement visible(GroupementId id, Acteur acteur) {
        return groupements.trouver(id)
                .filter(g -> estPersonnel(acteur) || acteur.membre().flatMap(g::membre).isPresent())
                .orElseThrow(() -> introuvable(id));
    }

    private GroupementDetaille detailler(Groupement groupement) {
        return new GroupementDetaille(groupement,
                membres.trouverTous(groupement.membres().stream().map(MembreGroupement::siren).toList()));
    }

    private LocalDate aujourdhui() {
        return LocalDate.now(horloge.withZone(PARIS));
    }

    private static boolean estPersonnel(Acteur acteur) {
        return acteur.a(Role.ACHETEUR) || acteur.a(Role.ADMIN);
    }

    private static RessourceIntrouvableException introuvable(GroupementId id) {
        return new RessourceIntrouvableException("Groupement " + id + " introuvable.");
    }
}

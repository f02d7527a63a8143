package fr.centraleachat.adhesion.recensement.application;

import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.recensement.domain.BesoinLot;
import fr.centraleachat.adhesion.recensement.domain.BesoinsDeclares;
import fr.centraleachat.adhesion.recensement.domain.Consolidation;
import fr.centraleachat.adhesion.recensement.domain.DeclarationBesoins;
import fr.centraleachat.adhesion.recensement.domain.EvenementRecensement;
import fr.centraleachat.adhesion.recensement.domain.Recensement;
import fr.centraleachat.adhesion.recensement.domain.RecensementClos;
import fr.centraleachat.adhesion.recensement.domain.RecensementOuvert;
import fr.centraleachat.adhesion.recensement.domain.RecensementRelance;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.adhesion.BesoinsDeclaresV1;
import fr.centraleachat.contracts.adhesion.RecensementClosV1;
import fr.centraleachat.contracts.adhesion.RecensementOuvertV1;
import fr.centraleachat.contracts.adhesion.RecensementRelanceV1;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns the recensement's facts into the versioned integration events; key and subject: the recensement id. */
@Component
public class EvenementsRecensementPublies {

    private final FabriqueMessages fabrique;

    public EvenementsRecensementPublies(FabriqueMessages fabrique) {
        this.fabrique = fabrique;
    }

    public List<MessageSortant> messages(Recensement recensement) {
        Recensement.Etat e = recensement.etat();
        String id = e.id().toString();
        List<MessageSortant> messages = new ArrayList<>();
        for (EvenementRecensement evenement : recensement.evenementsEnAttente()) {
            if (evenement instanceof RecensementOuvert) {
                messages.add(fabrique.message(Evenements.RECENSEMENT_OUVERT, id, new RecensementOuvertV1(id, e.objet(),
                        e.familleAchat().name(), e.nature().name(), e.cpvPrincipal().valeur(), e.dateCloture(),
                        sirens(e.membresInvites()))));
            } else if (evenement instanceof RecensementRelance relance) {
                messages.add(fabrique.message(Evenements.RECENSEMENT_RELANCE, id, new RecensementRelanceV1(id,
                        e.objet(), e.dateCloture(), sirens(relance.membresSansReponse()), relance.relanceLe())));
            } else if (evenement instanceof RecensementClos clos) {
                messages.add(fabrique.message(Evenements.RECENSEMENT_CLOS, id, clos(e, clos)));
            }
        }
        return messages;
    }

    public List<MessageSortant> messages(DeclarationBesoins declaration, Membre membre) {
        String id = declaration.recensement().toString();
        return declaration.evenementsEnAttente().stream().map((BesoinsDeclares d) -> fabrique.message(
                Evenements.BESOINS_DECLARES, id, new BesoinsDeclaresV1(id, d.membre().valeur(), membre.nom(),
                        d.declareLe(), d.revision(), d.lots().stream().map(EvenementsRecensementPublies::besoin)
                                .toList()))).toList();
    }

    private static BesoinsDeclaresV1.BesoinLotV1 besoin(BesoinLot b) {
        return new BesoinsDeclaresV1.BesoinLotV1(b.lot(), b.pasDeBesoin(), b.quantite(), b.montantEstime(),
                b.sitesLivraison());
    }

    private static RecensementClosV1 clos(Recensement.Etat e, RecensementClos clos) {
        Consolidation c = clos.consolidation();
        List<RecensementClosV1.LotConsolideV1> lots = c.lots().stream().map(l -> new RecensementClosV1.LotConsolideV1(
                l.lot().numero(), l.lot().description(), l.lot().unite(),
                l.lot().codeCpv() == null ? null : l.lot().codeCpv().valeur(), l.quantiteTotale(),
                l.montantEstimeTotal(), l.besoins().stream().map(b -> new RecensementClosV1.BesoinMembreV1(
                        b.siren().valeur(), b.quantite(), b.montantEstime())).toList())).toList();
        return new RecensementClosV1(e.id().toString(), e.objet(), e.familleAchat().name(), e.nature().name(),
                e.cpvPrincipal().valeur(), e.ouvertPar(), clos.clotureLe(), lots,
                sirens(c.membresAyantDeclare()), sirens(c.membresSansBesoin()), sirens(c.membresSansReponse()));
    }

    private static List<String> sirens(List<Siren> sirens) {
        return sirens.stream().map(Siren::valeur).toList();
    }
}

package fr.centraleachat.adhesion.recensement.persistence;

import fr.centraleachat.adhesion.recensement.domain.BesoinLot;
import fr.centraleachat.adhesion.recensement.domain.Consolidation;
import fr.centraleachat.adhesion.recensement.domain.DeclarationBesoins;
import fr.centraleachat.adhesion.recensement.domain.LotRecensement;
import fr.centraleachat.adhesion.recensement.domain.Nature;
import fr.centraleachat.adhesion.recensement.domain.Recensement;
import fr.centraleachat.adhesion.recensement.domain.RecensementId;
import fr.centraleachat.adhesion.recensement.domain.StatutRecensement;
import fr.centraleachat.adhesion.recensement.persistence.RecensementDocument.BesoinMembreDocument;
import fr.centraleachat.adhesion.recensement.persistence.RecensementDocument.ConsolidationDocument;
import fr.centraleachat.adhesion.recensement.persistence.RecensementDocument.LotConsolideDocument;
import fr.centraleachat.adhesion.recensement.persistence.RecensementDocument.LotDocument;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Siren;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

final class RecensementMapper {

    private RecensementMapper() {
    }

    static RecensementDocument versDocument(Recensement recensement) {
        Recensement.Etat e = recensement.etat();
        return new RecensementDocument(e.id().toString(), e.objet(), e.familleAchat().name(), e.nature().name(),
                e.cpvPrincipal().valeur(), e.lots().stream().map(l -> new LotDocument(l.numero(), l.description(),
                        l.unite(), l.codeCpv() == null ? null : l.codeCpv().valeur())).toList(),
                sirens(e.membresInvites()), e.dateCloture(), e.ouvertPar(), e.ouvertLe(), e.statut().name(),
                e.clotureLe(), e.consolidation() == null ? null : versDocument(e.consolidation()), e.version());
    }

    private static ConsolidationDocument versDocument(Consolidation c) {
        return new ConsolidationDocument(c.lots().stream().map(l -> new LotConsolideDocument(l.lot().numero(),
                l.quantiteTotale().toPlainString(), l.montantEstimeTotal().toPlainString(),
                l.besoins().stream().map(b -> new BesoinMembreDocument(b.siren().valeur(), b.quantite().toPlainString(),
                        b.montantEstime().toPlainString())).toList())).toList(),
                sirens(c.membresAyantDeclare()), sirens(c.membresSansBesoin()), sirens(c.membresSansReponse()));
    }

    static Recensement versRecensement(RecensementDocument d) {
        List<LotRecensement> lots = d.lots().stream().map(l -> new LotRecensement(l.numero(), l.description(),
                l.unite(), l.codeCpv() == null ? null : new CodeCpv(l.codeCpv()))).toList();
        Consolidation consolidation = null;
        if (d.consolidation() != null) {
            Map<Integer, LotRecensement> parNumero = lots.stream()
                    .collect(Collectors.toMap(LotRecensement::numero, Function.identity()));
            ConsolidationDocument c = d.consolidation();
            consolidation = new Consolidation(c.lots().stream().map(l -> new Consolidation.LotConsolide(
                    parNumero.get(l.numero()), new BigDecimal(l.quantiteTotale()), new BigDecimal(l.montantEstimeTotal()),
                    l.besoins().stream().map(b -> new Consolidation.BesoinMembre(new Siren(b.siren()),
                            new BigDecimal(b.quantite()), new BigDecimal(b.montantEstime()))).toList())).toList(),
                    versSirens(c.membresAyantDeclare()), versSirens(c.membresSansBesoin()),
                    versSirens(c.membresSansReponse()));
        }
        return Recensement.reconstituer(new Recensement.Etat(RecensementId.de(d.id()), d.objet(),
                FamilleAchat.valueOf(d.familleAchat()), Nature.valueOf(d.nature()), new CodeCpv(d.cpvPrincipal()), lots,
                versSirens(d.membresInvites()), d.dateCloture(), d.ouvertPar(), d.ouvertLe(),
                StatutRecensement.valueOf(d.statut()), d.clotureLe(), consolidation, d.version()));
    }

    static DeclarationDocument versDocument(DeclarationBesoins declaration) {
        DeclarationBesoins.Etat e = declaration.etat();
        String recensement = e.recensement().toString();
        return new DeclarationDocument(DeclarationDocument.id(recensement, e.membre().valeur()), recensement,
                e.membre().valeur(), e.clos(), e.revision(), e.declareLe(), e.lots().stream().map(l ->
                        new DeclarationDocument.LigneDocument(l.lot(), l.pasDeBesoin(), texte(l.quantite()),
                                texte(l.montantEstime()), l.sitesLivraison(), l.commentaire())).toList(),
                e.version());
    }

    static DeclarationBesoins versDeclaration(DeclarationDocument d) {
        List<BesoinLot> lots = d.lots() == null ? List.of() : d.lots().stream().map(l -> new BesoinLot(l.lot(),
                l.pasDeBesoin(), decimal(l.quantite()), decimal(l.montantEstime()),
                l.sitesLivraison() == null ? List.of() : l.sitesLivraison(), l.commentaire())).toList();
        return DeclarationBesoins.reconstituer(new DeclarationBesoins.Etat(RecensementId.de(d.recensementId()),
                new Siren(d.siren()), d.clos(), d.revision(), d.declareLe(), lots, d.version()));
    }

    private static List<String> sirens(List<Siren> sirens) {
        return sirens.stream().map(Siren::valeur).toList();
    }

    private static List<Siren> versSirens(List<String> sirens) {
        return sirens == null ? List.of() : sirens.stream().map(Siren::new).toList();
    }

    private static String texte(BigDecimal valeur) {
        return valeur == null ? null : valeur.toPlainString();
    }

    private static BigDecimal decimal(String texte) {
        return texte == null ? null : new BigDecimal(texte);
    }
}

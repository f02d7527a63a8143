package fr.centraleachat.adhesion.recensement.domain;

import fr.centraleachat.kernel.Siren;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answers of a closed recensement added up: per lot the totals and each declaring member's share, and who
 * declared a need, who needs nothing, who did not answer. Deterministic (members by SIREN, lots by number), so that
 * consolidating the same frozen answers twice gives the same result.
 */
public record Consolidation(List<LotConsolide> lots, List<Siren> membresAyantDeclare, List<Siren> membresSansBesoin,
        List<Siren> membresSansReponse) {

    private static final Comparator<Siren> PAR_SIREN = Comparator.comparing(Siren::valeur);

    public Consolidation {
        lots = List.copyOf(lots);
        membresAyantDeclare = List.copyOf(membresAyantDeclare);
        membresSansBesoin = List.copyOf(membresSansBesoin);
        membresSansReponse = List.copyOf(membresSansReponse);
    }

    /** One lot's needs: totals (amounts in euros HT) and each member's share, by SIREN. */
    public record LotConsolide(LotRecensement lot, BigDecimal quantiteTotale, BigDecimal montantEstimeTotal,
            List<BesoinMembre> besoins) {

        public LotConsolide {
            besoins = List.copyOf(besoins);
        }
    }

    public record BesoinMembre(Siren siren, BigDecimal quantite, BigDecimal montantEstime) {
    }

    /**
     * @param invites the members invited to answer
     * @param reponses the answers of the members that answered, by member; answers of members not invited are ignored
     */
    public static Consolidation consolider(List<LotRecensement> lots, List<Siren> invites,
            Map<Siren, List<BesoinLot>> reponses) {
        Map<Integer, List<BesoinMembre>> parLot = new TreeMap<>();
        lots.forEach(l -> parLot.put(l.numero(), new ArrayList<>()));
        List<Siren> ayantDeclare = new ArrayList<>();
        List<Siren> sansBesoin = new ArrayList<>();
        List<Siren> sansReponse = new ArrayList<>();
        for (Siren membre : invites.stream().sorted(PAR_SIREN).distinct().toList()) {
            List<BesoinLot> reponse = reponses.get(membre);
            if (reponse == null) {
                sansReponse.add(membre);
                continue;
            }
            boolean unBesoin = false;
            for (BesoinLot besoin : reponse) {
                List<BesoinMembre> duLot = parLot.get(besoin.lot());
                if (!besoin.pasDeBesoin() && duLot != null) {
                    duLot.add(new BesoinMembre(membre, besoin.quantite(), besoin.montantEstime()));
                    unBesoin = true;
                }
            }
            (unBesoin ? ayantDeclare : sansBesoin).add(membre);
        }
        List<LotConsolide> consolides = lots.stream().sorted(Comparator.comparingInt(LotRecensement::numero))
                .map(lot -> {
                    List<BesoinMembre> besoins = parLot.get(lot.numero());
                    BigDecimal quantite = besoins.stream().map(BesoinMembre::quantite)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal montant = besoins.stream().map(BesoinMembre::montantEstime)
                            .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
                    return new LotConsolide(lot, quantite, montant, besoins);
                }).toList();
        return new Consolidation(consolides, ayantDeclare, sansBesoin, sansReponse);
    }
}

package fr.centraleachat.marche.opendata.domain;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.marche.analyse.domain.Avenant;
import fr.centraleachat.marche.analyse.domain.Marche;
import fr.centraleachat.marche.analyse.domain.Offre;
import fr.centraleachat.marche.analyse.domain.StatutLot;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.Lot;
import fr.centraleachat.marche.consultation.domain.Mutualisation;
import fr.centraleachat.marche.consultation.domain.Rectificatif;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A published consultation and its lots' analyses as OCDS releases, one per fact with its own date: the tender at
 * publication, each rectificatif (tenderAmendment), each award, each notified contract, each avenant
 * (contractAmendment) and each résiliation (contractTermination); and the compiled release, the current state of
 * all of them. Nothing of a bid but the awarded offer's price and supplier is ever published.
 */
public final class ConversionOcds {

    /** An OCID prefix as registered with the Open Contracting Partnership: {@code ocds-} and letters, digits, dashes. */
    private static final Pattern PREFIXE = Pattern.compile("ocds-[a-z0-9]+(-[a-z0-9]+)*");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final String SCHEMA_SIRET = "FR-SIRET";
    private static final String SCHEMA_SIREN = "FR-SIREN";

    /**
     * Who publishes and for whom.
     *
     * @param prefixeOcid the OCID prefix, e.g. {@code ocds-centrale-dijon}: ocid = prefix, a dash, consultation id
     */
    public record Editeur(String prefixeOcid, String nomCentrale, AcheteursDecp acheteurs) {

        public Editeur {
            if (prefixeOcid == null || !PREFIXE.matcher(prefixeOcid).matches()) {
                throw new IllegalArgumentException("centrale.ocds.prefixe-ocid: « " + prefixeOcid + " » is not an OCID"
                        + " prefix (ocds-, then lower-case letters, digits and dashes)");
            }
            Objects.requireNonNull(nomCentrale, "nomCentrale");
            Objects.requireNonNull(acheteurs, "acheteurs");
        }

        public String ocid(String consultationId) {
            return prefixeOcid + "-" + consultationId;
        }

        public Ocds.Editeur publisher() {
            return new Ocds.Editeur(nomCentrale, SCHEMA_SIRET, acheteurs.centrale().valeur());
        }
    }

    private ConversionOcds() {
    }

    /** Every release of the consultation, oldest first. */
    public static List<Ocds.Release> releases(Consultation consultation, List<AnalyseLot> analyses, Editeur editeur) {
        Instant publication = consultation.datePublication()
                .orElseThrow(() -> new IllegalArgumentException("consultation " + consultation.id() + " never published"));
        String ocid = editeur.ocid(consultation.id().toString());
        Acheteur acheteur = acheteur(consultation, editeur);
        List<Ocds.Release> releases = new ArrayList<>();
        // The tender as published: its first DLRO is the one the first rectificatif replaced.
        List<Rectificatif> suite = consultation.rectificatifs();
        Instant premiereDlro = suite.isEmpty() ? consultation.dlro() : suite.get(0).dlroPrecedente();
        releases.add(new Ocds.Release(ocid, ocid + "-appel-offres", date(publication), List.of("tender"), "tender",
                List.of(acheteur.partie()), acheteur.reference(), tender(consultation, acheteur, premiereDlro,
                        "active", lots(consultation, Map.of(), false), List.of()), null, null, "fr"));
        List<Ocds.Amendment> rectificatifs = new ArrayList<>();
        for (Rectificatif r : consultation.rectificatifs()) {
            rectificatifs.add(new Ocds.Amendment("rectificatif-" + r.numero(), date(r.date()), r.raison(),
                    "Date limite de remise des offres : " + date(r.dlro())));
            releases.add(new Ocds.Release(ocid, ocid + "-rectificatif-" + r.numero(), date(r.date()),
                    List.of("tenderAmendment"), "tender", List.of(acheteur.partie()), acheteur.reference(),
                    tender(consultation, acheteur, r.dlro(), "active", lots(consultation, Map.of(), false),
                            List.copyOf(rectificatifs)), null, null, "fr"));
        }
        for (AnalyseLot analyse : trier(analyses)) {
            Optional<AnalyseLot.Attribution> attribution = analyse.attribution();
            if (attribution.isEmpty()) {
                continue;
            }
            Ocds.Award award = award(consultation, analyse);
            releases.add(new Ocds.Release(ocid, ocid + "-attribution-lot-" + analyse.lot(),
                    date(attribution.get().le()), List.of("award"), "tender",
                    List.of(acheteur.partie(), fournisseur(analyse)), acheteur.reference(), null, List.of(award), null,
                    "fr"));
            Optional<Marche> marche = analyse.marche();
            if (marche.isEmpty()) {
                continue;
            }
            Marche m = marche.get();
            releases.add(new Ocds.Release(ocid, ocid + "-marche-" + m.numero(), date(m.dateNotification()),
                    List.of("contract"), "tender", List.of(acheteur.partie()), acheteur.reference(), null, null,
                    List.of(contract(m, List.of(), null)), "fr"));
            List<Avenant> avenants = analyse.avenants();
            for (int i = 0; i < avenants.size(); i++) {
                Avenant avenant = avenants.get(i);
                releases.add(new Ocds.Release(ocid, ocid + "-marche-" + m.numero() + "-avenant-" + avenant.numero(),
                        date(avenant.le()), List.of("contractAmendment"), "tender", List.of(acheteur.partie()),
                        acheteur.reference(), null, null, List.of(contract(m, avenants.subList(0, i + 1), null)),
                        "fr"));
            }
            analyse.resiliation().ifPresent(r -> releases.add(new Ocds.Release(ocid, ocid + "-marche-" + m.numero()
                    + "-resiliation", date(r.le()), List.of("contractTermination"), "tender",
                    List.of(acheteur.partie()), acheteur.reference(), null, null,
                    List.of(contract(m, avenants, r)), "fr")));
        }
        // Stable order: by date, then as produced (a contract never precedes its award).
        List<Ocds.Release> triees = new ArrayList<>(releases);
        triees.sort(Comparator.comparing(r -> Instant.from(RFC3339.parse(r.date()))));
        return triees;
    }

    /** The current state of everything the releases said, dated as the latest of them. */
    public static Ocds.Release compilee(Consultation consultation, List<AnalyseLot> analyses, Editeur editeur,
            List<Ocds.Release> releases) {
        String ocid = editeur.ocid(consultation.id().toString());
        Acheteur acheteur = acheteur(consultation, editeur);
        Map<Integer, AnalyseLot> parLot = new LinkedHashMap<>();
        trier(analyses).forEach(a -> parLot.put(a.lot(), a));
        List<Ocds.Partie> parties = new ArrayList<>();
        parties.add(acheteur.partie());
        List<Ocds.Award> awards = new ArrayList<>();
        List<Ocds.Contract> contracts = new ArrayList<>();
        for (AnalyseLot analyse : parLot.values()) {
            if (analyse.attribution().isEmpty()) {
                continue;
            }
            awards.add(award(consultation, analyse));
            Ocds.Partie fournisseur = fournisseur(analyse);
            if (parties.stream().noneMatch(p -> p.id().equals(fournisseur.id()))) {
                parties.add(fournisseur);
            }
            analyse.marche().ifPresent(m -> contracts.add(contract(m, analyse.avenants(),
                    analyse.resiliation().orElse(null))));
        }
        List<Ocds.Amendment> rectificatifs = consultation.rectificatifs().stream()
                .map(r -> new Ocds.Amendment("rectificatif-" + r.numero(), date(r.date()), r.raison(),
                        "Date limite de remise des offres : " + date(r.dlro()))).toList();
        String derniere = releases.isEmpty() ? date(consultation.datePublication().orElseThrow())
                : releases.get(releases.size() - 1).date();
        return new Ocds.Release(ocid, ocid + "-compilee", derniere, List.of("compiled"), "tender", parties,
                acheteur.reference(), tender(consultation, acheteur, consultation.dlro(),
                        statutTender(consultation, parLot), lots(consultation, parLot, true), rectificatifs), awards,
                contracts, "fr");
    }

    /** The tender; its procuring entity is the buyer (the centrale, or the groupement's coordonnateur). */
    private static Ocds.Tender tender(Consultation consultation, Acheteur acheteur, Instant dlro, String statut, List<Ocds.Lot> lots,
            List<Ocds.Amendment> amendments) {
        List<Ocds.Item> items = consultation.lots().liste().stream()
                .map(l -> new Ocds.Item(String.valueOf(l.numero()), l.intitule(), new Ocds.Classification("CPV",
                        l.cpvOuPrincipal(consultation.cpvPrincipal()).valeur()), String.valueOf(l.numero())))
                .toList();
        String procedure = consultation.procedure().map(p -> p.libelle()).orElse(null);
        return new Ocds.Tender(consultation.id().toString(), consultation.objet(), statut, acheteur.reference(),
                items, lots, Ocds.Valeur.euros(consultation.valeurEstimeeTotale().valeurHt()), "open",
                procedure == null ? null : majuscule(procedure), categorie(consultation.nature()),
                criteresPrixSeul(consultation) ? "priceOnly" : "ratedCriteria", criteres(consultation),
                List.of("electronicSubmission"), new Ocds.Periode(date(consultation.datePublication().orElseThrow()),
                        date(dlro)), amendments);
    }

    private static List<Ocds.Lot> lots(Consultation consultation, Map<Integer, AnalyseLot> parLot, boolean etatActuel) {
        return consultation.lots().liste().stream().map(l -> new Ocds.Lot(String.valueOf(l.numero()), l.intitule(),
                etatActuel ? statutLot(consultation, parLot.get(l.numero())) : "active",
                Ocds.Valeur.euros(l.montantEstime().valeurHt()))).toList();
    }

    private static String statutLot(Consultation consultation, AnalyseLot analyse) {
        if (analyse != null && analyse.statut() == StatutLot.INFRUCTUEUX) {
            return "unsuccessful";
        }
        if (analyse != null && analyse.statut() == StatutLot.NOTIFIE) {
            return "complete";
        }
        return switch (consultation.statut()) {
            case SANS_SUITE -> "cancelled";
            default -> "active";
        };
    }

    private static String statutTender(Consultation consultation, Map<Integer, AnalyseLot> parLot) {
        return switch (consultation.statut()) {
            case SANS_SUITE -> "cancelled";
            case NOTIFIEE -> "complete";
            default -> !consultation.lots().liste().isEmpty() && consultation.lots().liste().stream()
                    .allMatch(l -> parLot.containsKey(l.numero())
                            && parLot.get(l.numero()).statut() == StatutLot.INFRUCTUEUX) ? "unsuccessful" : "active";
        };
    }

    private static Ocds.Award award(Consultation consultation, AnalyseLot analyse) {
        AnalyseLot.Attribution attribution = analyse.attribution().orElseThrow();
        Offre offre = analyse.offre(attribution.numeroPli());
        String intitule = consultation.lots().liste().stream().filter(l -> l.numero() == analyse.lot())
                .map(Lot::intitule).findFirst().orElse("");
        return new Ocds.Award(String.valueOf(analyse.lot()), "Lot " + analyse.lot() + " : " + intitule, "active",
                date(attribution.le()), Ocds.Valeur.euros(offre.prixHt().valeurHt()),
                List.of(new Ocds.ReferenceOrganisation(idSiret(offre.soumissionnaire()), nom(offre))),
                List.of(String.valueOf(analyse.lot())));
    }

    private static Ocds.Partie fournisseur(AnalyseLot analyse) {
        Offre offre = analyse.offre(analyse.attribution().orElseThrow().numeroPli());
        return new Ocds.Partie(idSiret(offre.soumissionnaire()), nom(offre),
                new Ocds.Identifiant(SCHEMA_SIRET, offre.soumissionnaire().valeur(), offre.raisonSociale()),
                List.of("supplier"));
    }

    /**
     * The contract as notified, with the avenants given (the amount and end they lead to) and the résiliation if
     * any (the contract then ends the day before it takes effect).
     */
    private static Ocds.Contract contract(Marche m, List<Avenant> avenants, AnalyseLot.Resiliation resiliation) {
        BigDecimal montant = ConversionDecp.montantInitial(m);
        LocalDate fin = m.dateFin();
        List<Ocds.Amendment> amendments = new ArrayList<>();
        for (Avenant avenant : avenants) {
            montant = montant.add(avenant.montantHt());
            if (avenant.nouvelleDateFin() != null) {
                fin = avenant.nouvelleDateFin();
            }
            amendments.add(new Ocds.Amendment("avenant-" + avenant.numero(), date(avenant.le()),
                    "Article " + avenant.baseLegale().article() + " du code de la commande publique ("
                            + avenant.baseLegale().libelle() + ") : " + avenant.justification(),
                    "Avenant n° " + avenant.numero() + " signé le " + avenant.date() + " : "
                            + avenant.montantHt().toPlainString() + " € HT"
                            + (avenant.nouvelleDateFin() == null ? "" : ", fin au " + avenant.nouvelleDateFin())));
        }
        String statut = "active";
        if (resiliation != null) {
            statut = "terminated";
            fin = resiliation.dateEffet().minusDays(1).isBefore(m.dateDebut()) ? m.dateDebut()
                    : resiliation.dateEffet().minusDays(1);
        }
        return new Ocds.Contract(m.numero(), String.valueOf(m.lot()), m.intituleLot() == null ? m.objet()
                : m.objet() + " - lot " + m.lot() + " : " + m.intituleLot(), statut,
                new Ocds.Periode(debut(m.dateDebut()), fin(fin)), Ocds.Valeur.euros(montant),
                date(m.dateNotification()), amendments);
    }

    private record Acheteur(Ocds.Partie partie, Ocds.ReferenceOrganisation reference) {
    }

    /**
     * The buyer: the centrale, or for a groupement de commandes its coordonnateur, by SIRET when known, else by
     * SIREN (the groupement events carry no establishment).
     */
    private static Acheteur acheteur(Consultation consultation, Editeur editeur) {
        Mutualisation.GroupementAcheteur groupement = consultation.mutualisation().groupement();
        Ocds.Partie partie;
        if (groupement == null || groupement.coordonnateur().equals(editeur.acheteurs().centrale().siren())) {
            Siret siret = editeur.acheteurs().centrale();
            partie = new Ocds.Partie(idSiret(siret), editeur.nomCentrale(),
                    new Ocds.Identifiant(SCHEMA_SIRET, siret.valeur(), editeur.nomCentrale()),
                    List.of("buyer", "procuringEntity"));
        } else {
            Siren siren = groupement.coordonnateur();
            String nom = groupement.nomCoordonnateur() == null || groupement.nomCoordonnateur().isBlank()
                    ? "SIREN " + siren.valeur() : groupement.nomCoordonnateur();
            Siret siret = editeur.acheteurs().etablissements().get(siren);
            partie = siret != null
                    ? new Ocds.Partie(idSiret(siret), nom, new Ocds.Identifiant(SCHEMA_SIRET, siret.valeur(), nom),
                            List.of("buyer", "procuringEntity"))
                    : new Ocds.Partie(SCHEMA_SIREN + "-" + siren.valeur(), nom,
                            new Ocds.Identifiant(SCHEMA_SIREN, siren.valeur(), nom), List.of("buyer", "procuringEntity"));
        }
        Ocds.ReferenceOrganisation reference = new Ocds.ReferenceOrganisation(partie.id(), partie.name());
        return new Acheteur(partie, reference);
    }

    private static List<AnalyseLot> trier(List<AnalyseLot> analyses) {
        return analyses.stream().sorted(Comparator.comparingInt(AnalyseLot::lot)).toList();
    }

    private static boolean criteresPrixSeul(Consultation consultation) {
        return consultation.criteres().liste().stream().allMatch(c -> c.type() == TypeCritere.PRIX)
                && consultation.lots().liste().stream().filter(l -> l.criteres() != null)
                        .allMatch(l -> l.criteres().liste().stream().allMatch(c -> c.type() == TypeCritere.PRIX));
    }

    private static String criteres(Consultation consultation) {
        return consultation.criteres().liste().stream().map(ConversionOcds::critere).collect(Collectors.joining(", "))
                + consultation.lots().liste().stream().filter(l -> l.criteres() != null)
                        .map(l -> " ; lot " + l.numero() + " : " + l.criteres().liste().stream()
                                .map(ConversionOcds::critere).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining());
    }

    private static String critere(CritereAttribution c) {
        return c.libelle() + " " + c.ponderation() + " %";
    }

    private static String categorie(Nature nature) {
        return switch (nature) {
            case FOURNITURES -> "goods";
            case SERVICES -> "services";
            case TRAVAUX -> "works";
        };
    }

    private static String idSiret(Siret siret) {
        return SCHEMA_SIRET + "-" + siret.valeur();
    }

    private static String nom(Offre offre) {
        return offre.raisonSociale() == null || offre.raisonSociale().isBlank() ? "SIRET " + offre.soumissionnaire()
                : offre.raisonSociale();
    }

    private static String majuscule(String texte) {
        return texte.isEmpty() ? texte : Character.toUpperCase(texte.charAt(0)) + texte.substring(1);
    }

    static String date(Instant instant) {
        return RFC3339.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(HeureDeParis.FUSEAU));
    }

    private static String debut(LocalDate jour) {
        return RFC3339.format(jour.atStartOfDay(HeureDeParis.FUSEAU));
    }

    private static String fin(LocalDate jour) {
        return RFC3339.format(jour.atTime(LocalTime.of(23, 59, 59)).atZone(HeureDeParis.FUSEAU));
    }
}

package fr.centraleachat.catalogue.recherche.domain;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The 45 divisions of the Common Procurement Vocabulary (first two digits of a code) with their French names, as the
 * CPV 2008 regulation gives them. A line's or a contract's code is searchable by its division's name ("mobilier",
 * "nettoyage"...) and the search counts its results per division. The vocabulary's 9 450 finer codes are not shipped.
 */
public final class DivisionsCpv {

    private static final Map<String, String> LIBELLES = new TreeMap<>(Map.ofEntries(
            Map.entry("03", "Produits agricoles, de l'élevage, de la pêche, de la sylviculture et produits connexes"),
            Map.entry("09", "Produits pétroliers, combustibles, électricité et autres sources d'énergie"),
            Map.entry("14", "Produits d'exploitation minière, métaux de base et produits connexes"),
            Map.entry("15", "Produits alimentaires, boissons, tabac et produits connexes"),
            Map.entry("16", "Machines agricoles"),
            Map.entry("18", "Vêtements, articles chaussants, bagages et accessoires"),
            Map.entry("19", "Cuir et textiles, matériaux en plastique et en caoutchouc"),
            Map.entry("22", "Imprimés et produits connexes"),
            Map.entry("24", "Produits chimiques"),
            Map.entry("30", "Machines, matériel et fournitures informatique et de bureau, excepté les meubles et "
                    + "logiciels"),
            Map.entry("31", "Machines, appareils, équipement et consommables électriques ; éclairage"),
            Map.entry("32", "Équipements et appareils de radio, de télévision, de communication, de télécommunication "
                    + "et équipements connexes"),
            Map.entry("33", "Matériels médicaux, pharmaceutiques et produits de soins personnels"),
            Map.entry("34", "Équipements de transport et produits auxiliaires pour le transport"),
            Map.entry("35", "Équipements de sécurité, de lutte contre l'incendie, de police et de défense"),
            Map.entry("37", "Instruments de musique, articles de sport, jeux, jouets, articles pour artisanat, "
                    + "articles pour travaux artistiques et accessoires"),
            Map.entry("38", "Équipements de laboratoire, d'optique et de précision (excepté les lunettes)"),
            Map.entry("39", "Meubles (y compris les meubles de bureau), aménagements, appareils électroménagers (à "
                    + "l'exclusion de l'éclairage) et produits de nettoyage"),
            Map.entry("41", "Eau collectée et purifiée"),
            Map.entry("42", "Machines industrielles"),
            Map.entry("43", "Machines pour l'exploitation minière et le travail des carrières, matériel de "
                    + "construction"),
            Map.entry("44", "Structures et matériaux de construction ; produits auxiliaires pour la construction (à "
                    + "l'exception des appareils électriques)"),
            Map.entry("45", "Travaux de construction"),
            Map.entry("48", "Logiciels et systèmes d'information"),
            Map.entry("50", "Services de réparation et d'entretien"),
            Map.entry("51", "Services d'installation (excepté les logiciels)"),
            Map.entry("55", "Services d'hôtellerie, de restauration et de commerce au détail"),
            Map.entry("60", "Services de transport (à l'exclusion du transport des déchets)"),
            Map.entry("63", "Services de transport complémentaires et auxiliaires ; services des agences de voyages"),
            Map.entry("64", "Services des postes et télécommunications"),
            Map.entry("65", "Services publics"),
            Map.entry("66", "Services financiers et services d'assurance"),
            Map.entry("70", "Services immobiliers"),
            Map.entry("71", "Services d'architecture, services de construction, services d'ingénierie et services "
                    + "d'inspection"),
            Map.entry("72", "Services de technologies de l'information, conseil, développement de logiciels, "
                    + "internet et appui"),
            Map.entry("73", "Services de recherche et développement et services de conseil connexes"),
            Map.entry("75", "Services de l'administration publique, de la défense et de la sécurité sociale"),
            Map.entry("76", "Services liés à l'industrie pétrolière et gazière"),
            Map.entry("77", "Services agricoles, sylvicoles, horticoles, aquacoles et apicoles"),
            Map.entry("79", "Services aux entreprises : droit, marketing, conseil, recrutement, impression et "
                    + "sécurité"),
            Map.entry("80", "Services d'enseignement et de formation"),
            Map.entry("85", "Services de santé et services sociaux"),
            Map.entry("90", "Services d'évacuation des eaux usées et d'élimination des déchets, services d'hygiène et "
                    + "services relatifs à l'environnement"),
            Map.entry("92", "Services récréatifs, culturels et sportifs"),
            Map.entry("98", "Autres services communautaires, sociaux et personnels")));

    private DivisionsCpv() {
    }

    /** The division's name; empty for two digits that are no CPV division. */
    public static Optional<String> libelle(String division) {
        return Optional.ofNullable(division == null ? null : LIBELLES.get(division));
    }

    public static boolean existe(String division) {
        return division != null && LIBELLES.containsKey(division);
    }
}

package fr.centraleachat.marche.opendata.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The données essentielles de la commande publique in the official DECP v2.0.3 JSON format (schema
 * {@code schema_decp_v2.0.3.json}, published by the Ministry of the Economy): property names and labels exactly as
 * the schema spells them, the file the national open-data portal takes being {@code {"marches":{"marche":[…]}}}.
 */
public final class Decp {

    private Decp() {
    }

    /** The whole file: {@code {"marches":{"marche":[…]}}}. */
    public record Fichier(Marches marches) {

        public static Fichier de(List<Marche> marches) {
            return new Fichier(new Marches(marches));
        }
    }

    public record Marches(List<Marche> marche) {
        public Marches {
            marche = List.copyOf(marche);
        }
    }

    /**
     * One marché. Dates are {@code AAAA-MM-JJ}; amounts in euros HT. {@code modifications} is absent (not empty: the
     * schema wants at least one item) until a first modification.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Marche(String id, Acheteur acheteur, String nature, String objet, String codeCPV,
            Techniques techniques, ModalitesExecution modalitesExecution, boolean marcheInnovant, String ccag,
            int offresRecues, boolean attributionAvance, String typeGroupementOperateurs,
            boolean sousTraitanceDeclaree, String procedure, LieuExecution lieuExecution, int dureeMois,
            String dateNotification, String datePublicationDonnees, BigDecimal montant, TypesPrix typesPrix,
            String formePrix, List<TitulaireDe> titulaires, ConsiderationsSociales considerationsSociales,
            ConsiderationsEnvironnementales considerationsEnvironnementales, List<ModificationDe> modifications) {

        public Marche {
            Objects.requireNonNull(id, "id");
            titulaires = List.copyOf(titulaires);
            modifications = modifications == null || modifications.isEmpty() ? null : List.copyOf(modifications);
        }
    }

    public record Acheteur(String id) {
    }

    public record Techniques(List<String> technique) {
    }

    public record ModalitesExecution(List<String> modaliteExecution) {
    }

    public record LieuExecution(String code, String typeCode) {
    }

    public record TypesPrix(List<String> typePrix) {
    }

    public record ConsiderationsSociales(List<String> considerationSociale) {
    }

    public record ConsiderationsEnvironnementales(List<String> considerationEnvironnementale) {
    }

    /** The schema wraps each titulaire: {@code {"titulaire":{…}}}. */
    public record TitulaireDe(Titulaire titulaire) {
    }

    public record Titulaire(String typeIdentifiant, String id) {
    }

    /** The schema wraps each modification: {@code {"modification":{…}}}. */
    public record ModificationDe(Modification modification) {
    }

    /** A modification: what it changed (new total duration, new amount, titulaires) and its two dates. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Modification(int id, Integer dureeMois, BigDecimal montant, List<TitulaireDe> titulaires,
            String dateNotificationModification, String datePublicationDonneesModification) {
    }
}

package fr.centraleachat.marche.opendata.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * Open Contracting Data Standard 1.1.5 documents (release package, record package and their parts), with the
 * standard's property names; dates are RFC 3339 date-times in Europe/Paris. Lots use the OCDS lots extension
 * ({@code tender.lots}, {@code items[].relatedLot}, {@code awards[].relatedLots}).
 */
public final class Ocds {

    /** The version the packages declare ({@code major.minor}); the schemas are those of 1.1.5. */
    public static final String VERSION = "1.1";
    public static final String EXTENSION_LOTS =
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";
    /** Etalab's Licence Ouverte 2.0, the licence of French public open data. */
    public static final String LICENCE = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    private Ocds() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaquetDeReleases(String uri, String version, List<String> extensions, String publishedDate,
            Editeur publisher, String license, List<Release> releases) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaquetDeRecords(String uri, String version, List<String> extensions, String publishedDate,
            Editeur publisher, String license, List<String> packages, List<Record> records) {
    }

    public record Record(String ocid, List<Release> releases, Release compiledRelease) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Editeur(String name, String scheme, String uid) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Release(String ocid, String id, String date, List<String> tag, String initiationType,
            List<Partie> parties, ReferenceOrganisation buyer, Tender tender, List<Award> awards,
            List<Contract> contracts, String language) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Partie(String id, String name, Identifiant identifier, List<String> roles) {
    }

    public record Identifiant(String scheme, String id, String legalName) {
    }

    public record ReferenceOrganisation(String id, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Tender(String id, String title, String status, ReferenceOrganisation procuringEntity,
            List<Item> items, List<Lot> lots, Valeur value, String procurementMethod, String procurementMethodDetails,
            String mainProcurementCategory, String awardCriteria, String awardCriteriaDetails,
            List<String> submissionMethod, Periode tenderPeriod, List<Amendment> amendments) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String id, String description, Classification classification, String relatedLot) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lot(String id, String title, String status, Valeur value) {
    }

    public record Classification(String scheme, String id) {
    }

    public record Valeur(BigDecimal amount, String currency) {

        public static Valeur euros(BigDecimal montant) {
            return new Valeur(montant, "EUR");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Periode(String startDate, String endDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Award(String id, String title, String status, String date, Valeur value,
            List<ReferenceOrganisation> suppliers, List<String> relatedLots) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Contract(String id, String awardID, String title, String status, Periode period, Valeur value,
            String dateSigned, List<Amendment> amendments) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Amendment(String id, String date, String rationale, String description) {
    }
}

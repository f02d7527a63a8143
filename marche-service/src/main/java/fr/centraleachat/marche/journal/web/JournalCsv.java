package fr.centraleachat.marche.journal.web;

import fr.centraleachat.marche.journal.domain.EntreeJournal;
import fr.centraleachat.support.json.DatesBornees;
import java.util.List;

/**
 * CSV as French spreadsheets open it: UTF-8 with a byte order mark, {@code ;} between fields, CRLF between
 * records, a header row; a field holding a separator, a quote or a line break is quoted (RFC 4180). A field a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with an
 * apostrophe; the JSON export gives every value verbatim, as hashed.
 */
final class JournalCsv {

    static final String BOM = "\uFEFF";
    static final String EN_TETE = "rang;horodatage;acteur;roles;action;resume;correlationId;hashPrecedent;hash\r\n";

    private JournalCsv() {
    }

    static String ligne(EntreeJournal e) {
        List<String> champs = List.of(Long.toString(e.rang()), DatesBornees.ecrire(e.horodatage()), e.acteur(),
                String.join(",", e.roles()), e.action().name(), e.resume(),
                e.correlationId() == null ? "" : e.correlationId(), e.hashPrecedent(), e.hash());
        StringBuilder ligne = new StringBuilder();
        for (int i = 0; i < champs.size(); i++) {
            if (i > 0) {
                ligne.append(';');
            }
            ligne.append(champ(champs.get(i)));
        }
        return ligne.append("\r\n").toString();
    }

    static String champ(String valeur) {
        String sur = !valeur.isEmpty() && "=+-@\t\r".indexOf(valeur.charAt(0)) >= 0 ? "'" + valeur : valeur;
        if (sur.indexOf(';') >= 0 || sur.indexOf('"') >= 0 || sur.indexOf('\n') >= 0 || sur.indexOf('\r') >= 0) {
            return '"' + sur.replace("\"", "\"\"") + '"';
        }
        return sur;
    }
}

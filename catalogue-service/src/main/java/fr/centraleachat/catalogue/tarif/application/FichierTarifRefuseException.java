package fr.centraleachat.catalogue.tarif.application;

import fr.centraleachat.support.web.Problemes;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An import refused whole: nothing of the file was kept. Answered 400 with one entry of {@code erreurs} per faulty
 * cell listed (field {@code fichier}, the message naming the line and column), {@code erreursTotal} counting them
 * all even when only the first are listed.
 */
public class FichierTarifRefuseException extends ErrorResponseException {

    private final List<String> messages;
    private final long total;

    public FichierTarifRefuseException(String nomFichier, List<String> messages, long total) {
        super(HttpStatus.BAD_REQUEST, probleme(nomFichier, messages, total), null);
        this.messages = List.copyOf(messages);
        this.total = total;
    }

    public List<String> messages() {
        return messages;
    }

    public long total() {
        return total;
    }

    private static ProblemDetail probleme(String nomFichier, List<String> messages, long total) {
        String detail = "Le fichier « " + nomFichier + " » est refusé : aucune ligne n'a été importée. "
                + (total == 1 ? "1 erreur" : total + " erreurs")
                + (total > messages.size() ? " (les " + messages.size() + " premières sont listées)" : "") + ".";
        ProblemDetail probleme = Problemes.requeteInvalide(detail,
                messages.stream().map(m -> new Problemes.ErreurChamp("fichier", m)).toList());
        probleme.setProperty("erreursTotal", total);
        return probleme;
    }
}

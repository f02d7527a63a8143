package fr.centraleachat.support.idempotence;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import fr.centraleachat.kernel.ValeurInvalideException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} on POST: the first request under a key (per caller) runs and its successful answer is
 * kept; a retry with the same request gets that answer again without running anything; the same key with another
 * request is a 422, and a retry while the first still runs a 409. Runs after the role check, so a caller the
 * endpoint refuses never gets its body read here.
 */
class IdempotenceInterceptor implements HandlerInterceptor {

    static final String ENTETE = "Idempotency-Key";
    static final String ENTETE_REJOUEE = "Idempotency-Replayed";
    static final String ATTRIBUT_RESERVATION = IdempotenceInterceptor.class.getName() + ".reservation";
    static final int LONGUEUR_MAX = 255;

    private final MagasinIdempotence magasin;

    IdempotenceInterceptor(MagasinIdempotence magasin) {
        this.magasin = magasin;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String cle = request.getHeader(ENTETE);
        if (!(handler instanceof HandlerMethod) || !"POST".equals(request.getMethod()) || cle == null) {
            return true;
        }
        verifier(cle);
        RequeteRelisible relisible = WebUtils.getNativeRequest(request, RequeteRelisible.class);
        if (relisible == null) {
            return true;
        }
        String empreinte = empreinte(request, relisible.corps());
        String id = hache(appelant() + "\n" + cle);
        MagasinIdempotence.Resultat resultat = magasin.reserver(id, empreinte);
        if (resultat instanceof MagasinIdempotence.Reservee) {
            request.setAttribute(ATTRIBUT_RESERVATION, id);
            return true;
        }
        if (resultat instanceof MagasinIdempotence.EnCours enCours) {
            throw enCours.empreinte().equals(empreinte) ? IdempotenceRefuseeException.enCours()
                    : IdempotenceRefuseeException.autreRequete();
        }
        MagasinIdempotence.Terminee terminee = (MagasinIdempotence.Terminee) resultat;
        if (!terminee.empreinte().equals(empreinte)) {
            throw IdempotenceRefuseeException.autreRequete();
        }
        rejouer(response, terminee.reponse());
        return false;
    }

    static void verifier(String cle) {
        if (cle.isEmpty() || cle.length() > LONGUEUR_MAX || !cle.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new ValeurInvalideException(ENTETE, "La clé d'idempotence doit compter de 1 à " + LONGUEUR_MAX
                    + " caractères ASCII visibles, sans espace (un UUID par exemple).");
        }
    }

    private static void rejouer(HttpServletResponse response, MagasinIdempotence.ReponseEnregistree reponse)
            throws IOException {
        response.setStatus(reponse.statut());
        if (reponse.typeContenu() != null) {
            response.setContentType(reponse.typeContenu());
        }
        if (reponse.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, reponse.location());
        }
        response.setHeader(ENTETE_REJOUEE, "true");
        response.setContentLength(reponse.corps().length);
        response.getOutputStream().write(reponse.corps());
    }

    /** The caller: keys are scoped to whoever sent them, so two clients never share one by chance. */
    private static String appelant() {
        Authentication authentification = SecurityContextHolder.getContext().getAuthentication();
        return authentification == null || authentification.getName() == null ? "anonyme" : authentification.getName();
    }

    private static String empreinte(HttpServletRequest request, byte[] corps) {
        MessageDigest sha = sha256();
        sha.update((request.getMethod() + " " + request.getRequestURI() + "?"
                + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        sha.update(corps);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String hache(String texte) {
        return HexFormat.of().formatHex(sha256().digest(texte.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

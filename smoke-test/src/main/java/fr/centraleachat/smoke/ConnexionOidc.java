package fr.centraleachat.smoke;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets a user's access token the way a browser would: authorization code with PKCE, through the authorization
 * server's login form. Nothing is shortcut, so a smoke run also proves that real users can sign in.
 */
public final class ConnexionOidc {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final URI serveur;
    private final String clientId;
    private final String redirectUri;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SecureRandom aleatoire = new SecureRandom();

    public ConnexionOidc(URI serveur, String clientId, String redirectUri) {
        this.serveur = serveur;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** Signs in and returns the access token, or throws with what went wrong. */
    public String jetonPour(String utilisateur, String motDePasse) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = base64Url(octets(32));
        String etat = base64Url(octets(12));
        String autorisation = serveur.resolve("/oauth2/authorize") + "?" + formulaire(Map.of(
                "response_type", "code", "client_id", clientId, "redirect_uri", redirectUri, "scope", "openid",
                "state", etat, "code_challenge", base64Url(sha256(verifier)), "code_challenge_method", "S256"));

        HttpResponse<String> reponse = get(http, URI.create(autorisation));
        URI pageConnexion = suivre(reponse, "authorize → login");
        HttpResponse<String> formulaireConnexion = get(http, pageConnexion);
        Matcher csrf = CSRF.matcher(formulaireConnexion.body());
        Map<String, String> champs = new LinkedHashMap<>();
        champs.put("username", utilisateur);
        champs.put("password", motDePasse);
        if (csrf.find()) {
            champs.put("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        }
        HttpResponse<String> connexion = http.send(HttpRequest.newBuilder(pageConnexion)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(formulaire(champs))).build(),
                HttpResponse.BodyHandlers.ofString());
        URI apresConnexion = suivre(connexion, "login");
        if (apresConnexion.getQuery() != null && apresConnexion.getQuery().contains("error")) {
            throw new IllegalStateException("login refused for " + utilisateur);
        }
        URI retour = apresConnexion;
        for (int i = 0; i < 5 && !retour.toString().startsWith(redirectUri); i++) {
            retour = suivre(get(http, retour), "authorize after login");
        }
        String code = parametre(retour, "code");
        if (code == null || !etat.equals(parametre(retour, "state"))) {
            throw new IllegalStateException("no authorization code for " + utilisateur + ": " + retour);
        }
        HttpResponse<String> jeton = http.send(HttpRequest.newBuilder(serveur.resolve("/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(formulaire(Map.of("grant_type", "authorization_code",
                                "code", code, "redirect_uri", redirectUri, "client_id", clientId,
                                "code_verifier", verifier)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (jeton.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + jeton.statusCode() + ": " + jeton.body());
        }
        return json.readTree(jeton.body()).get("access_token").asString();
    }

    /** Client-credentials token of another information system. */
    public static String jetonClient(URI serveur, String clientId, String secret, String scopes)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> reponse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(serveur.resolve("/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(formulaire(Map.of("grant_type", "client_credentials",
                                "scope", scopes)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reponse.statusCode() != 200) {
            throw new IllegalStateException("client credentials refused: " + reponse.statusCode() + " " + reponse.body());
        }
        return JsonMapper.builder().build().readTree(reponse.body()).get("access_token").asString();
    }

    /** The claims of a JWT, read without checking the signature (the services check it). */
    public static JsonNode claims(String jwt) {
        String[] parties = jwt.split("\\.");
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(parties[1]));
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI suivre(HttpResponse<String> reponse, String etape) {
        if (reponse.statusCode() / 100 != 3) {
            throw new IllegalStateException(etape + ": expected a redirect, got " + reponse.statusCode());
        }
        String location = reponse.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(etape + ": redirect without Location"));
        return reponse.uri().resolve(location);
    }

    private static String parametre(URI uri, String nom) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (String paire : uri.getRawQuery().split("&")) {
            int egal = paire.indexOf('=');
            if (egal > 0 && paire.substring(0, egal).equals(nom)) {
                return java.net.URLDecoder.decode(paire.substring(egal + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String formulaire(Map<String, String> champs) {
        return champs.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private byte[] octets(int n) {
        byte[] octets = new byte[n];
        aleatoire.nextBytes(octets);
        return octets;
    }

    private static String base64Url(byte[] octets) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
    }

    private static byte[] sha256(String texte) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(texte.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package fr.centraleachat.contrat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to send: method, path with its query, the bearer token (null for none), the raw body (null for
 * none) and its content type (null for no header), and extra headers.
 */
public record Requete(String methode, String chemin, String jeton, byte[] corps, String typeContenu,
        Map<String, String> entetes) {

    public Requete {
        entetes = Map.copyOf(entetes);
    }

    public static Requete get(String chemin) {
        return new Requete("GET", chemin, null, null, null, Map.of());
    }

    public static Requete de(String methode, String chemin) {
        return new Requete(methode, chemin, null, null, null, Map.of());
    }

    public Requete avecJeton(String valeur) {
        return new Requete(methode, chemin, valeur, corps, typeContenu, entetes);
    }

    public Requete avecCorps(byte[] octets, String type) {
        return new Requete(methode, chemin, jeton, octets, type, entetes);
    }

    public Requete avecCorps(String texte, String type) {
        return avecCorps(texte.getBytes(StandardCharsets.UTF_8), type);
    }

    public Requete avecEntete(String nom, String valeur) {
        Map<String, String> toutes = new LinkedHashMap<>(entetes);
        toutes.put(nom, valeur);
        return new Requete(methode, chemin, jeton, corps, typeContenu, toutes);
    }
}

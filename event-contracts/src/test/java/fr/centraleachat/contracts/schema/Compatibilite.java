package fr.centraleachat.contracts.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares a published schema with the one generated now, as a consumer of the published version sees it. Events of
 * that version already in the topics must stay valid, and a consumer written against it must keep working: the only
 * compatible structural change is a new optional property (consumers ignore unknown fields). Any removed or renamed
 * property, changed type, format or enumeration, new required property, or property turned optional or required is
 * incompatible. Texts ({@code title}, {@code description}) may change.
 */
final class Compatibilite {

    private static final Set<String> TEXTES = Set.of("title", "description", "$id", "$schema");
    /** Compared one by one below; every other keyword must stay as published. */
    private static final Set<String> STRUCTURE = Set.of("type", "properties", "required", "items");

    private Compatibilite() {
    }

    /** What breaks the published version's consumers, one line each; empty when the change is compatible. */
    static List<String> incompatibilites(Map<String, Object> publie, Map<String, Object> genere) {
        List<String> ecarts = new ArrayList<>();
        comparer("", publie, genere, ecarts);
        return ecarts;
    }

    /** Whether the two schemas describe the same thing and read the same (texts included). */
    static boolean identiques(Map<String, Object> publie, Map<String, Object> genere) {
        return sansId(publie).equals(sansId(genere));
    }

    private static Map<String, Object> sansId(Map<String, Object> schema) {
        Map<String, Object> copie = new LinkedHashMap<>(schema);
        copie.remove("$id");
        return copie;
    }

    @SuppressWarnings("unchecked")
    private static void comparer(String chemin, Map<String, Object> publie, Map<String, Object> genere,
            List<String> ecarts) {
        String ici = chemin.isEmpty() ? "(root)" : chemin;
        Set<Object> typesPublies = types(publie);
        Set<Object> typesGeneres = types(genere);
        if (!typesPublies.equals(typesGeneres)) {
            ecarts.add(ici + ": type " + typesPublies + " became " + typesGeneres
                    + (typesGeneres.contains("null") != typesPublies.contains("null")
                            ? (typesGeneres.contains("null") ? " (may now be null)" : " (may no longer be null)")
                            : ""));
            return;
        }
        for (String mot : publie.keySet()) {
            if (!TEXTES.contains(mot) && !STRUCTURE.contains(mot)
                    && !Objects.equals(publie.get(mot), genere.get(mot))) {
                ecarts.add(ici + ": " + mot + " " + publie.get(mot) + " became " + genere.get(mot));
            }
        }
        for (String mot : genere.keySet()) {
            if (!TEXTES.contains(mot) && !STRUCTURE.contains(mot) && !publie.containsKey(mot)) {
                ecarts.add(ici + ": constraint " + mot + " added (" + genere.get(mot) + ")");
            }
        }
        if (publie.get("items") instanceof Map<?, ?> elementsPublies) {
            if (genere.get("items") instanceof Map<?, ?> elementsGeneres) {
                comparer(chemin + "[]", (Map<String, Object>) elementsPublies, (Map<String, Object>) elementsGeneres,
                        ecarts);
            } else {
                ecarts.add(ici + ": no longer a list of described items");
            }
        }
        Map<String, Object> proprietesPubliees = proprietes(publie);
        Map<String, Object> proprietesGenerees = proprietes(genere);
        Set<String> requisesPubliees = requises(publie);
        Set<String> requisesGenerees = requises(genere);
        for (Map.Entry<String, Object> propriete : proprietesPubliees.entrySet()) {
            String nom = propriete.getKey();
            String sous = chemin.isEmpty() ? nom : chemin + "." + nom;
            if (!proprietesGenerees.containsKey(nom)) {
                ecarts.add(sous + ": property removed or renamed");
                continue;
            }
            if (requisesPubliees.contains(nom) && !requisesGenerees.contains(nom)) {
                ecarts.add(sous + ": required property became optional");
            } else if (!requisesPubliees.contains(nom) && requisesGenerees.contains(nom)) {
                ecarts.add(sous + ": optional property became required");
            }
            comparer(sous, (Map<String, Object>) propriete.getValue(),
                    (Map<String, Object>) proprietesGenerees.get(nom), ecarts);
        }
        for (String nom : proprietesGenerees.keySet()) {
            if (!proprietesPubliees.containsKey(nom) && requisesGenerees.contains(nom)) {
                ecarts.add((chemin.isEmpty() ? nom : chemin + "." + nom) + ": new required property");
            }
        }
    }

    private static Set<Object> types(Map<String, Object> schema) {
        Object type = schema.get("type");
        return type instanceof List<?> liste ? new LinkedHashSet<>(liste) : new LinkedHashSet<>(List.of(
                Objects.requireNonNullElse(type, "(none)")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> proprietes(Map<String, Object> schema) {
        return schema.get("properties") instanceof Map<?, ?> proprietes ? (Map<String, Object>) proprietes : Map.of();
    }

    private static Set<String> requises(Map<String, Object> schema) {
        Set<String> requises = new LinkedHashSet<>();
        if (schema.get("required") instanceof List<?> liste) {
            liste.forEach(nom -> requises.add((String) nom));
        }
        return requises;
    }
}

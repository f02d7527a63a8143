package fr.centraleachat.contrat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inputs a hostile or careless client sends, built for one operation from a valid sample of its body: each
 * case breaks one thing only (the syntax, the content type, the size, one field...), so that the answer tells
 * which check let it through. Every case must be refused with a 4xx problem and change nothing.
 */
public final class CorpusHostile {

    public static final String JSON = "application/json";
    /** Above the 1 MB a service reads. */
    static final int TAILLE_TROP_GRANDE = 1_200_000;
    static final int PROFONDEUR = 100_000;

    private static final JsonNodeFactory NOEUDS = JsonNodeFactory.instance;
    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

    /** One request of the corpus: what it breaks, and the body and content type to send. */
    public record Cas(String nom, byte[] corps, String typeContenu) {

        static Cas json(String nom, String corps) {
            return new Cas(nom, corps.getBytes(StandardCharsets.UTF_8), JSON);
        }
    }

    private CorpusHostile() {
    }

    /** For an operation that takes a JSON body, from a valid sample of it and its (resolved) schema. */
    public static List<Cas> pourCorps(JsonNode exemple, JsonNode schema) {
        List<Cas> cas = new ArrayList<>();
        String valide = exemple.toString();
        // Syntax.
        cas.add(Cas.json("malformed: truncated", valide.substring(0, Math.max(1, valide.length() / 2))));
        cas.add(Cas.json("malformed: unclosed object", "{\"oops\":"));
        cas.add(Cas.json("malformed: trailing comma", valide.length() > 2 && valide.endsWith("}")
                ? valide.substring(0, valide.length() - 1) + ",}" : "[1,]"));
        cas.add(Cas.json("malformed: trailing garbage", valide + "}"));
        cas.add(Cas.json("malformed: second document", valide + valide));
        cas.add(Cas.json("malformed: not JSON", "ceci n'est pas du JSON"));
        cas.add(Cas.json("malformed: single quotes", "{'objet':'x'}"));
        cas.add(Cas.json("malformed: NaN", "{\"x\":NaN}"));
        cas.add(Cas.json("malformed: comment", "/* commentaire */" + valide));
        cas.add(new Cas("malformed: empty body", new byte[0], JSON));
        cas.add(new Cas("malformed: invalid UTF-8", concat("{\"x\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "\"}".getBytes(StandardCharsets.UTF_8)), JSON));
        // Wrong top-level type.
        cas.add(Cas.json("top-level: null", "null"));
        cas.add(Cas.json("top-level: array", "[" + valide + "]"));
        cas.add(Cas.json("top-level: string", "\"texte\""));
        cas.add(Cas.json("top-level: number", "42"));
        if (schema != null && schema.has("required") && !schema.get("required").isEmpty()) {
            cas.add(Cas.json("top-level: empty object", "{}"));
        }
        // Content type.
        byte[] octets = valide.getBytes(StandardCharsets.UTF_8);
        cas.add(new Cas("content type: text/plain", octets, "text/plain"));
        cas.add(new Cas("content type: application/xml", octets, "application/xml"));
        cas.add(new Cas("content type: form", octets, "application/x-www-form-urlencoded"));
        cas.add(new Cas("content type: none", octets, null));
        cas.add(new Cas("content type: invalid", octets, "json"));
        // Size and depth.
        cas.add(Cas.json("oversized: 1.2 MB string", "{\"x\":\"" + "a".repeat(TAILLE_TROP_GRANDE) + "\"}"));
        cas.add(Cas.json("oversized: 3 MB array", "[" + "0,".repeat(1_500_000) + "0]"));
        cas.add(Cas.json("deep nesting: arrays", "[".repeat(PROFONDEUR) + "]".repeat(PROFONDEUR)));
        cas.add(Cas.json("deep nesting: objects", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)));
        // Keys.
        if (exemple.isObject()) {
            cas.add(Cas.json("unknown field", avec((ObjectNode) exemple, "champInconnu", NOEUDS.numberNode(1))));
            cas.add(Cas.json("NoSQL key: $where", avec((ObjectNode) exemple, "$where", NOEUDS.stringNode("sleep(5000) || true"))));
            cas.add(Cas.json("NoSQL key: $gt", avec((ObjectNode) exemple, "$gt", NOEUDS.stringNode(""))));
            cas.add(Cas.json("NoSQL key: $set", avec((ObjectNode) exemple, "$set",
                    NOEUDS.objectNode().put("statut", "PUBLIEE"))));
            cas.add(Cas.json("NoSQL key: dotted", avec((ObjectNode) exemple, "a.b", NOEUDS.stringNode("x"))));
            cas.add(Cas.json("key with control character", avec((ObjectNode) exemple, "ob\u0000jet", NOEUDS.stringNode("x"))));
            cas.add(Cas.json("unknown field: _id", avec((ObjectNode) exemple, "_id", NOEUDS.stringNode("forged"))));
        }
        // Field by field.
        for (Champ champ : champs(exemple, schema)) {
            for (Map.Entry<String, JsonNode> mutation : mutations(champ).entrySet()) {
                cas.add(Cas.json(champ.nom() + ": " + mutation.getKey(), champ.remplacer(exemple, mutation.getValue())));
            }
            if (champ.requis()) {
                cas.add(Cas.json(champ.nom() + ": missing", champ.retirer(exemple)));
            }
        }
        return cas;
    }

    /** For an operation that takes no body: any body must be refused rather than ignored. */
    /**
     * Uploads (multipart/form-data): truncated or malformed bodies, a file whose content is not an accepted type
     * whatever its name, a missing or malformed JSON part, an unknown part, NoSQL operators in the JSON part.
     * Each would be refused even on a resource that accepts uploads.
     */
    public static List<Cas> pourMultipart() {
        String b = "centrale-corpus";
        String type = "multipart/form-data; boundary=" + b;
        String json = "--" + b + "\r\nContent-Disposition: form-data; name=\"offre\"\r\nContent-Type: application/json"
                + "\r\n\r\n";
        String fichier = "--" + b + "\r\nContent-Disposition: form-data; name=\"pieces\"; filename=\"offre.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        String fin = "--" + b + "--\r\n";
        List<Cas> cas = new ArrayList<>();
        cas.add(new Cas("multipart: truncated in a part", (json + "{\"prixHt\":100}\r\n" + fichier + "%PDF-1.7 tronq")
                .getBytes(StandardCharsets.UTF_8), type));
        cas.add(new Cas("multipart: no boundary in the content type", (json + "{}\r\n" + fin)
                .getBytes(StandardCharsets.UTF_8), "multipart/form-data"));
        cas.add(new Cas("multipart: garbage", "pas du multipart".getBytes(StandardCharsets.UTF_8), type));
        cas.add(new Cas("multipart: executable named .pdf", (json + "{\"prixHt\":100}\r\n" + fichier
                + "MZ\u0090\u0000 programme\r\n" + fin).getBytes(StandardCharsets.ISO_8859_1), type));
        cas.add(new Cas("multipart: script named .pdf", (json + "{\"prixHt\":100}\r\n" + fichier
                + "#!/bin/sh\nrm -rf /\r\n" + fin).getBytes(StandardCharsets.UTF_8), type));
        cas.add(new Cas("multipart: file without its JSON part", (fichier + "%PDF-1.7\n%%EOF\r\n" + fin)
                .getBytes(StandardCharsets.UTF_8), type));
        cas.add(new Cas("multipart: malformed JSON part", (json + "{\"prixHt\":\r\n" + fin)
                .getBytes(StandardCharsets.UTF_8), type));
        cas.add(new Cas("multipart: NoSQL operator in the JSON part", (json + "{\"prixHt\":{\"$gt\":0}}\r\n" + fin)
                .getBytes(StandardCharsets.UTF_8), type));
        cas.add(new Cas("multipart: huge exponent in the JSON part", (json + "{\"prixHt\":1e999999999}\r\n" + fin)
                .getBytes(StandardCharsets.UTF_8), type));
        cas.add(new Cas("multipart: path traversal file name", (json + "{\"prixHt\":100}\r\n" + fichier
                .replace("offre.pdf", "../../../../etc/passwd") + "root:x:0:0\r\n" + fin)
                .getBytes(StandardCharsets.UTF_8), type));
        return cas;
    }

    public static List<Cas> pourSansCorps() {
        return List.of(
                Cas.json("body on a body-less endpoint: malformed", "{\"oops\":"),
                Cas.json("body on a body-less endpoint: empty object", "{}"),
                Cas.json("body on a body-less endpoint: state field", "{\"statut\":\"PUBLIEE\"}"),
                Cas.json("body on a body-less endpoint: NoSQL operator", "{\"$where\":\"1\"}"),
                new Cas("body on a body-less endpoint: text", "oops".getBytes(StandardCharsets.UTF_8), "text/plain"),
                Cas.json("body on a body-less endpoint: oversized", "{\"x\":\"" + "a".repeat(TAILLE_TROP_GRANDE) + "\"}"));
    }

    /** Values put in place of one path parameter (the rest of the request valid). */
    public static Map<String, String> valeursDeCheminHostiles() {
        Map<String, String> valeurs = new java.util.LinkedHashMap<>();
        valeurs.put("NoSQL operator", "%7B%22%24gt%22%3A%22%22%7D");
        valeurs.put("$where", "%24where");
        valeurs.put("NUL character", "%00");
        valeurs.put("line feed", "abc%0Adef");
        valeurs.put("bidi override", "%E2%80%AEabc");
        valeurs.put("encoded traversal", "..%2F..%2Factuator");
        valeurs.put("9000 characters", "a".repeat(9_000));
        valeurs.put("20000 characters", "a".repeat(20_000));
        return valeurs;
    }

    /** Values put in one query parameter, by what they break, for the type its schema declares. */
    /** Header values an HTTP client can send (no control characters) that a header parameter must refuse. */
    public static Map<String, String> valeursDEnteteHostiles() {
        Map<String, String> valeurs = new java.util.LinkedHashMap<>();
        valeurs.put("inner space", "deux mots");
        valeurs.put("NoSQL operator", "{\"$gt\": \"\"}");
        valeurs.put("300 characters", "a".repeat(300));
        valeurs.put("8000 characters", "a".repeat(8_000));
        return valeurs;
    }

    public static Map<String, String> valeursDeRequeteHostiles(JsonNode schema) {
        Map<String, String> valeurs = new java.util.LinkedHashMap<>();
        JsonNode s = schema == null ? NOEUDS.objectNode() : schema;
        String type = ExemplesDeSchema.type(s);
        String format = s.path("format").asString("");
        valeurs.put("NoSQL operator", "{\"$gt\":\"\"}");
        valeurs.put("control character", "abc\u0000def");
        valeurs.put("bidi override", "\u202Eabc");
        valeurs.put("5000 characters", "a".repeat(5_000));
        if (s.has("enum")) {
            String premier = s.get("enum").get(0).asString();
            valeurs.put("unknown enum value", "VALEUR_INCONNUE");
            valeurs.put("enum in lower case", premier.toLowerCase(Locale.ROOT));
            valeurs.put("enum padded", " " + premier + " ");
            valeurs.put("enum as ordinal", "0");
        } else if (type.equals("number") || type.equals("integer")) {
            valeurs.put("huge exponent 1e100000", "1e100000");
            valeurs.put("huge exponent 1e999999999", "1e999999999");
            valeurs.put("huge negative exponent", "-1e999999999");
            valeurs.put("5000 digits", "9".repeat(5_000));
            valeurs.put("NaN", "NaN");
            valeurs.put("Infinity", "Infinity");
            valeurs.put("not a number", "douze");
        } else if (format.equals("date")) {
            valeurs.put("extreme date -999999999-01-01", "-999999999-01-01");
            valeurs.put("extreme date +999999999-12-31", "+999999999-12-31");
            valeurs.put("impossible date", "2026-02-30");
        } else if (format.equals("date-time")) {
            valeurs.put("extreme instant -999999999", "-999999999-01-01T00:00:00Z");
            valeurs.put("extreme instant +300000000", "+300000000-01-01T00:00:00Z");
        } else if (type.equals("string")) {
            // Today's untyped string parameters all carry structured values (identifiers, codes, instants).
            valeurs.put("extreme instant -999999999", "-999999999-01-01T00:00:00Z");
            valeurs.put("extreme instant +300000000", "+300000000-01-01T00:00:00Z");
        }
        return valeurs;
    }

    /** A property of the sample body reached by a path of property names and array indexes. */
    record Champ(String nom, List<Object> segments, JsonNode schema, boolean requis) {

        String remplacer(JsonNode racine, JsonNode valeur) {
            JsonNode copie = racine.deepCopy();
            JsonNode parent = naviguer(copie);
            Object dernier = segments.get(segments.size() - 1);
            if (dernier instanceof String nom) {
                ((ObjectNode) parent).set(nom, valeur);
            } else {
                ((ArrayNode) parent).set((Integer) dernier, valeur);
            }
            return copie.toString();
        }

        String retirer(JsonNode racine) {
            JsonNode copie = racine.deepCopy();
            JsonNode parent = naviguer(copie);
            Object dernier = segments.get(segments.size() - 1);
            if (dernier instanceof String nom) {
                ((ObjectNode) parent).remove(nom);
            } else {
                ((ArrayNode) parent).remove((int) (Integer) dernier);
            }
            return copie.toString();
        }

        private JsonNode naviguer(JsonNode racine) {
            JsonNode noeud = racine;
            for (Object segment : segments.subList(0, segments.size() - 1)) {
                noeud = segment instanceof String nom ? noeud.get(nom) : noeud.get((Integer) segment);
            }
            return noeud;
        }
    }

    static List<Champ> champs(JsonNode exemple, JsonNode schema) {
        List<Champ> champs = new ArrayList<>();
        parcourir(exemple, schema, new ArrayList<>(), "", champs);
        return champs;
    }

    private static void parcourir(JsonNode valeur, JsonNode schema, List<Object> segments, String nom, List<Champ> champs) {
        if (schema == null) {
            return;
        }
        String type = ExemplesDeSchema.type(schema);
        if (type.equals("object") && schema.has("properties")) {
            Set<String> requis = new HashSet<>();
            schema.path("required").forEach(r -> requis.add(r.asString()));
            for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
                if (ExemplesDeSchema.estEnLectureSeule(p.getValue())) {
                    continue;
                }
                List<Object> chemin = new ArrayList<>(segments);
                chemin.add(p.getKey());
                String nomChamp = nom.isEmpty() ? p.getKey() : nom + "." + p.getKey();
                champs.add(new Champ(nomChamp, chemin, p.getValue(), requis.contains(p.getKey())));
                JsonNode enfant = valeur == null ? null : valeur.get(p.getKey());
                if (enfant != null) {
                    parcourir(enfant, p.getValue(), chemin, nomChamp, champs);
                }
            }
        } else if (type.equals("array") && valeur != null && valeur.isArray() && !valeur.isEmpty()) {
            List<Object> chemin = new ArrayList<>(segments);
            chemin.add(0);
            String nomElement = nom + "[0]";
            JsonNode items = schema.get("items");
            champs.add(new Champ(nomElement, chemin, items, false));
            parcourir(valeur.get(0), items, chemin, nomElement, champs);
        }
    }

    /** The values that break one field, by what they break, for the type the schema declares. */
    static Map<String, JsonNode> mutations(Champ champ) {
        Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
        JsonNode schema = champ.schema() == null ? NOEUDS.objectNode() : champ.schema();
        String type = ExemplesDeSchema.type(schema);
        String format = schema.path("format").asString("");
        m.put("NoSQL operator $gt", NOEUDS.objectNode().put("$gt", ""));
        m.put("NoSQL operator $where", NOEUDS.objectNode().put("$where", "sleep(5000) || true"));
        m.put("NoSQL operator $ne null", NOEUDS.objectNode().putNull("$ne"));
        if (champ.requis()) {
            m.put("null", NOEUDS.nullNode());
        }
        if (schema.has("enum")) {
            String premier = schema.get("enum").get(0).asString();
            m.put("unknown enum value", NOEUDS.stringNode("VALEUR_INCONNUE"));
            m.put("enum in lower case", NOEUDS.stringNode(premier.toLowerCase(Locale.ROOT)));
            m.put("enum padded with spaces", NOEUDS.stringNode(" " + premier + " "));
            m.put("enum as ordinal number", NOEUDS.numberNode(0));
            m.put("enum as ordinal string", NOEUDS.stringNode("0"));
            m.put("empty string", NOEUDS.stringNode(""));
            return m;
        }
        switch (type) {
            case "string" -> {
                m.put("wrong type: number", NOEUDS.numberNode(12345));
                m.put("wrong type: boolean", NOEUDS.booleanNode(true));
                m.put("wrong type: array", NOEUDS.arrayNode().add("x"));
                m.put("huge exponent 1e100000", nombre("1e100000"));
                switch (format) {
                    case "date" -> {
                        m.put("extreme date -999999999-01-01", NOEUDS.stringNode("-999999999-01-01"));
                        m.put("extreme date +999999999-12-31", NOEUDS.stringNode("+999999999-12-31"));
                        m.put("extreme date +300000000-01-01", NOEUDS.stringNode("+300000000-01-01"));
                        m.put("date year 0000", NOEUDS.stringNode("0000-01-01"));
                        m.put("impossible date 2026-02-30", NOEUDS.stringNode("2026-02-30"));
                        m.put("French date format", NOEUDS.stringNode("01/12/2026"));
                        m.put("date as number", NOEUDS.numberNode(20261201));
                        m.put("date as array", NOEUDS.arrayNode().add(2026).add(12).add(1));
                    }
                    case "date-time" -> {
                        m.put("extreme instant +300000000-01-01T00:00:00Z", NOEUDS.stringNode("+300000000-01-01T00:00:00Z"));
                        m.put("extreme instant -999999999-01-01T00:00:00Z", NOEUDS.stringNode("-999999999-01-01T00:00:00Z"));
                        m.put("extreme instant +999999999-12-31T23:59:59-18:00", NOEUDS.stringNode("+999999999-12-31T23:59:59.999999999-18:00"));
                        m.put("local date-time without offset", NOEUDS.stringNode("2027-01-15T12:00:00"));
                        m.put("impossible month", NOEUDS.stringNode("2027-13-01T00:00:00Z"));
                        m.put("instant as epoch number", NOEUDS.numberNode(1_800_000_000L));
                        m.put("instant as huge number", nombre("1e999999999"));
                        m.put("date only", NOEUDS.stringNode("2027-01-15"));
                    }
                    default -> {
                        m.put("control character NUL", NOEUDS.stringNode("Fourni\u0000tures"));
                        m.put("control character BEL", NOEUDS.stringNode("Fourni\u0007tures"));
                        m.put("control character ESC", NOEUDS.stringNode("\u001B[31mrouge"));
                        m.put("bidi override U+202E", NOEUDS.stringNode("\u202Eserutinruof"));
                        m.put("bidi isolate U+2066", NOEUDS.stringNode("\u2066abc\u2069"));
                        m.put("blank", NOEUDS.stringNode("   "));
                        m.put("blank after normalisation", NOEUDS.stringNode("\u00A0\u2003\t"));
                        m.put("100000 characters", NOEUDS.stringNode("a".repeat(100_000)));
                    }
                }
            }
            case "integer", "number" -> {
                m.put("wrong type: string", NOEUDS.stringNode("12"));
                m.put("wrong type: boolean", NOEUDS.booleanNode(true));
                m.put("huge exponent 1e100000", nombre("1e100000"));
                m.put("huge exponent 1e999999999", nombre("1e999999999"));
                m.put("huge negative exponent -1e999999999", nombre("-1e999999999"));
                m.put("tiny exponent 1e-999999999", nombre("1e-999999999"));
                m.put("5000 digits", nombre("9".repeat(5_000)));
                m.put("beyond 64 bits", nombre("99999999999999999999999"));
                if (type.equals("integer")) {
                    m.put("decimal for an integer", nombre("1.9"));
                } else {
                    m.put("five decimals", nombre("1000.12345"));
                }
            }
            case "boolean" -> {
                m.put("wrong type: string", NOEUDS.stringNode("true"));
                m.put("wrong type: number", NOEUDS.numberNode(1));
            }
            case "array" -> {
                m.put("wrong type: object", NOEUDS.objectNode());
                m.put("wrong type: string", NOEUDS.stringNode("x"));
                m.put("null element", NOEUDS.arrayNode().addNull());
                m.put("nested arrays", NOEUDS.arrayNode().add(NOEUDS.arrayNode().add(NOEUDS.arrayNode())));
                JsonNode element = schema.has("items") ? new ExemplesDeSchema().exemple(schema.get("items")) : NOEUDS.stringNode("x");
                ArrayNode beaucoup = NOEUDS.arrayNode();
                for (int i = 0; i < 5_000; i++) {
                    beaucoup.add(element);
                }
                m.put("5000 elements", beaucoup);
            }
            case "object" -> {
                m.put("wrong type: string", NOEUDS.stringNode("x"));
                m.put("wrong type: array", NOEUDS.arrayNode());
                m.put("unknown field inside", NOEUDS.objectNode().put("champInconnu", 1));
            }
            default -> {
            }
        }
        return m;
    }

    private static JsonNode nombre(String texte) {
        // Kept as written: parsing it here would be the very cost the service must avoid.
        return JSON_MAPPER.getNodeFactory().rawValueNode(new tools.jackson.databind.util.RawValue(texte));
    }

    private static String avec(ObjectNode objet, String cle, JsonNode valeur) {
        ObjectNode copie = objet.deepCopy();
        copie.set(cle, valeur);
        return copie.toString();
    }

    private static byte[] concat(byte[]... parties) {
        int total = 0;
        for (byte[] p : parties) {
            total += p.length;
        }
        byte[] tout = new byte[total];
        int i = 0;
        for (byte[] p : parties) {
            System.arraycopy(p, 0, tout, i, p.length);
            i += p.length;
        }
        return tout;
    }
}

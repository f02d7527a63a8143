package fr.centraleachat.marche.fichier.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file types a consultation's documents and a bid's files may have, recognised by their first bytes (a
 * declared name or content type proves nothing). ZIP covers the office formats built on it (docx, xlsx, pptx,
 * odt, ods) and archives; OLE2 the older office formats (doc, xls).
 */
public enum TypeDeFichier {
    PDF("application/pdf", bytes("%PDF-")),
    ZIP("application/zip", new byte[] {'P', 'K', 3, 4}),
    OLE2("application/x-ole-storage", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
        (byte) 0xB1, 0x1A, (byte) 0xE1}),
    SEPT_ZIP("application/x-7z-compressed", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C}),
    RTF("application/rtf", bytes("{\\rtf")),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    GIF("image/gif", bytes("GIF8")),
    TIFF_LE("image/tiff", new byte[] {'I', 'I', 42, 0}),
    TIFF_BE("image/tiff", new byte[] {'M', 'M', 0, 42}),
    DWG("image/vnd.dwg", bytes("AC10"));

    /** How many first bytes detection needs. */
    public static final int ENTETE = 8;

    private final String typeContenu;
    private final byte[] signature;

    TypeDeFichier(String typeContenu, byte[] signature) {
        this.typeContenu = typeContenu;
        this.signature = signature;
    }

    public String typeContenu() {
        return typeContenu;
    }

    /** The type whose signature starts {@code entete}, if any. */
    public static Optional<TypeDeFichier> detecter(byte[] entete, int longueur) {
        return Arrays.stream(values()).filter(t -> t.signature.length <= longueur
                && Arrays.equals(entete, 0, t.signature.length, t.signature, 0, t.signature.length)).findFirst();
    }

    /** The list users read when a file is refused. */
    public static String acceptes() {
        return "PDF, documents bureautiques (Word, Excel, OpenDocument, RTF), archives ZIP ou 7z, images (PNG, "
                + "JPEG, GIF, TIFF) et plans DWG";
    }

    private static byte[] bytes(String texte) {
        return texte.getBytes(StandardCharsets.US_ASCII);
    }
}

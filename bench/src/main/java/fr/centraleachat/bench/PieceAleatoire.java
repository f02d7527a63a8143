package fr.centraleachat.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A file of a pli generated as it is read, never held whole: a PDF header (what the platform's content sniffing
 * looks at), random bytes from a seed, and a PDF trailer. Its SHA-256 is computed on the way, so the bytes sent can
 * be compared with the receipt without being kept.
 */
final class PieceAleatoire extends InputStream {

    private static final byte[] ENTETE = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] FIN = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final long taille;
    private final SplittableRandom aleatoire;
    private final MessageDigest sha;
    private long position;
    private String empreinte;

    PieceAleatoire(long taille, long graine) {
        if (taille < ENTETE.length + FIN.length) {
            throw new IllegalArgumentException("a file of at least " + (ENTETE.length + FIN.length) + " bytes");
        }
        this.taille = taille;
        this.aleatoire = new SplittableRandom(graine);
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() {
        byte[] un = new byte[1];
        return read(un, 0, 1) < 0 ? -1 : un[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= taille) {
            return -1;
        }
        int n = (int) Math.min(len, taille - position);
        int i = 0;
        while (i < n) {
            long k = position + i;
            if (k < ENTETE.length) {
                b[off + i++] = ENTETE[(int) k];
            } else if (k >= taille - FIN.length) {
                b[off + i++] = FIN[(int) (k - (taille - FIN.length))];
            } else {
                // Eight random bytes at a time, without running into the trailer.
                int fin = (int) Math.min(n, taille - FIN.length - position);
                long r = aleatoire.nextLong();
                for (int j = 0; j < 8 && i < fin; j++, r >>>= 8) {
                    b[off + i++] = (byte) r;
                }
            }
        }
        sha.update(b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, taille - position);
    }

    boolean lueEntierement() {
        return position == taille;
    }

    /** The SHA-256 of what was read, in lowercase hex as on the receipts; once the file has been read whole. */
    String sha256() {
        if (!lueEntierement()) {
            throw new IllegalStateException("read " + position + " of " + taille + " bytes");
        }
        if (empreinte == null) {
            empreinte = HexFormat.of().formatHex(sha.digest());
        }
        return empreinte;
    }
}

package fr.centraleachat.bench;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The supplier accounts of the plis benchmark: {@code bench-fournisseur-001} … with their name as password and a
 * distinct valid SIRET each, always the same for a given count. The auth-server learns them from a YAML file given
 * as additional configuration: its users are a map, so they join the demo profile's users instead of replacing them.
 */
final class ComptesFournisseurs {

    static final String PREFIXE = "bench-fournisseur-";

    record Compte(String identifiant, String motDePasse, String siret) {
    }

    private ComptesFournisseurs() {
    }

    static List<Compte> comptes(int nombre) {
        if (nombre < 1 || nombre > 999_999) {
            throw new IllegalArgumentException("between 1 and 999999 accounts, not " + nombre);
        }
        List<Compte> comptes = new ArrayList<>();
        for (int i = 1; i <= nombre; i++) {
            String identifiant = PREFIXE + String.format("%03d", i);
            comptes.add(new Compte(identifiant, identifiant, siret(i)));
        }
        return comptes;
    }

    /**
     * A SIRET whose SIREN ({@code 91} and the number on 6 digits, then its key) and 14 digits (NIC {@code 0001} then
     * its key) are both Luhn-valid, as the platform checks them; never La Poste's SIREN, which has its own rule.
     */
    static String siret(int numero) {
        String siren = avecCle(String.format("91%06d", numero));
        return avecCle(siren + "0001");
    }

    /** {@code chiffres} followed by the digit that makes the whole Luhn-valid. */
    static String avecCle(String chiffres) {
        for (char cle = '0'; cle <= '9'; cle++) {
            if (valide(chiffres + cle)) {
                return chiffres + cle;
            }
        }
        throw new IllegalStateException("no Luhn key for " + chiffres);
    }

    /** The platform's own check of a SIREN (9 digits) or a SIRET (14 digits). */
    static boolean valide(String chiffres) {
        return chiffres.length() == 9 ? Siren.estValide(chiffres) : Siret.estValide(chiffres);
    }

    /** The auth-server's {@code centrale.auth.users} entries of these accounts. */
    static String yaml(List<Compte> comptes) {
        StringBuilder yaml = new StringBuilder("""
                # Supplier accounts of bench/run.sh plis, added to the demo users (maps merge across property sources).
                centrale:
                  auth:
                    users:
                """);
        return yaml.append(entrees(comptes)).toString();
    }

    /** The entries alone, to be put under {@code centrale.auth.users} with other accounts. */
    static String entrees(List<Compte> comptes) {
        StringBuilder yaml = new StringBuilder();
        for (Compte compte : comptes) {
            yaml.append("      ").append(compte.identifiant()).append(":\n")
                    .append("        password: \"{noop}").append(compte.motDePasse()).append("\"\n")
                    .append("        roles: [FOURNISSEUR]\n")
                    .append("        siret: \"").append(compte.siret()).append("\"\n");
        }
        return yaml.toString();
    }

    /** {@code plis-accounts --count N --out FILE}: writes the YAML. */
    static int run(String[] args) throws IOException {
        int nombre = 200;
        Path sortie = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--count" -> nombre = Integer.parseInt(args[i + 1]);
                case "--out" -> sortie = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (sortie == null) {
            throw new IllegalArgumentException("--out is required");
        }
        Files.writeString(sortie, yaml(comptes(nombre)), StandardCharsets.UTF_8);
        System.err.println("wrote " + nombre + " supplier accounts to " + sortie);
        return 0;
    }
}

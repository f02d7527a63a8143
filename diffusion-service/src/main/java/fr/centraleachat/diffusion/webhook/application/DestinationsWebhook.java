package fr.centraleachat.diffusion.webhook.application;

import fr.centraleachat.diffusion.webhook.domain.UrlWebhook;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps deliveries away from the centrale's own network. A client may only register an address on the internet:
 * not the loopback, a private or link-local range (where cloud metadata services answer), nor a shared or multicast
 * one. Registration looks at the host as written (a literal address, {@code localhost}) without a DNS lookup; each
 * delivery resolves the host and checks every address it gets, so a name pointing inside is refused too.
 * A local run, whose receivers are on the same machine, allows them with
 * {@code centrale.webhooks.destinations-internes=true}.
 */
public final class DestinationsWebhook {

    private static final Pattern IPV4_LITTERALE = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean internesAutorisees;

    public DestinationsWebhook(boolean internesAutorisees) {
        this.internesAutorisees = internesAutorisees;
    }

    /** At registration: refuses an address written as internal. */
    public void verifierALEnregistrement(UrlWebhook url) {
        if (internesAutorisees) {
            return;
        }
        String hote = url.valeur().getHost().toLowerCase(Locale.ROOT);
        boolean interne = hote.equals("localhost") || hote.endsWith(".localhost")
                || litterale(hote).map(DestinationsWebhook::interne).orElse(false);
        if (interne) {
            throw new ValeurInvalideException("url", "Adresse refusée : « " + hote + " » est sur un réseau interne"
                    + " (boucle locale, plage privée ou de lien local) ; un webhook doit viser une adresse publique.");
        }
    }

    /**
     * Before a delivery: why it must not go, if the host resolves to an internal address. An unknown host is left
     * to the HTTP client, whose error is recorded like any other failure.
     */
    public Optional<String> refusAvantLivraison(UrlWebhook url) {
        if (internesAutorisees) {
            return Optional.empty();
        }
        try {
            for (InetAddress adresse : InetAddress.getAllByName(url.valeur().getHost())) {
                if (interne(adresse)) {
                    return Optional.of("destination refusée : " + url.valeur().getHost() + " mène à "
                            + adresse.getHostAddress() + ", sur un réseau interne");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The address when the host is a literal (an IPv4 dotted quad or a bracketed IPv6): no lookup is made. */
    private static Optional<InetAddress> litterale(String hote) {
        if (!IPV4_LITTERALE.matcher(hote).matches() && !(hote.startsWith("[") && hote.endsWith("]"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(hote));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    static boolean interne(InetAddress adresse) {
        if (adresse.isAnyLocalAddress() || adresse.isLoopbackAddress() || adresse.isLinkLocalAddress()
                || adresse.isSiteLocalAddress() || adresse.isMulticastAddress()) {
            return true;
        }
        byte[] octets = adresse.getAddress();
        if (adresse instanceof Inet4Address) {
            int premier = octets[0] & 0xff;
            int second = octets[1] & 0xff;
            // 0.0.0.0/8 (this network) and 100.64.0.0/10 (shared address space of carrier-grade NAT).
            return premier == 0 || (premier == 100 && second >= 64 && second <= 127);
        }
        // IPv6 unique local addresses, fc00::/7.
        return adresse instanceof Inet6Address && (octets[0] & 0xfe) == 0xfc;
    }
}

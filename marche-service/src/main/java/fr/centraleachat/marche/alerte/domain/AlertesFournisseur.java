package fr.centraleachat.marche.alerte.domain;

import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The alert profiles of one supplier (its SIRET), kept together so that their number stays bounded however many
 * requests arrive at once: each change is one write over the version read.
 */
public final class AlertesFournisseur {

    public static final int PROFILS_MAX = 10;

    private final Siret fournisseur;
    private final List<ProfilAlerte> profils;
    private final long version;

    private AlertesFournisseur(Siret fournisseur, List<ProfilAlerte> profils, long version) {
        this.fournisseur = Objects.requireNonNull(fournisseur, "fournisseur");
        this.profils = new ArrayList<>(profils);
        this.version = version;
    }

    public static AlertesFournisseur nouvelles(Siret fournisseur) {
        return new AlertesFournisseur(fournisseur, List.of(), 0);
    }

    public static AlertesFournisseur reconstituer(Siret fournisseur, List<ProfilAlerte> profils, long version) {
        return new AlertesFournisseur(fournisseur, profils, version);
    }

    public ProfilAlerte ajouter(String id, String libelle, AdresseCourriel email, CriteresAlerte criteres,
            Instant maintenant) {
        if (profils.size() >= PROFILS_MAX) {
            throw new RegleMetierException("Un fournisseur a au plus " + PROFILS_MAX + " profils d'alerte : modifiez"
                    + " ou supprimez-en un.");
        }
        ProfilAlerte profil = new ProfilAlerte(id, libelle, email, criteres, maintenant, maintenant);
        profils.add(profil);
        return profil;
    }

    public ProfilAlerte modifier(String id, String libelle, AdresseCourriel email, CriteresAlerte criteres,
            Instant maintenant) {
        ProfilAlerte ancien = exiger(id);
        ProfilAlerte nouveau = ancien.remplacePar(libelle, email, criteres, maintenant);
        profils.set(profils.indexOf(ancien), nouveau);
        return nouveau;
    }

    public void supprimer(String id) {
        profils.remove(exiger(id));
    }

    public Optional<ProfilAlerte> profil(String id) {
        return profils.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The profiles matching the consultation, in creation order. */
    public List<ProfilAlerte> correspondant(AvisConsultation avis) {
        return profils.stream().filter(p -> p.correspond(avis)).toList();
    }

    /**
     * The mails the consultation calls for: one per address of the matching profiles (case aside: mail servers
     * treat addresses so), in creation order.
     */
    public List<Alerte> alertes(AvisConsultation avis) {
        Map<String, List<ProfilAlerte>> parAdresse = new LinkedHashMap<>();
        for (ProfilAlerte profil : correspondant(avis)) {
            parAdresse.computeIfAbsent(profil.email().valeur().toLowerCase(Locale.ROOT), a -> new ArrayList<>())
                    .add(profil);
        }
        return parAdresse.values().stream().map(p -> new Alerte(p.get(0).email(), p)).toList();
    }

    /** Every address the supplier gave, once each, in the order of its profiles. */
    public List<AdresseCourriel> adresses() {
        return profils.stream().map(ProfilAlerte::email).distinct().toList();
    }

    private ProfilAlerte exiger(String id) {
        return profil(id).orElseThrow(() -> new RessourceIntrouvableException("Profil d'alerte " + id
                + " introuvable."));
    }

    public Siret fournisseur() {
        return fournisseur;
    }

    /** In creation order. */
    public List<ProfilAlerte> profils() {
        return List.copyOf(profils);
    }

    /** Optimistic-locking version, owned by persistence: 0 when never saved. */
    public long version() {
        return version;
    }
}

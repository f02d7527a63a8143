package fr.centraleachat.support.test;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.membre.DescriptionMembre;
import fr.centraleachat.kernel.membre.Membre;
import fr.centraleachat.support.membre.Membres;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Member projection double: no conditional write, which single-threaded tests do not need. */
public class MembresEnMemoire implements Membres {

    private final Map<Siren, Membre> stock = new LinkedHashMap<>();
    private Instant horloge = Instant.parse("2026-01-01T00:00:00Z");

    /** Records the member as active, as an AdhesionActivee event would. */
    public MembresEnMemoire actif(Siren siren, String nom) {
        Membre membre = stock.getOrDefault(siren, Membre.inconnu(siren));
        membre.activer(new DescriptionMembre("adhesion-" + siren, nom, "COMMUNE", List.of("ENERGIE"), "PASSATION",
                null), suivant());
        stock.put(siren, membre);
        return this;
    }

    /** Stores the member as it is. */
    public MembresEnMemoire ajouter(Membre membre) {
        stock.put(membre.siren(), membre);
        return this;
    }

    public MembresEnMemoire suspendu(Siren siren) {
        stock.get(siren).suspendre(suivant());
        return this;
    }

    private Instant suivant() {
        horloge = horloge.plusSeconds(1);
        return horloge;
    }

    @Override
    public Optional<Membre> trouver(Siren siren) {
        return Optional.ofNullable(stock.get(siren));
    }

    @Override
    public Enregistrement enregistrer(Membre membre, Optional<Instant> miseAJourLue, String evenementId) {
        stock.put(membre.siren(), membre);
        return Enregistrement.ENREGISTRE;
    }

    @Override
    public List<Membre> actifs() {
        return stock.values().stream().filter(Membre::estActif).toList();
    }

    @Override
    public List<Membre> parmi(Collection<Siren> sirens) {
        return sirens.stream().map(stock::get).filter(m -> m != null).toList();
    }
}

package fr.centraleachat.adhesion.adhesion.persistence;

import fr.centraleachat.adhesion.adhesion.domain.Adhesion;
import fr.centraleachat.adhesion.adhesion.domain.AdhesionId;
import fr.centraleachat.adhesion.adhesion.domain.ChangementPrevu;
import fr.centraleachat.adhesion.adhesion.domain.Deliberation;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.adhesion.adhesion.domain.Missions;
import fr.centraleachat.adhesion.adhesion.domain.Motif;
import fr.centraleachat.adhesion.adhesion.domain.StatutAdhesion;
import fr.centraleachat.kernel.Siren;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.stream.Collectors;

final class AdhesionMapper {

    private AdhesionMapper() {
    }

    static AdhesionDocument versDocument(Adhesion adhesion) {
        Adhesion.Etat e = adhesion.etat();
        ChangementPrevu prevu = e.changementPrevu();
        String cle = adhesion.estEnCours() ? e.membre().valeur() : "resiliee:" + e.id();
        return new AdhesionDocument(e.id().toString(), e.membre().valeur(), cle,
                e.famillesAchat().stream().map(Enum::name).sorted().toList(), e.missions().name(), e.statut().name(),
                texte(e.dateDemande()),
                e.deliberation() == null ? null : e.deliberation().numero(),
                e.deliberation() == null ? null : texte(e.deliberation().date()),
                texte(e.dateSignatureConvention()), texte(e.dateEffet()), texte(e.dateSuspension()),
                e.motifSuspension() == null ? null : e.motifSuspension().texte(), texte(e.dateResiliation()),
                e.motifResiliation() == null ? null : e.motifResiliation().texte(),
                prevu == null ? null : prevu.type().name(), prevu == null ? null : texte(prevu.dateEffet()),
                prevu == null || prevu.motif() == null ? null : prevu.motif().texte(), e.version());
    }

    static Adhesion versAdhesion(AdhesionDocument d) {
        return Adhesion.reconstituer(new Adhesion.Etat(AdhesionId.de(d.id()), new Siren(d.siren()),
                d.famillesAchat().stream().map(FamilleAchat::valueOf).collect(Collectors.toSet()),
                Missions.valueOf(d.missions()), date(d.dateDemande()), StatutAdhesion.valueOf(d.statut()),
                d.numeroDeliberation() == null ? null : new Deliberation(d.numeroDeliberation(), date(d.dateDeliberation())),
                date(d.dateSignatureConvention()), date(d.dateEffet()), date(d.dateSuspension()),
                optionnel(d.motifSuspension(), Motif::new), date(d.dateResiliation()),
                optionnel(d.motifResiliation(), Motif::new),
                d.changementPrevu() == null ? null : new ChangementPrevu(ChangementPrevu.Type.valueOf(d.changementPrevu()),
                        date(d.dateChangementPrevu()), optionnel(d.motifChangementPrevu(), Motif::new)),
                d.version()));
    }

    private static String texte(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String texte) {
        return texte == null ? null : LocalDate.parse(texte);
    }

    private static <T> T optionnel(String texte, Function<String, T> fabrique) {
        return texte == null ? null : fabrique.apply(texte);
    }
}

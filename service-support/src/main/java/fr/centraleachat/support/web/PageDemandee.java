package fr.centraleachat.support.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A page of a list, bound from the query string ({@code ?page=0&taille=20}). Bounded so that no list request can
 * ask a service for an unbounded amount of work. Use it as {@code @ParameterObject @Valid PageDemandee page}.
 */
public record PageDemandee(
        @Schema(description = "Numéro de page, à partir de 0", defaultValue = "0", minimum = "0", maximum = "10000")
        @Min(value = 0, message = "La page doit être positive ou nulle.")
        @Max(value = MAX_PAGE, message = "La page ne peut dépasser " + MAX_PAGE + ".")
        Integer page,
        @Schema(description = "Nombre d'éléments par page", defaultValue = "20", minimum = "1", maximum = "200")
        @Min(value = 1, message = "La taille de page doit être au moins 1.")
        @Max(value = MAX_TAILLE, message = "La taille de page ne peut dépasser " + MAX_TAILLE + ".")
        Integer taille) {

    public static final int TAILLE_PAR_DEFAUT = 20;
    public static final int MAX_TAILLE = 200;
    public static final int MAX_PAGE = 10_000;

    public PageDemandee {
        page = page == null ? 0 : page;
        taille = taille == null ? TAILLE_PAR_DEFAUT : taille;
    }

    public static PageDemandee premiere() {
        return new PageDemandee(0, TAILLE_PAR_DEFAUT);
    }

    /** Index of the first element of the page. */
    public long decalage() {
        return (long) page * taille;
    }
}

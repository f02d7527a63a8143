package fr.centraleachat.support.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON read the strict way: what a caller sends is what it meant, or a 400. No coercion between types (a number
 * is not an enum, a decimal is not an integer, a string is not a number), no unknown property, and stream limits
 * that keep the cost of parsing any input small whatever its shape.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class JsonStrictAutoConfiguration {

    /** Above the body size limit: the stream constraints bound the shape, the body limit the size. */
    public static final int LONGUEUR_MAX_TEXTE = 200_000;
    /** Enough for any amount to the cent; "1e999999999" is short, its magnitude is bounded by the value objects. */
    public static final int LONGUEUR_MAX_NOMBRE = 40;
    public static final int PROFONDEUR_MAX = 32;
    public static final int LONGUEUR_MAX_NOM = 200;

    @Bean
    JsonFactoryBuilderCustomizer centraleLimitesDeLecture() {
        return fabrique -> fabrique.streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(LONGUEUR_MAX_TEXTE)
                .maxNumberLength(LONGUEUR_MAX_NOMBRE)
                .maxNestingDepth(PROFONDEUR_MAX)
                .maxNameLength(LONGUEUR_MAX_NOM)
                .build());
    }

    @Bean
    JsonMapperBuilderCustomizer centraleLectureStricte() {
        return mapper -> mapper
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(new ModuleStrict());
    }
}

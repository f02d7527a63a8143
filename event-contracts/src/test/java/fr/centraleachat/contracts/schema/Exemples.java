package fr.centraleachat.contracts.schema;

import fr.centraleachat.contracts.Facultatif;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** A payload of any event type with every field set, or with its optional fields null. */
final class Exemples {

    /**
     * Writes as the services do: Jackson 3 defaults (ISO dates, nulls written) and instants in Paris time with their
     * offset (service-support's {@code ModuleStrict}, which this module cannot depend on).
     */
    static final JsonMapper JSON = JsonMapper.builder().addModule(new SimpleModule().addSerializer(Instant.class,
            new ValueSerializer<Instant>() {
                @Override
                public void serialize(Instant valeur, JsonGenerator generateur, SerializationContext contexte) {
                    generateur.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            valeur.atZone(ZoneId.of("Europe/Paris"))));
                }
            })).build();

    private Exemples() {
    }

    static Object complet(Class<?> record) {
        return instance(record, false);
    }

    static Object sansFacultatifs(Class<?> record) {
        return instance(record, true);
    }

    private static Object instance(Class<?> record, boolean facultatifsNuls) {
        RecordComponent[] composants = record.getRecordComponents();
        Object[] valeurs = Arrays.stream(composants)
                .map(c -> facultatifsNuls && c.isAnnotationPresent(Facultatif.class) ? null
                        : valeur(c.getGenericType(), facultatifsNuls))
                .toArray();
        try {
            var constructeur = record.getDeclaredConstructor(
                    Arrays.stream(composants).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructeur.setAccessible(true);
            return constructeur.newInstance(valeurs);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record.getName(), e);
        }
    }

    private static Object valeur(Type type, boolean facultatifsNuls) {
        if (type instanceof ParameterizedType liste) {
            return List.of(valeur(liste.getActualTypeArguments()[0], facultatifsNuls));
        }
        Class<?> classe = (Class<?>) type;
        if (classe == String.class) {
            return "texte";
        }
        if (classe == int.class || classe == Integer.class) {
            return 3;
        }
        if (classe == long.class || classe == Long.class) {
            return 12L;
        }
        if (classe == boolean.class || classe == Boolean.class) {
            return true;
        }
        if (classe == BigDecimal.class) {
            return new BigDecimal("95000.50");
        }
        if (classe == LocalDate.class) {
            return LocalDate.of(2027, 1, 15);
        }
        if (classe == Instant.class) {
            return Instant.parse("2027-01-15T11:00:00Z");
        }
        if (classe.isEnum()) {
            return classe.getEnumConstants()[0];
        }
        if (classe.isRecord()) {
            return instance(classe, facultatifsNuls);
        }
        throw new IllegalArgumentException("no sample value for " + type.getTypeName());
    }
}

package fr.centraleachat.support.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Texts and dates as every service reads and writes them: see {@link TexteStrict} and {@link DatesBornees}. Only a
 * JSON string is read as a text or a date: a number or an object in their place is a type error, not a conversion.
 */
public class ModuleStrict extends SimpleModule {

    public ModuleStrict() {
        super("centrale-strict");
        addDeserializer(String.class, new Lecteur<>(String.class) {
            @Override
            String convertir(String champ, String texte) {
                return TexteStrict.normaliser(champ, texte);
            }
        });
        addDeserializer(LocalDate.class, new Lecteur<>(LocalDate.class) {
            @Override
            LocalDate convertir(String champ, String texte) {
                return DatesBornees.date(champ, texte);
            }
        });
        addDeserializer(OffsetDateTime.class, new Lecteur<>(OffsetDateTime.class) {
            @Override
            OffsetDateTime convertir(String champ, String texte) {
                return DatesBornees.dateHeure(champ, texte);
            }
        });
        addDeserializer(Instant.class, new Lecteur<>(Instant.class) {
            @Override
            Instant convertir(String champ, String texte) {
                return DatesBornees.instant(champ, texte);
            }
        });
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return new EnumExact(deserializer, type.getRawClass());
            }
        });
        addSerializer(Instant.class, new ValueSerializer<>() {
            @Override
            public void serialize(Instant valeur, JsonGenerator generateur, SerializationContext contexte) {
                generateur.writeString(DatesBornees.ecrire(valeur));
            }
        });
        addSerializer(OffsetDateTime.class, new ValueSerializer<>() {
            @Override
            public void serialize(OffsetDateTime valeur, JsonGenerator generateur, SerializationContext contexte) {
                generateur.writeString(DatesBornees.ecrire(valeur.toInstant()));
            }
        });
    }

    /** Jackson trims enum names; " COMMUNE " is not a value a client meant to send. */
    private static final class EnumExact extends DelegatingDeserializer {

        private final Class<?> type;

        EnumExact(ValueDeserializer<?> delegue, Class<?> type) {
            super(delegue);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegue) {
            return new EnumExact(delegue, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext contexte) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String texte = parser.getString();
                if (!texte.equals(texte.strip())) {
                    throw InvalidFormatException.from(parser, "enum value with surrounding spaces", texte, type);
                }
            }
            return super.deserialize(parser, contexte);
        }
    }

    private abstract static class Lecteur<T> extends ValueDeserializer<T> {

        private final Class<T> type;

        Lecteur(Class<T> type) {
            this.type = type;
        }

        abstract T convertir(String champ, String texte);

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext contexte) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) contexte.handleUnexpectedToken(type, parser);
            }
            return convertir(parser.currentName(), parser.getString());
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}

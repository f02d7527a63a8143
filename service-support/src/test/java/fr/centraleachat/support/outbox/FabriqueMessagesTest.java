package fr.centraleachat.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.adhesion.AdhesionRepriseV1;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FabriqueMessagesTest {

    private static final AdhesionRepriseV1 REPRISE = new AdhesionRepriseV1("a1", "212106173", LocalDate.of(2027, 1, 15));

    @Test
    void theDataSchemaIsTheSchemaAddressUnderTheServicesPublicAddress() {
        FabriqueMessages fabrique = new FabriqueMessages(JsonMapper.builder().build(),
                Clock.fixed(Instant.parse("2027-01-15T11:00:00Z"), ZoneOffset.UTC), "https://centrale.example");

        MessageSortant message = fabrique.message(Evenements.ADHESION_REPRISE, "a1", REPRISE);

        assertThat(message.dataSchema()).isEqualTo("https://centrale.example/asyncapi/schemas/AdhesionReprise.v1.json");
    }

    @Test
    void withoutConfigurationTheDataSchemaIsUnderTheLocalGateway() {
        FabriqueMessages fabrique = new FabriqueMessages(JsonMapper.builder().build(), Clock.systemUTC());

        assertThat(fabrique.message(Evenements.ADHESION_REPRISE, "a1", REPRISE).dataSchema())
                .isEqualTo("http://localhost:8080/asyncapi/schemas/AdhesionReprise.v1.json");
    }
}

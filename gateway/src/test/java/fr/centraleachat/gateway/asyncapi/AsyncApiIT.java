package fr.centraleachat.gateway.asyncapi;

import java.net.URI;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.TypeEvenement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "centrale.public-url=https://centrale.example", "centrale.asyncapi.kafka=kafka.centrale.example:9092",
				"centrale.rate-limit.capacity=10000" })
@AutoConfigureWebTestClient
class AsyncApiIT {

	private static final String PUBLIC_URL = "https://centrale.example";

	@Autowired
	private WebTestClient client;

	@Test
	void theAsyncApiDocumentIsPublicCacheableAndDescribesEveryTopicAndEventType() {
		client.get()
			.uri("/asyncapi.json")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_JSON)
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("public", "max-age="))
			.expectBody()
			.jsonPath("$.asyncapi").isEqualTo("3.0.0")
			.jsonPath("$.servers.kafka.host").isEqualTo("kafka.centrale.example:9092")
			.jsonPath("$.channels.adhesion.address").isEqualTo("centrale.adhesion.v1")
			.jsonPath("$.channels.marche.address").isEqualTo("centrale.marche.v1")
			.jsonPath("$.channels.catalogue.address").isEqualTo("centrale.catalogue.v1")
			.jsonPath("$.operations['marche-service.publier'].action").isEqualTo("send")
			.jsonPath("$.components.messages.length()").isEqualTo(Evenements.TOUS.size())
			.jsonPath("$.components.messages['MarcheNotifie.v1'].headers.properties.ce_dataschema.const")
			.isEqualTo(PUBLIC_URL + "/asyncapi/schemas/MarcheNotifie.v1.json");
	}

	@Test
	void everyEventsDataSchemaResolvesToItsJsonSchemaWithoutAToken() {
		for (TypeEvenement<?> type : Evenements.TOUS) {
			URI dataSchema = URI.create(type.dataSchema(PUBLIC_URL));
			assertThat(dataSchema.isAbsolute()).isTrue();
			assertThat(dataSchema.getHost()).isEqualTo("centrale.example");
			client.get()
				.uri(dataSchema.getPath())
				.exchange()
				.expectStatus().isOk()
				.expectHeader().contentType(AsyncApiController.SCHEMA_JSON)
				.expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("public"))
				.expectBody()
				.jsonPath("$['$schema']").isEqualTo("https://json-schema.org/draft/2020-12/schema")
				.jsonPath("$['$id']").isEqualTo(dataSchema.toString())
				.jsonPath("$.title").isEqualTo(type.nom() + " v" + type.version())
				.jsonPath("$.type").isEqualTo("object")
				.jsonPath("$.properties").isNotEmpty();
		}
	}

	@Test
	void anUnknownSchemaIsAProblemNotFound() {
		client.get()
			.uri("/asyncapi/schemas/Inconnu.v1.json")
			.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:centrale-achat:probleme:introuvable");
	}

}

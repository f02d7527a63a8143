package fr.centraleachat.gateway.asyncapi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.TypeEvenement;
import fr.centraleachat.contracts.schema.GenerateurSchemas;
import fr.centraleachat.gateway.routing.PublicUrlProperties;
import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The integration events' documentation, public, next to Swagger UI: the AsyncAPI 3.0 document of the topics
 * ({@code /asyncapi.json}) and the JSON schema of each event version at the address its {@code ce_dataschema} names
 * ({@code /asyncapi/schemas/<Nom>.v<n>.json}). Both are generated once, at start-up, from the event contracts this
 * gateway is built with, under its public address.
 */
@Hidden
@RestController
class AsyncApiController {

	static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

	/** A published version's schema only changes compatibly (a new optional field): a day's staleness is harmless. */
	private static final CacheControl CACHE_SCHEMAS = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

	private static final CacheControl CACHE_DOCUMENT = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	private final byte[] document;

	private final Map<String, byte[]> schemas = new LinkedHashMap<>();

	AsyncApiController(PublicUrlProperties publicUrl,
			@Value("${centrale.asyncapi.kafka:localhost:9092}") String kafka) {
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		String base = publicUrl.publicUrl().toString();
		this.document = json.writeValueAsBytes(GenerateurSchemas.asyncApi(base, kafka));
		for (TypeEvenement<?> type : Evenements.TOUS) {
			this.schemas.put(type.fichierSchema(), json.writeValueAsBytes(GenerateurSchemas.schema(type, base)));
		}
	}

	@GetMapping("/asyncapi.json")
	ResponseEntity<byte[]> document() {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CACHE_DOCUMENT)
			.body(this.document);
	}

	@GetMapping("/asyncapi/schemas/{fichier}")
	ResponseEntity<byte[]> schema(@PathVariable String fichier) {
		byte[] schema = this.schemas.get(fichier);
		if (schema == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok().contentType(SCHEMA_JSON).cacheControl(CACHE_SCHEMAS).body(schema);
	}

}

package fr.centraleachat.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoIT {

    @TempDir
    Path tempDir;

    @Test
    void h2FileKeepsDataAcrossRestart() {
        Path file = tempDir.resolve("mongo").resolve("centrale.mv");

        try (EmbeddedMongo mongo = EmbeddedMongo.file(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("adhesion").getCollection("adherents")
                    .insertOne(new Document("_id", "dijon").append("nom", "Ville de Dijon"));
        }
        assertThat(file).exists();

        try (EmbeddedMongo mongo = EmbeddedMongo.file(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("adhesion").getCollection("adherents")
                    .find(new Document("_id", "dijon")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("nom")).isEqualTo("Ville de Dijon");
        }
    }

    @Test
    void changeStreamSeesInserts() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(mongo.connectionString("marche"))) {
            MongoCollection<Document> collection = client.getDatabase("marche").getCollection("marches");
            collection.insertOne(new Document("_id", "warm-up"));

            try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = collection.watch().cursor()) {
                CompletableFuture.runAsync(() -> collection.insertOne(new Document("_id", "m-1").append("objet", "Papier")))
                        .get(10, TimeUnit.SECONDS);
                ChangeStreamDocument<Document> change = cursor.next();
                assertThat(change.getOperationType()).isEqualTo(OperationType.INSERT);
                assertThat(change.getFullDocument()).containsEntry("objet", "Papier");
            }
        }
    }

    @Test
    void changeStreamWorksOnTheFileBackend() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.file(tempDir.resolve("cs.mv"), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("catalogue").getCollection("articles");
            try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = collection.watch().cursor()) {
                collection.insertOne(new Document("_id", "a-1"));
                assertThat(cursor.next().getDocumentKey().getString("_id").getValue()).isEqualTo("a-1");
            }
        }
    }
}

package fr.centraleachat.diffusion.flux.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.contracts.Topic;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.annotation.KafkaListener;

class EcouteurEvenementsTest {

    @Test
    void journalsEveryPublicTopicWithOneThread() throws Exception {
        KafkaListener ecoute = EcouteurEvenements.class
                .getDeclaredMethod("recevoir", java.util.List.class).getAnnotation(KafkaListener.class);
        assertThat(ecoute.topics()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Topic.values()).map(Topic::nom).toList());
        assertThat(ecoute.concurrency()).isEqualTo("1");
    }
}

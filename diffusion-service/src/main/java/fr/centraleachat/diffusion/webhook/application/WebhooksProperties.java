package fr.centraleachat.diffusion.webhook.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tentativesMax failures in a row after which a subscription is parked
 * @param intervalle    how often deliverers look for work when not woken by a new event
 * @param delaiReponse  how long a receiver has to answer one delivery
 * @param parProprietaire subscriptions one owner may keep
 * @param livreurs      deliveries in parallel (each subscription is served by one at a time, in order)
 * @param destinationsInternes whether webhooks may target the loopback, private or link-local addresses (false:
 *                      only public ones; a local run, whose receivers are on the same machine, sets it)
 */
@ConfigurationProperties(prefix = "centrale.webhooks")
public record WebhooksProperties(Integer tentativesMax, Duration intervalle, Duration delaiReponse,
        Integer parProprietaire, Integer livreurs, Boolean destinationsInternes) {

    public WebhooksProperties {
        tentativesMax = tentativesMax == null ? 10 : tentativesMax;
        intervalle = intervalle == null ? Duration.ofMillis(500) : intervalle;
        delaiReponse = delaiReponse == null ? Duration.ofSeconds(5) : delaiReponse;
        parProprietaire = parProprietaire == null ? 20 : parProprietaire;
        livreurs = livreurs == null ? 4 : livreurs;
        destinationsInternes = destinationsInternes != null && destinationsInternes;
    }
}

package fr.centraleachat.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

	private static MockServerWebExchange from(String peer, String... forwardedFor) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/adhesion/x")
			.remoteAddress(new InetSocketAddress(peer, 40000));
		for (String value : forwardedFor) {
			request.header("X-Forwarded-For", value);
		}
		return MockServerWebExchange.from(request);
	}

	@Test
	void forwardedForFromAnUntrustedCallerIsIgnored() {
		ClientAddress none = new ClientAddress(List.of());
		assertThat(none.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
		ClientAddress proxies = new ClientAddress(List.of("10.0.0.0/8"));
		assertThat(proxies.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
	}

	@Test
	void behindTrustedProxiesTheLastUntrustedHopIsTheClient() {
		ClientAddress proxies = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.5"));
		// The left-most values were written by the caller and could be anything.
		assertThat(proxies.of(from("10.1.2.3", "1.2.3.4, 198.51.100.1, 192.168.1.5"))).isEqualTo("198.51.100.1");
		assertThat(proxies.of(from("10.1.2.3", "not-an-address"))).isEqualTo("10.1.2.3");
		assertThat(proxies.of(from("10.1.2.3"))).isEqualTo("10.1.2.3");
	}

	@Test
	void cidrBlocksMatchOnTheirPrefixOnly() {
		ClientAddress.Cidr block = ClientAddress.Cidr.parse("172.16.0.0/12");
		assertThat(block.contains(ClientAddress.literal("172.31.255.1"))).isTrue();
		assertThat(block.contains(ClientAddress.literal("172.32.0.1"))).isFalse();
		assertThat(block.contains(ClientAddress.literal("::1"))).isFalse();
	}

}

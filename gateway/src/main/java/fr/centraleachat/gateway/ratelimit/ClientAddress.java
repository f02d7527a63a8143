package fr.centraleachat.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * Address of the client a request comes from: the socket's peer, or, only when that peer is a trusted
 * proxy, the last address of {@code X-Forwarded-For} that is not itself a trusted proxy. A caller
 * cannot choose its own key by sending the header.
 */
final class ClientAddress {

	private final List<Cidr> trustedProxies;

	ClientAddress(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream().map(Cidr::parse).toList();
	}

	String of(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		InetAddress peer = (remote != null) ? remote.getAddress() : null;
		if (peer == null) {
			return (remote != null) ? remote.getHostString() : "unknown";
		}
		if (trustedProxies.isEmpty() || !isTrusted(peer)) {
			return peer.getHostAddress();
		}
		List<String> forwarded = exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For");
		for (int i = forwarded.size() - 1; i >= 0; i--) {
			InetAddress hop = literal(forwarded.get(i).trim());
			if (hop == null) {
				// Garbage in the chain: the nearest trustworthy address is the last proxy's view.
				break;
			}
			if (!isTrusted(hop)) {
				return hop.getHostAddress();
			}
			peer = hop;
		}
		return peer.getHostAddress();
	}

	private boolean isTrusted(InetAddress address) {
		for (Cidr cidr : trustedProxies) {
			if (cidr.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/** An IP literal only: no name resolution for header content. */
	static @Nullable InetAddress literal(String value) {
		String candidate = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1)
				: value;
		if (candidate.isEmpty() || !candidate.matches("[0-9A-Fa-f:.]+") || !candidate.matches(".*[:.].*")) {
			return null;
		}
		try {
			return InetAddress.getByName(candidate);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	record Cidr(byte[] network, int prefix) {

		static Cidr parse(String text) {
			String[] parts = text.trim().split("/", 2);
			InetAddress address = literal(parts[0]);
			if (address == null) {
				throw new IllegalArgumentException("Not an IP address or CIDR block: " + text);
			}
			byte[] bytes = address.getAddress();
			int prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : bytes.length * 8;
			if (prefix < 0 || prefix > bytes.length * 8) {
				throw new IllegalArgumentException("Bad prefix length: " + text);
			}
			return new Cidr(bytes, prefix);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != network.length) {
				return false;
			}
			int full = prefix / 8;
			for (int i = 0; i < full; i++) {
				if (bytes[i] != network[i]) {
					return false;
				}
			}
			int rest = prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (bytes[full] & mask) == (network[full] & mask);
		}

	}

}

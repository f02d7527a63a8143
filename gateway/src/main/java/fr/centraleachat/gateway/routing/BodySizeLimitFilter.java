package fr.centraleachat.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

/**
 * Bounds the request body of one route. A declared Content-Length above the limit is refused before
 * anything is sent to the service; a body without length (chunked) is counted while it streams and
 * cut as soon as it passes the limit, so the service never receives more than the limit. A multipart body (file
 * upload) has the route's upload limit instead.
 */
final class BodySizeLimitFilter implements GatewayFilter {

	private final DataSize jsonLimit;

	private final DataSize uploadLimit;

	BodySizeLimitFilter(DataSize jsonLimit, DataSize uploadLimit) {
		this.jsonLimit = jsonLimit;
		this.uploadLimit = uploadLimit;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		org.springframework.http.MediaType type = request.getHeaders().getContentType();
		DataSize limit = type != null && "multipart".equalsIgnoreCase(type.getType()) ? uploadLimit : jsonLimit;
		long max = limit.toBytes();
		if (request.getHeaders().getContentLength() > max) {
			return Mono.error(new BodyTooLargeException(limit));
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > max) {
						DataBufferUtils.release(buffer);
						sink.error(new BodyTooLargeException(limit));
						return;
					}
					sink.next(buffer);
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	static String human(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " Mo";
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + " Ko";
		}
		return bytes + " octets";
	}

}

package fr.centraleachat.gateway.web;

import java.util.UUID;

import fr.centraleachat.gateway.correlation.CorrelationId;
import fr.centraleachat.gateway.problem.ProblemResponseWriter;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reactor Netty refuses a too long request line (414), too large headers (431) and undecodable
 * requests (400) itself, with an empty body, before Spring sees the request. This handler gives those
 * answers the same French problem+json body and correlation id as every other error.
 */
@Component
public class NettyRejectionProblems implements NettyServerCustomizer {

	private static final String HANDLER_NAME = "centrale.problemRejections";

	private final ProblemResponseWriter writer;

	public NettyRejectionProblems(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null
					&& channel.pipeline().get(HANDLER_NAME) == null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new Handler());
			}
		});
	}

	private final class Handler extends ChannelDuplexHandler {

		private boolean head;

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
				head = HttpMethod.HEAD.equals(request.method());
			}
			ctx.fireChannelRead(msg);
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
			if (msg instanceof FullHttpResponse response && !head && response.content().readableBytes() == 0
					&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
				FullHttpResponse withBody = withProblem(response);
				if (withBody != null) {
					ctx.write(withBody, promise);
					return;
				}
			}
			ctx.write(msg, promise);
		}

		private FullHttpResponse withProblem(FullHttpResponse response) {
			String title;
			String detail;
			HttpStatus status;
			switch (response.status().code()) {
				case 414 -> {
					status = HttpStatus.URI_TOO_LONG;
					title = "Adresse trop longue";
					detail = "L'adresse de la requête (chemin et paramètres) dépasse la longueur acceptée.";
				}
				case 431 -> {
					status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
					title = "En-têtes trop volumineux";
					detail = "Les en-têtes de la requête dépassent la taille acceptée.";
				}
				case 400 -> {
					status = HttpStatus.BAD_REQUEST;
					title = "Requête invalide";
					detail = "La requête HTTP est mal formée.";
				}
				case 413 -> {
					status = HttpStatus.CONTENT_TOO_LARGE;
					title = "Requête trop volumineuse";
					detail = "Le corps de la requête dépasse la taille acceptée.";
				}
				default -> {
					return null;
				}
			}
			String correlationId = response.headers().get(CorrelationId.HEADER);
			if (correlationId == null) {
				correlationId = UUID.randomUUID().toString();
			}
			byte[] body = writer.body(status, title, detail, null, correlationId);
			FullHttpResponse replaced = response.replace(Unpooled.wrappedBuffer(body));
			replaced.headers()
				.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
				.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
				.set(CorrelationId.HEADER, correlationId);
			response.release();
			return replaced;
		}

	}

}

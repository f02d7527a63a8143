package fr.centraleachat.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes exactly as written (no client normalising the path or refusing a large header) and
 * reads one HTTP/1.1 answer.
 */
final class RawHttp {

	record Response(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	private RawHttp() {
	}

	static Response send(int port, String requestHead) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			byte[] chunk = new byte[8192];
			int headEnd = -1;
			int contentLength = -1;
			while (true) {
				int n = in.read(chunk);
				if (n < 0) {
					break;
				}
				raw.write(chunk, 0, n);
				String text = raw.toString(StandardCharsets.ISO_8859_1);
				if (headEnd < 0) {
					headEnd = text.indexOf("\r\n\r\n");
					if (headEnd >= 0) {
						for (String line : text.substring(0, headEnd).split("\r\n")) {
							if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
								contentLength = Integer.parseInt(line.substring(15).trim());
							}
						}
					}
				}
				if (headEnd >= 0 && contentLength >= 0 && raw.size() >= headEnd + 4 + contentLength) {
					break;
				}
			}
			String text = raw.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
			}
			return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
		}
	}

	static Response get(int port, String rawPath, String... extraHeaderLines) throws IOException {
		StringBuilder head = new StringBuilder("GET ").append(rawPath).append(" HTTP/1.1\r\nHost: localhost\r\n");
		for (String line : extraHeaderLines) {
			head.append(line).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		return send(port, head.toString());
	}

}

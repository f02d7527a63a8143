package fr.centraleachat.support.idempotence;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body can be read once in full (to fingerprint it) and then again by the endpoint. Nothing is
 * buffered unless {@link #corps()} is called; the body limit applied below bounds what it holds.
 */
final class RequeteRelisible extends HttpServletRequestWrapper {

    private byte[] corps;

    RequeteRelisible(HttpServletRequest request) {
        super(request);
    }

    byte[] corps() throws IOException {
        if (corps == null) {
            corps = super.getInputStream().readAllBytes();
        }
        return corps;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (corps == null) {
            return super.getInputStream();
        }
        ByteArrayInputStream octets = new ByteArrayInputStream(corps);
        return new ServletInputStream() {
            @Override
            public int read() {
                return octets.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return octets.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return octets.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("synchronous reads only");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (corps == null) {
            return super.getReader();
        }
        String encodage = getCharacterEncoding();
        Charset charset = encodage == null ? StandardCharsets.UTF_8 : Charset.forName(encodage);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}

package fr.centraleachat.support.web;

import java.io.IOException;

/** Thrown by the request stream once a body goes past the configured limit; answered 413. */
public class CorpsTropVolumineuxException extends IOException {

    private final long limite;

    public CorpsTropVolumineuxException(long limite) {
        super("request body larger than " + limite + " bytes");
        this.limite = limite;
    }

    public long limite() {
        return limite;
    }
}

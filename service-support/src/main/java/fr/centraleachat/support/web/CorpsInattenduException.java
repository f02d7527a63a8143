package fr.centraleachat.support.web;

/** A body sent to an endpoint that takes none; answered 400. */
public class CorpsInattenduException extends RuntimeException {

    public CorpsInattenduException() {
        super("request body sent to an endpoint that takes none");
    }
}

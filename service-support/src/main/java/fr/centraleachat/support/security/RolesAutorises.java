package fr.centraleachat.support.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles allowed to call an endpoint. Checked before the request body is read, so a caller without the role
 * gets a 403 whatever it sent and costs the service no parsing. The application layer keeps its own checks (tenancy,
 * state); this one only turns away callers that can never succeed. On a class, applies to every method without one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RolesAutorises {

    /** The roles allowed; a token with any of them passes. */
    Role[] value();

    /** Client-credentials scopes that also pass (without the {@code SCOPE_} prefix). */
    String[] scopes() default {};
}

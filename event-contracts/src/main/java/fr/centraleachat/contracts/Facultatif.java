package fr.centraleachat.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A payload field that may be null (written as {@code null}) or absent (an event published before the field was
 * added). Every other field of a payload is always present and never null: the published JSON schema requires it,
 * and a consumer may rely on it. Marking a published field {@code @Facultatif}, or removing the mark, is a breaking
 * change (a new version of the event).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Facultatif {
}

package dev.ssc.api.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of every ssc value type: package-private generated classes hidden behind
 * hand-written abstract classes and builder interfaces, strict builders, insertion-ordered JDK
 * collections and redacted secrets.
 *
 * <p>No compatibility promise: for ssc's own modules only.
 */
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = true,
    jdkOnly = true,
    redactedMask = "[redacted]",
    defaults = @Value.Immutable(copy = false))
public @interface SscStyle {}

package dev.ssc.api.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code that has checked an envelope's signatures against trusted keys and may therefore
 * create a {@code VerifiedAttestation}. Error Prone's {@code RestrictedApi} check rejects every
 * other caller at compile time.
 *
 * <p>No compatibility promise: for ssc's own verifiers and for custom verifiers that implement the
 * same checks.
 */
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
public @interface VerifierOnly {}

/**
 * Verification helpers that work on any {@link dev.ssc.api.attestation.AttestationVerifier}, such
 * as the content-addressed {@link dev.ssc.attest.CachingAttestationVerifier}.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.attest;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

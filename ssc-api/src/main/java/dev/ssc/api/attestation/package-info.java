/**
 * Evidence: in-toto Statements, DSSE envelopes, and the verified attestations that alone may reach
 * a policy decision.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.api.attestation;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

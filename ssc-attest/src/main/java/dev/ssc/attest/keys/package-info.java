/**
 * Signing and verification keys: generation, PEM and securesystemslib JSON key files, key ids.
 * Start at {@link dev.ssc.attest.keys.Keys}.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.attest.keys;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

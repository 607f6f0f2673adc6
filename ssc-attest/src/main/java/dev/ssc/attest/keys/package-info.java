/** Signing and verification keys through the JCA: key generation, PEM public keys and key ids. */
@NullMarked
@CheckReturnValue
package dev.ssc.attest.keys;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

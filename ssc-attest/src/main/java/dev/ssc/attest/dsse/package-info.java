/**
 * DSSE (Dead Simple Signing Envelope) v1: pre-authentication encoding, the envelope codec, signing,
 * and verification against a key ring with a threshold of distinct keys.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.attest.dsse;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

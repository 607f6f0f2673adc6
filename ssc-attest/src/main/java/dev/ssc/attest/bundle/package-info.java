/**
 * The in-toto attestation bundle: a JSON Lines file ({@code .intoto.jsonl}) of DSSE envelopes, read
 * with limits by {@link dev.ssc.attest.bundle.BundleReader} and written by {@link
 * dev.ssc.attest.bundle.BundleWriter}.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.attest.bundle;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

/**
 * in-toto v1.0 layouts and links: verifying a supply chain against a signed layout as in-toto
 * 1.3.1's {@code in_toto_verify} does, and recording links as {@code in-toto-run} does.
 *
 * <p>Entry points: {@link dev.ssc.attest.intoto.layout.LayoutVerifier} and {@link
 * dev.ssc.attest.intoto.layout.LinkRecorder}.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.attest.intoto.layout;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

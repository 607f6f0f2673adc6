/** in-toto Attestation Framework v1: the Statement codec. */
@NullMarked
@CheckReturnValue
package dev.ssc.attest.intoto;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

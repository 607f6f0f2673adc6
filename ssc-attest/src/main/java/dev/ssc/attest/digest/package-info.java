/**
 * Computing digests of files, streams and bytes: every algorithm of a {@link
 * dev.ssc.api.digest.DigestSet} in one pass, in constant memory.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.attest.digest;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

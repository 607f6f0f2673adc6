/**
 * Digests: the identity of every artifact. An artifact is its digest; names, tags and paths are
 * hints for humans.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.api.digest;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

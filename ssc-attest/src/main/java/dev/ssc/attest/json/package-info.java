/**
 * Strict JSON for untrusted input: size and depth limits, duplicate keys rejected, malformed UTF-8
 * rejected, errors with line and column.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.attest.json;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

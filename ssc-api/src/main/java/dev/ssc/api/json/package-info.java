/**
 * An immutable, dependency-free JSON value model, used where the standards carry arbitrary JSON
 * (predicates, annotations). Parsing and serialization live in ssc-attest.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.api.json;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

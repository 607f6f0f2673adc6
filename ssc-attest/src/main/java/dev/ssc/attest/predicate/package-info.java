/**
 * Typed views of in-toto predicates: a {@link dev.ssc.attest.predicate.PredicateRegistry} maps
 * predicate type URIs to {@link dev.ssc.attest.predicate.PredicateType}s, which decode a
 * statement's predicate JSON into a typed value (SLSA provenance and verification summaries, test
 * results, vulnerability scans, links, SBOMs, code reviews, OpenVEX documents) and encode it back.
 *
 * <p>A typed predicate is a view: verification always checks the envelope's exact bytes, never a
 * re-encoding. Unknown predicate types stay the JSON they were.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.attest.predicate;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

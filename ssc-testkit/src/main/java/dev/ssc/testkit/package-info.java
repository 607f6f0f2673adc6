/**
 * jqwik arbitraries for ssc's types, so organizations can property-test their policies and ssc's
 * contracts.
 *
 * <p>Use the facade {@link dev.ssc.testkit.SscArbitraries}, or just write {@code @ForAll Digest d}:
 * a jqwik {@code ArbitraryProvider} registered through {@code META-INF/services} supplies {@code
 * Digest}, {@code DigestSet}, {@code ImageReference}, {@code Artifact}, {@code Role}, {@code
 * Principal}, {@code Statement}, {@code VerifiedAttestation}, and the typed predicates {@code
 * SlsaProvenance}, {@code CodeReview}, {@code TestResult}, {@code Vulnerability}, {@code
 * VulnerabilityScan}, {@code SbomComponent} and {@code SpdxDocument}.
 *
 * <p>{@link dev.ssc.testkit.TestEvidence} mints verified attestations without signatures, for tests
 * only.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.testkit;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

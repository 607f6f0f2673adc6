/**
 * jqwik arbitraries for ssc's types, so organizations can property-test their policies and ssc's
 * contracts.
 *
 * <p>Use the facade {@link dev.ssc.testkit.SscArbitraries}, or just write {@code @ForAll Digest d}:
 * a jqwik {@code ArbitraryProvider} registered through {@code META-INF/services} supplies {@code
 * Digest}, {@code DigestSet}, {@code ImageReference}, {@code Artifact}, {@code Role}, {@code
 * Principal}, {@code Statement}, {@code VerifiedAttestation}, and the typed predicates {@code
 * SlsaProvenance}, {@code CodeReview}, {@code TestResult}, {@code Vulnerability}, {@code
 * VulnerabilityScan}, {@code SbomComponent}, {@code SpdxDocument} and {@code OpenVex}, and whole
 * {@link dev.ssc.testkit.EvidenceSet}s.
 *
 * <p>{@link dev.ssc.testkit.EvidenceSpec} describes an organization (authorities, roster, builder,
 * base images, licenses) and builds a matching policy; {@link
 * dev.ssc.testkit.SscArbitraries#evidenceSets(EvidenceSpec)} generates coherent evidence for it,
 * and {@link dev.ssc.testkit.EvidenceSet#with(EvidenceSet.Defect)} breaks one aspect.
 *
 * <p>{@link dev.ssc.testkit.TestEvidence} mints verified attestations without signatures, for tests
 * only.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.testkit;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

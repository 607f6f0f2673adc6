package dev.ssc.testkit.internal;

import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.identity.Principal;
import dev.ssc.api.identity.Role;
import dev.ssc.attest.predicate.CodeReview;
import dev.ssc.attest.predicate.OpenVex;
import dev.ssc.attest.predicate.SbomComponent;
import dev.ssc.attest.predicate.SlsaProvenance;
import dev.ssc.attest.predicate.SpdxDocument;
import dev.ssc.attest.predicate.TestResult;
import dev.ssc.attest.predicate.Vulnerability;
import dev.ssc.attest.predicate.VulnerabilityScan;
import dev.ssc.testkit.EvidenceSet;
import dev.ssc.testkit.SscArbitraries;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

/** Supplies ssc's values to {@code @ForAll} parameters. Registered in META-INF/services. */
public final class SscArbitraryProvider implements ArbitraryProvider {
  private static final Map<Class<?>, Supplier<Arbitrary<?>>> ARBITRARIES =
      Map.ofEntries(
          Map.entry(Digest.class, SscArbitraries::digests),
          Map.entry(DigestSet.class, SscArbitraries::digestSets),
          Map.entry(ImageReference.class, SscArbitraries::imageReferences),
          Map.entry(Artifact.class, SscArbitraries::artifacts),
          Map.entry(Role.class, SscArbitraries::roles),
          Map.entry(Principal.class, SscArbitraries::principals),
          Map.entry(Statement.class, SscArbitraries::statements),
          Map.entry(VerifiedAttestation.class, SscArbitraries::verifiedAttestations),
          Map.entry(SlsaProvenance.class, SscArbitraries::provenance),
          Map.entry(CodeReview.class, SscArbitraries::codeReviews),
          Map.entry(TestResult.class, SscArbitraries::testResults),
          Map.entry(Vulnerability.class, SscArbitraries::vulnerabilities),
          Map.entry(VulnerabilityScan.class, SscArbitraries::vulnerabilityScans),
          Map.entry(SbomComponent.class, SscArbitraries::sbomComponents),
          Map.entry(SpdxDocument.class, SscArbitraries::spdxDocuments),
          Map.entry(OpenVex.class, SscArbitraries::openVex),
          Map.entry(EvidenceSet.class, SscArbitraries::evidenceSets));

  /** Creates the provider; jqwik calls this through the service loader. */
  public SscArbitraryProvider() {}

  @Override
  public boolean canProvideFor(TypeUsage targetType) {
    return ARBITRARIES.keySet().stream().anyMatch(targetType::isOfType);
  }

  @Override
  public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
    for (Map.Entry<Class<?>, Supplier<Arbitrary<?>>> e : ARBITRARIES.entrySet()) {
      if (targetType.isOfType(e.getKey())) {
        return Collections.singleton(e.getValue().get());
      }
    }
    return Collections.emptySet();
  }
}

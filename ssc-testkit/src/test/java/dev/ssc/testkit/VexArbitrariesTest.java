package dev.ssc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.attest.predicate.OpenVex;
import dev.ssc.attest.predicate.VexStatement;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Generated OpenVEX documents are valid, round-trip, and cover every status. */
class VexArbitrariesTest {
  @Property(tries = 300)
  void openVexRoundTripsAndCoversEveryStatusAndCascadingProducts(@ForAll OpenVex vex)
      throws SscFormatException {
    PredicateArbitrariesTest.roundTripsThroughTheRegistry(
        OpenVex.PREDICATE, vex, DigestSet.sha256("ab".repeat(32)));
    for (VexStatement.Status s : VexStatement.Status.values()) {
      PredicateArbitrariesTest.covers(
          "a statement is " + s.label(),
          vex.statements().stream().anyMatch(x -> x.status() == s),
          10);
    }
    PredicateArbitrariesTest.covers(
        "a statement has no products",
        vex.statements().stream().anyMatch(x -> x.products().isEmpty()),
        15);
  }

  @Property(tries = 200)
  void statementsAreAboutTheGivenIdsAndTheirHashesIdentifyTheProduct(
      @ForAll("productAndVex") Tuple.Tuple2<DigestSet, OpenVex> c) {
    DigestSet product = c.get1();
    for (VexStatement s : c.get2().statements()) {
      assertTrue(s.isAbout("CVE-2021-44228"), s::toString);
      boolean hashed = s.products().stream().anyMatch(p -> !p.hashes().isEmpty());
      assertEquals(hashed, s.lists(product, null), s::toString);
    }
  }

  @Provide
  Arbitrary<Tuple.Tuple2<DigestSet, OpenVex>> productAndVex() {
    return SscArbitraries.digestSets()
        .flatMap(
            d ->
                SscArbitraries.openVex(d, Arbitraries.just("CVE-2021-44228"))
                    .map(v -> Tuple.of(d, v)));
  }

  @Property(tries = 50)
  void evidenceSetsAreInjectedForForAll(@ForAll EvidenceSet evidence) {
    assertTrue(evidence.defects().isEmpty());
    assertTrue(evidence.maintainerApprovals() >= evidence.spec().minApprovals());
  }
}

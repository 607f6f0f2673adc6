package dev.ssc.attest.predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.attest.intoto.StatementCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Round trips of the typed predicates, and mutated predicates, with arbitraries written here. */
class PredicateRoundTripTest {
  private static final PredicateRegistry REGISTRY = PredicateRegistry.defaults();

  static Arbitrary<String> text() {
    return Arbitraries.strings().ofMinLength(1).ofMaxLength(12);
  }

  static Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(0, 4_000_000_000L)
        .flatMap(
            s ->
                Arbitraries.integers()
                    .between(0, 999_999)
                    .map(micros -> Instant.ofEpochSecond(s, micros * 1000L)));
  }

  static Arbitrary<ResourceDescriptor> descriptors() {
    Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    return Combinators.combine(text(), hex)
        .as((n, h) -> ResourceDescriptor.of(n, DigestSet.sha256(h)));
  }

  @Provide
  Arbitrary<SlsaProvenance> provenance() {
    return Combinators.combine(
            text(), text(), descriptors().list().ofMaxSize(3), instants(), text().optional())
        .as(
            (type, builder, deps, start, invocation) -> {
              SlsaProvenance.Builder b =
                  SlsaProvenance.builder()
                      .buildType("https://example.com/" + type)
                      .externalParameters(new JsonObject(Map.of("p", new JsonString(type))))
                      .addAllResolvedDependencies(deps)
                      .builderId(builder)
                      .putBuilderVersion("core", "1.0")
                      .startedOn(start)
                      .finishedOn(start.plusSeconds(60));
              invocation.ifPresent(b::invocationId);
              return b.build();
            });
  }

  @Property(tries = 100)
  void provenanceRoundTrips(@ForAll("provenance") SlsaProvenance p) throws Exception {
    assertEquals(p, SlsaProvenance.PREDICATE.decode(SlsaProvenance.PREDICATE.encode(p), "rt"));
  }

  @Provide
  Arbitrary<SlsaVerificationSummary> summaries() {
    return Combinators.combine(
            text(),
            instants(),
            text(),
            Arbitraries.of(SlsaVerificationSummary.Result.class),
            text().list().ofMaxSize(3))
        .as(
            (verifier, time, uri, result, levels) ->
                SlsaVerificationSummary.builder()
                    .verifierId(verifier)
                    .timeVerified(time)
                    .resourceUri(uri)
                    .policy(ResourceDescriptor.builder().uri("https://policy/" + uri).build())
                    .verificationResult(result)
                    .addAllVerifiedLevels(levels)
                    .putDependencyLevels("SLSA_BUILD_LEVEL_3", levels.size())
                    .build());
  }

  @Property(tries = 100)
  void verificationSummaryRoundTrips(@ForAll("summaries") SlsaVerificationSummary v)
      throws Exception {
    assertEquals(
        v,
        SlsaVerificationSummary.PREDICATE.decode(
            SlsaVerificationSummary.PREDICATE.encode(v), "rt"));
  }

  @Provide
  Arbitrary<CodeReview> reviews() {
    Arbitrary<String> sha1 = Arbitraries.strings().withChars("0123456789abcdef").ofLength(40);
    return Combinators.combine(text(), sha1, text().set().ofMaxSize(3), instants())
        .as(
            (change, commit, reviewers, time) -> {
              CodeReview.Builder b =
                  CodeReview.builder()
                      .repository("https://github.com/acme/web")
                      .changeId(change)
                      .reviewedCommit(Digest.of(DigestAlgorithm.GIT_COMMIT, commit))
                      .author("author-not-a-reviewer-" + change);
              reviewers.forEach(
                  r -> b.addApprovals(ReviewApproval.builder().reviewer(r).time(time).build()));
              return b.build();
            });
  }

  @Property(tries = 100)
  void codeReviewRoundTrips(@ForAll("reviews") CodeReview r) throws Exception {
    assertEquals(r, CodeReview.PREDICATE.decode(CodeReview.PREDICATE.encode(r), "rt"));
  }

  @Property(tries = 300)
  void mutatedProvenanceStatementIsRejectedWithAPlaceOrDecodes(
      @ForAll("provenance") SlsaProvenance p,
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll byte value) {
    Statement s =
        Statement.builder()
            .addSubjects(ResourceDescriptor.of("a", DigestSet.sha256("c".repeat(64))))
            .predicateType(SlsaProvenance.URI)
            .predicate(SlsaProvenance.PREDICATE.encode(p))
            .build();
    byte[] bytes = StatementCodec.encode(s).toByteArray();
    bytes[position % bytes.length] = value;
    try {
      Statement decoded = StatementCodec.decode(Bytes.of(bytes), "mutated");
      Predicate predicate = REGISTRY.decode(decoded, "mutated");
      // Accepted: its JSON is kept, and a typed view encodes to what decodes to itself.
      JsonObject again = REGISTRY.encode(predicate);
      assertEquals(
          REGISTRY
              .decode(
                  Statement.builder()
                      .addAllSubjects(decoded.subjects())
                      .predicateType(decoded.predicateType())
                      .predicate(again)
                      .build(),
                  "again")
              .isTyped(),
          predicate.isTyped());
    } catch (SscFormatException e) {
      assertTrue(e.getMessage().startsWith("mutated: "), e.getMessage());
    }
  }

  static Arbitrary<VexComponent> vexComponents(boolean product) {
    Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    Arbitrary<List<VexComponent>> subcomponents =
        product
            ? vexComponents(false).list().uniqueElements().ofMaxSize(2)
            : Arbitraries.just(List.of());
    return Combinators.combine(
            text().optional(), text().optional(), hex.optional(), text().optional(), subcomponents)
        .as(
            (id, purl, sha, cpe, subs) -> {
              VexComponent.Builder b = VexComponent.builder().addAllSubcomponents(subs);
              b.id(id.orElse("pkg:oci/fallback"));
              purl.ifPresent(p -> b.purl("pkg:maven/" + p));
              sha.ifPresent(h -> b.hashes(DigestSet.sha256(h)));
              cpe.ifPresent(b::cpe23);
              return b.build();
            });
  }

  static Arbitrary<VexStatement> vexStatements() {
    return Combinators.combine(
            text(),
            text().list().uniqueElements().ofMaxSize(3),
            Arbitraries.of(VexStatement.Status.class),
            Arbitraries.of(VexStatement.Justification.class),
            vexComponents(true).list().uniqueElements().ofMaxSize(3),
            instants().optional(),
            text().optional(),
            Arbitraries.integers().between(1, 5).optional())
        .as(
            (name, aliases, status, justification, products, time, notes, version) -> {
              VexStatement.Builder b =
                  VexStatement.builder()
                      .vulnerabilityName(name)
                      .addAllVulnerabilityAliases(aliases)
                      .status(status)
                      .addAllProducts(products);
              time.ifPresent(b::timestamp);
              notes.ifPresent(b::statusNotes);
              version.ifPresent(b::version);
              if (status == VexStatement.Status.NOT_AFFECTED) {
                b.justification(justification);
              } else if (status == VexStatement.Status.AFFECTED) {
                b.actionStatement("upgrade to " + name).actionStatementTimestamp(Instant.EPOCH);
              }
              return b.build();
            });
  }

  @Provide
  Arbitrary<OpenVex> openVex() {
    return Combinators.combine(
            text(),
            text(),
            instants(),
            Arbitraries.integers().between(1, 1000),
            vexStatements().list().uniqueElements().ofMinSize(1).ofMaxSize(3),
            text().optional())
        .as(
            (id, author, time, version, statements, role) -> {
              OpenVex.Builder b =
                  OpenVex.builder()
                      .id("https://example.com/vex/" + id)
                      .author(author)
                      .timestamp(time)
                      .version(version)
                      .addAllStatements(statements);
              role.ifPresent(b::role);
              return b.build();
            });
  }

  @Property(tries = 100)
  void openVexRoundTrips(@ForAll("openVex") OpenVex v) throws Exception {
    assertEquals(v, OpenVex.PREDICATE.decode(OpenVex.PREDICATE.encode(v), "rt"));
  }

  @Property(tries = 300)
  void mutatedOpenVexStatementIsRejectedWithAPlaceOrDecodes(
      @ForAll("openVex") OpenVex v,
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll byte value) {
    Statement s =
        Statement.builder()
            .addSubjects(ResourceDescriptor.of("a", DigestSet.sha256("c".repeat(64))))
            .predicateType(OpenVex.URI)
            .predicate(OpenVex.PREDICATE.encode(v))
            .build();
    byte[] bytes = StatementCodec.encode(s).toByteArray();
    bytes[position % bytes.length] = value;
    try {
      Statement decoded = StatementCodec.decode(Bytes.of(bytes), "mutated");
      Predicate predicate = REGISTRY.decode(decoded, "mutated");
      // Accepted: a typed view encodes to JSON that decodes to the same value.
      if (predicate.isTyped()) {
        OpenVex typed = predicate.as(OpenVex.PREDICATE).orElseThrow();
        assertEquals(typed, OpenVex.PREDICATE.decode(REGISTRY.encode(predicate), "again"));
      }
    } catch (SscFormatException e) {
      assertTrue(e.getMessage().startsWith("mutated: "), e.getMessage());
    }
  }

  @Property(tries = 50)
  void builtInTypesAreFoundByTheirUri(@ForAll("builtIns") PredicateType<?> type) {
    assertEquals(type, REGISTRY.find(type.uri()).orElseThrow());
  }

  @Provide
  Arbitrary<PredicateType<?>> builtIns() {
    List<PredicateType<?>> types = PredicateRegistry.builtIns();
    return Arbitraries.of(types);
  }
}

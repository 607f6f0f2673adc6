package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.Finding;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.AttestationVerification;
import dev.ssc.api.attestation.AttestationVerifier;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.signing.KeyRing;
import dev.ssc.api.signing.Verifier;
import dev.ssc.attest.bundle.Bundle;
import dev.ssc.attest.bundle.BundleEntry;
import dev.ssc.attest.bundle.BundleReader;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.DsseVerifier;
import dev.ssc.attest.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Reads evidence files for a policy and verifies each envelope in them: a file is either one DSSE
 * envelope (JSON) or an in-toto bundle (JSON Lines of envelopes), told apart by content.
 *
 * <p>A file whose whole content decodes as one DSSE envelope is an envelope, and its evidence id is
 * the sha256 of the file's bytes; any other file is read as a bundle, each line's evidence id being
 * the sha256 of that line. Envelopes that do not verify (no trusted key signed, malformed payload)
 * and bundle lines that are not envelopes are not evidence: they are returned as {@link Rejected},
 * with the verifier's findings, never thrown. Only a file that holds no envelope at all is an
 * error.
 *
 * <p>{@link #forPolicy} verifies against every key of every authority of the policy at once; which
 * authority's threshold an attestation meets is for the policy's rules to judge, from {@link
 * VerifiedAttestation#signerKeyIds()}. Immutable and thread-safe.
 *
 * <pre>{@code
 * EvidenceLoader evidence = EvidenceLoader.forPolicy(policy, InstantSource.system());
 * EvidenceLoader.Result r = evidence.load(Path.of("app.jar.intoto.jsonl"));
 * Decision d = policy.evaluate(PolicyInput.builder().subject(s).time(t)
 *     .addAllEvidence(r.accepted()).build());
 * }</pre>
 */
public final class EvidenceLoader {
  /** The largest evidence file read: the JSON parser's document limit. */
  public static final int MAX_FILE_BYTES = Json.MAX_DOCUMENT_BYTES;

  private final @Nullable AttestationVerifier verifier;
  private final String noVerifierReason;

  private EvidenceLoader(@Nullable AttestationVerifier verifier, String noVerifierReason) {
    this.verifier = verifier;
    this.noVerifierReason = noVerifierReason;
  }

  /**
   * A loader verifying envelopes with every key of every authority of {@code policy} (a key two
   * authorities share is tried once), stamping verification times from {@code clock}. For a policy
   * without authorities every envelope is rejected ({@code policy.authorities.none}).
   *
   * @throws IllegalArgumentException if an authority of the policy was given by key ids only: it
   *     can judge attestations verified elsewhere but cannot verify envelopes
   */
  public static EvidenceLoader forPolicy(RulePolicy policy, InstantSource clock) {
    requireNonNull(policy, "policy");
    requireNonNull(clock, "clock");
    Map<String, Verifier> keys = new LinkedHashMap<>();
    for (Authority a : policy.authorities().values()) {
      if (a.keys().isEmpty()) {
        throw new IllegalArgumentException(
            "authority '"
                + a.name()
                + "' of policy "
                + policy.id()
                + " lists key ids only, so it cannot verify envelopes; give its keys as"
                + " 'file' or 'pem'");
      }
      for (Verifier v : a.keys()) {
        keys.putIfAbsent(v.keyId(), v);
      }
    }
    if (keys.isEmpty()) {
      return new EvidenceLoader(
          null, "policy " + policy.id() + " names no authority, so it trusts no envelope");
    }
    return new EvidenceLoader(
        DsseVerifier.builder(KeyRing.of(keys.values())).clock(clock).build(), "");
  }

  /** A loader verifying envelopes with {@code verifier}, such as a caching one. */
  public static EvidenceLoader of(AttestationVerifier verifier) {
    return new EvidenceLoader(requireNonNull(verifier, "verifier"), "");
  }

  /**
   * Reads and verifies the evidence file {@code file}, refusing files over {@link #MAX_FILE_BYTES}.
   *
   * @throws IOException if the file cannot be read
   * @throws SscFormatException if it is too large, or neither an envelope nor a bundle holding one
   */
  public Result load(Path file) throws IOException, SscFormatException {
    requireNonNull(file, "file");
    if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
      throw new SscFormatException(
          file + ": evidence file is larger than the limit of " + MAX_FILE_BYTES + " bytes");
    }
    byte[] bytes = PolicyLoader.readBounded(file, MAX_FILE_BYTES, file.toString());
    return load(Bytes.of(bytes), file.toString());
  }

  /**
   * Verifies the evidence file content {@code file}, named {@code source} in results and errors.
   *
   * @throws SscFormatException if it is neither an envelope nor a bundle holding one
   */
  public Result load(Bytes file, String source) throws SscFormatException {
    requireNonNull(file, "file");
    requireNonNull(source, "source");
    List<VerifiedAttestation> accepted = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    String envelopeProblem;
    try {
      var unused = DsseCodec.decode(file, source);
      verify(file, Digests.sha256(file), source, OptionalInt.empty(), accepted, rejected);
      return new Result(accepted, rejected);
    } catch (SscFormatException e) {
      envelopeProblem = String.valueOf(e.getMessage());
    }
    Bundle bundle = BundleReader.builder().build().read(file, source);
    if (bundle.entries().isEmpty()) {
      throw new SscFormatException(
          source
              + ": neither a DSSE envelope ("
              + envelopeProblem
              + ") nor a bundle with an envelope on a line");
    }
    for (BundleEntry e : bundle.entries()) {
      verify(e.bytes(), e.evidenceId(), source, OptionalInt.of(e.lineNumber()), accepted, rejected);
    }
    for (Finding f : bundle.ignoredLines()) {
      OptionalInt line = OptionalInt.empty();
      Optional<String> location = f.location();
      if (location.isPresent() && location.get().startsWith("line ")) {
        try {
          line = OptionalInt.of(Integer.parseInt(location.get().substring(5)));
        } catch (NumberFormatException ex) {
          // keep no line
        }
      }
      rejected.add(new Rejected(source, line, f.evidence(), List.of(f)));
    }
    return new Result(accepted, rejected);
  }

  private void verify(
      Bytes envelope,
      Digest evidenceId,
      String source,
      OptionalInt line,
      List<VerifiedAttestation> accepted,
      List<Rejected> rejected) {
    AttestationVerifier v = verifier;
    if (v == null) {
      rejected.add(
          new Rejected(
              source,
              line,
              Optional.of(evidenceId),
              List.of(
                  Finding.builder()
                      .code("policy.authorities.none")
                      .message(noVerifierReason)
                      .evidence(evidenceId)
                      .build())));
      return;
    }
    AttestationVerification result = v.verify(envelope);
    Optional<VerifiedAttestation> a = result.attestation();
    if (a.isPresent()) {
      accepted.add(a.get());
    } else {
      rejected.add(new Rejected(source, line, Optional.of(evidenceId), result.findings()));
    }
  }

  /**
   * What one evidence file gave: the verified attestations, and the envelopes or lines that do not
   * count. Immutable.
   */
  public static final class Result {
    private final List<VerifiedAttestation> accepted;
    private final List<Rejected> rejected;

    Result(List<VerifiedAttestation> accepted, List<Rejected> rejected) {
      this.accepted = List.copyOf(accepted);
      this.rejected = List.copyOf(rejected);
    }

    /** The verified attestations, in file order. */
    public List<VerifiedAttestation> accepted() {
      return accepted;
    }

    /** The envelopes that did not verify and the lines that are not envelopes, in file order. */
    public List<Rejected> rejected() {
      return rejected;
    }

    @Override
    public String toString() {
      return "EvidenceLoader.Result[" + accepted.size() + " accepted, " + rejected.size() + "]";
    }
  }

  /**
   * An envelope (or bundle line) that is not evidence, and why: its file, its line in a bundle, its
   * evidence id and the findings. Immutable.
   */
  public static final class Rejected {
    private final String source;
    private final OptionalInt line;
    private final Optional<Digest> evidenceId;
    private final List<Finding> findings;

    Rejected(String source, OptionalInt line, Optional<Digest> evidenceId, List<Finding> findings) {
      this.source = source;
      this.line = line;
      this.evidenceId = evidenceId;
      this.findings = List.copyOf(findings);
    }

    /** The file, as named to the loader. */
    public String source() {
      return source;
    }

    /** The line in a bundle, counting from 1; empty for an envelope file. */
    public OptionalInt line() {
      return line;
    }

    /** The sha256 of the envelope's bytes. */
    public Optional<Digest> evidenceId() {
      return evidenceId;
    }

    /** Why it does not count: at least one finding. */
    public List<Finding> findings() {
      return findings;
    }

    /** One line: {@code FILE[:LINE] (EVIDENCE): CODE: MESSAGE; CODE: MESSAGE}, failures first. */
    public String describe() {
      StringBuilder sb = new StringBuilder(source);
      line.ifPresent(l -> sb.append(':').append(l));
      evidenceId.ifPresent(id -> sb.append(" (").append(id).append(')'));
      sb.append(": ");
      List<String> parts = new ArrayList<>();
      for (Finding.Level level : Finding.Level.values()) {
        for (Finding f : findings) {
          if (f.level() == level) {
            parts.add(f.code() + ": " + f.message().replaceAll("\\R", " "));
          }
        }
      }
      return sb.append(String.join("; ", parts)).toString();
    }

    @Override
    public String toString() {
      return "EvidenceLoader.Rejected[" + describe() + "]";
    }
  }
}

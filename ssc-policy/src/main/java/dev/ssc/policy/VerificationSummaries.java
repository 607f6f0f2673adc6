package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Verdict;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.Statement;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.policy.Decision;
import dev.ssc.attest.predicate.SlsaVerificationSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns an allowing {@link Decision} into a SLSA Verification Summary Attestation ({@value
 * SlsaVerificationSummary#URI}): the statement a gate signs to record that a digest passed its
 * policy, for an environment, so that a later gate can require it ({@link PassedEnvironmentRule}).
 *
 * <p>The summary's fields:
 *
 * <ul>
 *   <li>{@code subject}: the decision's subject digests, named by the resource URI;
 *   <li>{@code verifier.id} and {@code verifier.version}: from the options;
 *   <li>{@code timeVerified}: the decision's evaluation time (no clock is read);
 *   <li>{@code resourceUri}: from the options;
 *   <li>{@code policy}: {@code uri} is {@code https://ssc.dev/policy/<policy-id>}, followed by
 *       {@code ?environment=<name>} when the decision was for an environment; the policy id is
 *       percent-encoded except for unreserved characters and {@code /}; {@code digest} is the
 *       policy digest when given;
 *   <li>{@code inputAttestations}: each evidence id the decision used, as {@code {"digest":
 *       {"sha256": ...}}};
 *   <li>{@code verificationResult}: {@code PASSED};
 *   <li>{@code verifiedLevels}: the levels given (such as {@code SLSA_BUILD_LEVEL_3}, when the
 *       policy really checks that), else the ssc level {@value #POLICY_PASSED_LEVEL}, a custom
 *       level as the VSA specification allows ("MUST NOT use custom values starting with {@code
 *       SLSA_}"); {@code slsaVersion} is {@code 1.0} when a {@code SLSA_} level is listed.
 * </ul>
 *
 * <p>Signing is the caller's job:
 *
 * <pre>{@code
 * Decision decision = policy.evaluate(input);              // for environment "staging"
 * Statement vsa = VerificationSummaries.summarize(
 *     decision,
 *     VerificationSummaries.Options.builder()
 *         .verifierId("https://gate.acme.example/staging")
 *         .resourceUri("pkg:maven/com.acme/web@1.4.0")
 *         .environment("staging")
 *         .build());
 * Envelope signed = DsseSigner.sign(vsa, gateSigner);      // ssc-attest
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class VerificationSummaries {
  /** The prefix of the {@code policy.uri} of every summary ssc writes. */
  public static final String POLICY_URI_PREFIX = "https://ssc.dev/policy/";

  /** The level recorded when no other level is given: the subject passed an ssc policy. */
  public static final String POLICY_PASSED_LEVEL = "SSC_POLICY_PASSED";

  private static final String ENVIRONMENT_QUERY = "?environment=";
  private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  private static final Pattern SLSA_LEVEL = Pattern.compile("SLSA_[A-Z]+_LEVEL_[0-9]+");
  private static final Pattern CUSTOM_LEVEL = Pattern.compile("[A-Z][A-Z0-9_]{0,127}");

  private VerificationSummaries() {}

  /**
   * The summary of {@code decision}, unsigned.
   *
   * @throws IllegalArgumentException if the decision does not allow
   */
  public static Statement summarize(Decision decision, Options options) {
    requireNonNull(decision, "decision");
    requireNonNull(options, "options");
    if (decision.verdict() != Verdict.ALLOW) {
      throw new IllegalArgumentException(
          "only an ALLOW decision can be summarized as PASSED; policy '"
              + decision.policyId()
              + "' gave "
              + decision.verdict()
              + " for "
              + decision.subject());
    }
    ResourceDescriptor.Builder policy =
        ResourceDescriptor.builder().uri(policyUri(decision.policyId(), options.environment));
    if (options.policyDigest != null) {
      policy.digest(DigestSet.of(options.policyDigest));
    }
    SlsaVerificationSummary.Builder vsa =
        SlsaVerificationSummary.builder()
            .verifierId(options.verifierId)
            .putAllVerifierVersion(options.verifierVersion)
            .timeVerified(decision.evaluatedAt())
            .resourceUri(options.resourceUri)
            .policy(policy.build())
            .verificationResult(SlsaVerificationSummary.Result.PASSED);
    for (Digest id : decision.evidence()) {
      vsa.addInputAttestations(ResourceDescriptor.builder().digest(DigestSet.of(id)).build());
    }
    List<String> levels =
        options.levels.isEmpty() ? List.of(POLICY_PASSED_LEVEL) : List.copyOf(options.levels);
    vsa.addAllVerifiedLevels(levels);
    if (levels.stream().anyMatch(l -> l.startsWith("SLSA_"))) {
      vsa.slsaVersion("1.0");
    }
    return Statement.builder()
        .addSubjects(
            ResourceDescriptor.builder()
                .name(options.resourceUri)
                .digest(decision.subject())
                .build())
        .predicateType(SlsaVerificationSummary.URI)
        .predicate(SlsaVerificationSummary.PREDICATE.encode(vsa.build()))
        .build();
  }

  /** {@code https://ssc.dev/policy/<policy-id>[?environment=<name>]}. */
  static String policyUri(String policyId, @Nullable String environment) {
    String uri = POLICY_URI_PREFIX + encode(policyId);
    return environment == null ? uri : uri + ENVIRONMENT_QUERY + environment;
  }

  /** The policy id and environment of an ssc policy URI; empty if it is not one. */
  static Optional<PolicyRef> parsePolicyUri(String uri) {
    if (!uri.startsWith(POLICY_URI_PREFIX)) {
      return Optional.empty();
    }
    String rest = uri.substring(POLICY_URI_PREFIX.length());
    String environment = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      if (!rest.startsWith(ENVIRONMENT_QUERY, q)) {
        return Optional.empty();
      }
      environment = rest.substring(q + ENVIRONMENT_QUERY.length());
      if (!ENVIRONMENT.matcher(environment).matches()) {
        return Optional.empty();
      }
      rest = rest.substring(0, q);
    }
    Optional<String> id = decode(rest);
    if (id.isEmpty() || id.get().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new PolicyRef(id.get(), environment));
  }

  /** A policy named by an ssc policy URI. */
  static final class PolicyRef {
    final String policyId;
    final @Nullable String environment;

    PolicyRef(String policyId, @Nullable String environment) {
      this.policyId = policyId;
      this.environment = environment;
    }
  }

  private static final String HEX = "0123456789ABCDEF";

  private static boolean unreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == '/';
  }

  private static String encode(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (unreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
      }
    }
    return out.toString();
  }

  /** The policy id {@code s} encodes, only if {@code s} is exactly as {@link #encode} writes it. */
  private static Optional<String> decode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          return Optional.empty();
        }
        int hi = HEX.indexOf(s.charAt(i + 1));
        int lo = HEX.indexOf(s.charAt(i + 2));
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else if (unreserved(c)) {
        out.write(c);
      } else {
        return Optional.empty();
      }
    }
    String decoded = out.toString(StandardCharsets.UTF_8);
    // Malformed UTF-8 and needless or lower-case escapes do not re-encode to the same text.
    return encode(decoded).equals(s) ? Optional.of(decoded) : Optional.empty();
  }

  /**
   * What to record in a summary besides the decision: the verifier, the resource, the environment
   * the decision was for, the policy digest and the levels verified.
   *
   * <p>Immutable and thread-safe.
   */
  public static final class Options {
    private final String verifierId;
    private final Map<String, String> verifierVersion;
    private final String resourceUri;
    private final @Nullable String environment;
    private final @Nullable Digest policyDigest;
    private final List<String> levels;

    private Options(Builder b, String verifierId, String resourceUri) {
      this.verifierId = verifierId;
      this.verifierVersion = Collections.unmodifiableMap(new LinkedHashMap<>(b.verifierVersion));
      this.resourceUri = resourceUri;
      this.environment = b.environment;
      this.policyDigest = b.policyDigest;
      this.levels = List.copyOf(b.levels);
    }

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Options}; the verifier id and resource URI are required. */
    public static final class Builder {
      private @Nullable String verifierId;
      private final Map<String, String> verifierVersion = new LinkedHashMap<>();
      private @Nullable String resourceUri;
      private @Nullable String environment;
      private @Nullable Digest policyDigest;
      private final Set<String> levels = new LinkedHashSet<>();

      Builder() {}

      /**
       * Sets {@code verifier.id}: the URI of the gate that decided.
       *
       * @throws IllegalArgumentException if blank
       */
      @CanIgnoreReturnValue
      public Builder verifierId(String verifierId) {
        this.verifierId = nonBlank(verifierId, "verifierId");
        return this;
      }

      /** Adds a {@code verifier.version} entry, such as {@code ssc} to its version. */
      @CanIgnoreReturnValue
      public Builder verifierVersion(String component, String version) {
        verifierVersion.put(nonBlank(component, "component"), nonBlank(version, "version"));
        return this;
      }

      /**
       * Sets {@code resourceUri}: the URI of the artifact decided on, such as a package URL or an
       * image reference with its digest.
       *
       * @throws IllegalArgumentException if blank
       */
      @CanIgnoreReturnValue
      public Builder resourceUri(String resourceUri) {
        this.resourceUri = nonBlank(resourceUri, "resourceUri");
        return this;
      }

      /**
       * Sets the environment the decision was for, such as {@code staging}; none unless set.
       *
       * @throws IllegalArgumentException if it is not an environment name (lowercase letters,
       *     digits and dashes)
       */
      @CanIgnoreReturnValue
      public Builder environment(String environment) {
        requireNonNull(environment, "environment");
        if (!ENVIRONMENT.matcher(environment).matches()) {
          throw new IllegalArgumentException(
              "environment must be lowercase letters, digits and dashes, got '"
                  + environment
                  + "'");
        }
        this.environment = environment;
        return this;
      }

      /** Sets {@code policy.digest}: the digest of the policy document that decided. */
      @CanIgnoreReturnValue
      public Builder policyDigest(Digest policyDigest) {
        this.policyDigest = requireNonNull(policyDigest, "policyDigest");
        return this;
      }

      /**
       * Adds a verified level, such as {@code SLSA_BUILD_LEVEL_3}; record a SLSA level only when
       * the policy checks it. Without any, {@value VerificationSummaries#POLICY_PASSED_LEVEL} is
       * recorded.
       *
       * @throws IllegalArgumentException if the level is {@code FAILED} or not of the form {@code
       *     SLSA_<TRACK>_LEVEL_<n>} or an upper-case custom name not starting with {@code SLSA_}
       */
      @CanIgnoreReturnValue
      public Builder verifiedLevel(String level) {
        requireNonNull(level, "level");
        if (level.equals("FAILED")) {
          throw new IllegalArgumentException("a PASSED summary cannot record level FAILED");
        }
        boolean slsa = SLSA_LEVEL.matcher(level).matches();
        if (!slsa && (level.startsWith("SLSA_") || !CUSTOM_LEVEL.matcher(level).matches())) {
          throw new IllegalArgumentException(
              "level must be SLSA_<TRACK>_LEVEL_<n> or an upper-case custom name not starting"
                  + " with SLSA_, got '"
                  + level
                  + "'");
        }
        levels.add(level);
        return this;
      }

      /**
       * Builds the options.
       *
       * @throws IllegalStateException if the verifier id or resource URI is missing
       * @throws IllegalArgumentException if two levels of one SLSA track are given
       */
      public Options build() {
        String v = verifierId;
        String r = resourceUri;
        if (v == null || r == null) {
          throw new IllegalStateException(
              "summary options need "
                  + (v == null ? "verifierId" : "")
                  + (v == null && r == null ? " and " : "")
                  + (r == null ? "resourceUri" : ""));
        }
        Set<String> tracks = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        for (String level : levels) {
          if (SLSA_LEVEL.matcher(level).matches()
              && !tracks.add(level.substring(0, level.lastIndexOf("_LEVEL_")))) {
            repeated.add(level);
          }
        }
        if (!repeated.isEmpty()) {
          throw new IllegalArgumentException(
              "record one level per SLSA track (the highest verified), got " + levels);
        }
        return new Options(this, v, r);
      }

      private static String nonBlank(String value, String name) {
        requireNonNull(value, name);
        if (value.isBlank()) {
          throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
      }
    }
  }
}

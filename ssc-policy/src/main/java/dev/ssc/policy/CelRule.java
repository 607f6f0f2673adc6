package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.policy.RuleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A custom condition written in CEL over the attestations of one predicate type that an authority
 * signed about the subject: "some trusted provenance was built from {@code refs/heads/main}".
 *
 * <pre>{@code
 * Rule mainBranch = CelRule.builder("build.main-branch")
 *     .predicateType(SlsaProvenance.URI)
 *     .authority(ci)
 *     .expression("predicate.buildDefinition.externalParameters.ref == 'refs/heads/main'")
 *     .description("release builds come from the main branch")
 *     .build();
 * }</pre>
 *
 * <p>The expression is compiled once, when the rule is built, and sees {@code predicateType},
 * {@code predicate} (the JSON), {@code subjects}, {@code signers}, {@code now} (the evaluation
 * time), {@code environment} and {@code actor}; see {@code docs/policy.md}. With {@link Match#ANY}
 * (the default) one trusted attestation must satisfy it, with {@link Match#ALL} every trusted
 * attestation must, and there must be at least one. An evaluation error (a missing key, a type
 * mismatch) never satisfies the condition and is reported.
 *
 * <p>Immutable and thread-safe. The predicate JSON is converted to CEL values once per attestation
 * and remembered (bounded), since that conversion costs more than the evaluation.
 */
public final class CelRule implements Rule {
  /** How many trusted attestations must satisfy the condition. */
  public enum Match {
    /** At least one. */
    ANY,
    /** Every one, and at least one exists. */
    ALL
  }

  private static final int MAX_CACHED = 1024;
  private static final java.util.regex.Pattern CONTEXT_VARIABLE =
      java.util.regex.Pattern.compile("(?<![\\w.])(now|environment|actor)(?!\\w)");

  private final String id;
  private final String predicateType;
  private final Authority authority;
  private final CelCondition condition;
  private final Match match;
  private final @Nullable String description;

  /**
   * Whether the expression can only see the attestation (it names none of now, environment and
   * actor), so its result per attestation can be remembered. A mention inside a string literal only
   * disables remembering, which is the safe direction.
   */
  private final boolean attestationOnly;

  private final Memo<Memo.Identity, CelCondition.Result> results = new Memo<>(MAX_CACHED);

  /** The predicate JSON as CEL values, per attestation: the conversion costs more than a run. */
  private final Memo<Memo.Identity, Map<String, Object>> variables = new Memo<>(MAX_CACHED);

  private CelRule(Builder b, CelCondition condition) {
    this.id = b.id;
    this.predicateType = requireNonNull(b.predicateType);
    this.authority = requireNonNull(b.authority);
    this.condition = condition;
    this.match = b.match;
    this.description = b.description;
    this.attestationOnly = !CONTEXT_VARIABLE.matcher(condition.expression()).find();
  }

  /** A builder for the rule {@code id}. */
  public static Builder builder(String id) {
    Rules.checkId(id);
    return new Builder(id);
  }

  @Override
  public String id() {
    return id;
  }

  /** The CEL expression. */
  public String expression() {
    return condition.expression();
  }

  @Override
  public RuleResult evaluate(RuleContext context) {
    EvidenceSearch<JsonObject> found = context.find(predicateType, authority, context.subject());
    RuleResult.Builder r = RuleResult.builder().ruleId(id).addAllEvidence(found.ids());
    String what = description == null ? "the condition" : "'" + description + "'";
    String env = context.environment().map(e -> e.name()).orElse(null);
    String actor = context.actor().map(p -> p.id()).orElse(null);
    List<String> unmet = new ArrayList<>();
    int satisfied = 0;
    for (Evidence<JsonObject> e : found.trusted()) {
      CelCondition.Result result =
          attestationOnly
              ? results.get(
                  new Memo.Identity(e.attestation()),
                  k ->
                      condition.evaluate(
                          CelCondition.activation(variablesOf(e), context.time(), env, actor)))
              : condition.evaluate(
                  CelCondition.activation(variablesOf(e), context.time(), env, actor));
      if (result.isTrue()) {
        satisfied++;
        if (match == Match.ANY) {
          return r.outcome(RuleResult.Outcome.PASS)
              .message(e.id() + " satisfies " + what + ": " + condition.expression())
              .build();
        }
      } else {
        unmet.add(
            e.id()
                + (result.error().isPresent()
                    ? " (error: " + result.error().get() + ")"
                    : " (false)"));
      }
    }
    if (found.isEmpty()) {
      return r.outcome(RuleResult.Outcome.FAIL)
          .message(
              found.describeMissing(context.subject().toString()) + ", so " + what + " cannot hold")
          .remedy(remedy())
          .build();
    }
    if (match == Match.ALL && unmet.isEmpty()) {
      return r.outcome(RuleResult.Outcome.PASS)
          .message(
              "all "
                  + satisfied
                  + " trusted attestations satisfy "
                  + what
                  + ": "
                  + condition.expression())
          .build();
    }
    return r.outcome(RuleResult.Outcome.FAIL)
        .message(
            (match == Match.ANY
                    ? "no trusted attestation satisfies "
                    : "not every trusted attestation satisfies ")
                + what
                + ": "
                + condition.expression()
                + "; "
                + String.join("; ", unmet))
        .remedy(remedy())
        .build();
  }

  private String remedy() {
    return "provide a "
        + predicateType
        + " attestation about this exact digest, signed by authority '"
        + authority.name()
        + "', for which "
        + condition.expression()
        + " is true";
  }

  private Map<String, Object> variablesOf(Evidence<JsonObject> e) {
    VerifiedAttestation a = e.attestation();
    return variables.get(new Memo.Identity(a), k -> CelCondition.attestationVariables(a));
  }

  @Override
  public String toString() {
    return "CelRule[" + id + ", " + predicateType + ", " + condition.expression() + "]";
  }

  /**
   * Builds a {@link CelRule}; predicate type, authority and expression are required. Not
   * thread-safe.
   */
  public static final class Builder {
    private final String id;
    private @Nullable String predicateType;
    private @Nullable Authority authority;
    private @Nullable String expression;
    private Match match = Match.ANY;
    private @Nullable String description;

    Builder(String id) {
      this.id = id;
    }

    /** The predicate type of the attestations the condition looks at. */
    @CanIgnoreReturnValue
    public Builder predicateType(String predicateType) {
      this.predicateType = requireNonNull(predicateType, "predicateType");
      return this;
    }

    /** The authority whose attestations count. */
    @CanIgnoreReturnValue
    public Builder authority(Authority authority) {
      this.authority = requireNonNull(authority, "authority");
      return this;
    }

    /** The CEL expression; it must have type {@code bool}. */
    @CanIgnoreReturnValue
    public Builder expression(String expression) {
      this.expression = requireNonNull(expression, "expression");
      return this;
    }

    /**
     * Whether one ({@link Match#ANY}, the default) or every trusted attestation must satisfy it.
     */
    @CanIgnoreReturnValue
    public Builder match(Match match) {
      this.match = requireNonNull(match, "match");
      return this;
    }

    /** What the condition means, for messages, e.g. "built from the main branch". */
    @CanIgnoreReturnValue
    public Builder description(String description) {
      this.description = requireNonNull(description, "description");
      return this;
    }

    /**
     * Compiles the expression and builds the rule.
     *
     * @throws IllegalStateException if the predicate type, authority or expression is missing
     * @throws IllegalArgumentException if the expression does not compile, with its line and column
     */
    public CelRule build() {
      String expr = requireExpression();
      try {
        return build(CelCondition.compile(expr));
      } catch (CelCondition.CompileError e) {
        throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
      }
    }

    @CanIgnoreReturnValue
    String requireExpression() {
      if (predicateType == null || authority == null || expression == null) {
        throw new IllegalStateException(
            "CelRule '" + id + "' needs a predicate type, an authority and an expression");
      }
      return expression;
    }

    CelRule build(CelCondition compiled) {
      requireExpression();
      return new CelRule(this, compiled);
    }
  }
}

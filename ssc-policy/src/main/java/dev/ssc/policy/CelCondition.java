package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelErrorCode;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonBoolean;
import dev.ssc.api.json.JsonNull;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A custom policy condition: a CEL expression over one verified attestation, compiled once and
 * evaluated many times.
 *
 * <p>The expression sees these variables:
 *
 * <ul>
 *   <li>{@code predicateType} ({@code string}): the statement's predicate type URI;
 *   <li>{@code predicate} ({@code map(string, dyn)}): the predicate JSON; objects are maps (member
 *       order kept), arrays lists, integral numbers that fit {@code int} (64 bit) are {@code int},
 *       other numbers {@code double}, JSON {@code null} is CEL {@code null};
 *   <li>{@code subjects} ({@code list(dyn)}): one map per statement subject with {@code name}
 *       ({@code string}, {@code ""} when absent) and {@code digest} ({@code map(string, string)},
 *       algorithm to lowercase hex);
 *   <li>{@code signers} ({@code list(string)}): the ids of the trusted keys that signed;
 *   <li>{@code now} ({@code google.protobuf.Timestamp}): the evaluation time, passed in by the
 *       caller, never read from a clock;
 *   <li>{@code environment} and {@code actor} ({@code string}): the target environment's name and
 *       the acting principal, {@code ""} when there is none.
 * </ul>
 *
 * <p>The CEL standard functions and macros ({@code has}, {@code all}, {@code exists}, {@code
 * exists_one}, {@code map}, {@code filter}), timestamps and durations ({@code now -
 * timestamp(predicate.metadata.finishedOn) < duration('24h')}) and the CEL string extensions
 * ({@code lowerAscii}, {@code split}, {@code replace}, ...) are available. Numbers compare across
 * {@code int}, {@code uint} and {@code double}, so {@code predicate.score >= 7} works for {@code 7}
 * and {@code 7.5} alike. The expression must have type {@code bool}; a {@code dyn} expression such
 * as {@code predicate.approved} must be written {@code predicate.approved == true}.
 *
 * <p>Evaluation never throws: a runtime error (a missing key, a type mismatch, the iteration budget
 * of {@value #MAX_ITERATIONS} comprehension steps per evaluation) is an {@linkplain Result#error()
 * error result}, which a caller must treat as a failed condition. As in CEL, {@code &&} and {@code
 * ||} absorb an error when the other side decides the result ({@code false && error} is {@code
 * false}).
 *
 * <p>cel-java is still 0.x; this class is the only place in ssc that uses it. Immutable and
 * thread-safe.
 */
final class CelCondition {
  /** The longest expression accepted, in UTF-8 bytes (8 KiB). */
  static final int MAX_EXPRESSION_BYTES = 8 * 1024;

  /** The most comprehension iterations ({@code all}, {@code map}, ...) in one evaluation. */
  static final int MAX_ITERATIONS = 100_000;

  private static final Pattern EVALUATION_ERROR =
      Pattern.compile("evaluation error(?: at [^:]*:(\\d+))?: (.*)", Pattern.DOTALL);

  private static final Pattern MISSING_KEY =
      Pattern.compile("key '(.*)' is not present in map\\.?", Pattern.DOTALL);

  private final String expression;
  private final CelRuntime.Program program;

  private CelCondition(String expression, CelRuntime.Program program) {
    this.expression = expression;
    this.program = program;
  }

  /**
   * Compiles {@code expression}.
   *
   * @throws CompileError if it is too long, does not parse, does not type-check against the
   *     variables above or does not have type {@code bool}
   */
  static CelCondition compile(String expression) throws CompileError {
    requireNonNull(expression, "expression");
    int bytes = expression.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_EXPRESSION_BYTES) {
      throw new CompileError(
          expression,
          0,
          "expression is " + bytes + " bytes, longer than the limit of " + MAX_EXPRESSION_BYTES);
    }
    CelAbstractSyntaxTree ast;
    try {
      CelValidationResult result = Cel.COMPILER.compile(expression);
      if (result.hasError()) {
        throw firstError(expression, result.getErrors());
      }
      ast = result.getAst();
    } catch (CelValidationException e) {
      throw firstError(expression, e.getErrors());
    } catch (RuntimeException e) {
      throw new CompileError(expression, 0, "CEL compiler failed: " + e);
    }
    CelType type = ast.getResultType();
    if (type.kind() != CelKind.BOOL) {
      throw new CompileError(
          expression, 0, "must be a boolean condition, but has type " + displayName(type));
    }
    try {
      return new CelCondition(expression, Cel.RUNTIME.createProgram(ast));
    } catch (CelEvaluationException | RuntimeException e) {
      throw new CompileError(expression, 0, "CEL runtime rejected the expression: " + e);
    }
  }

  /** The expression as written. */
  String expression() {
    return expression;
  }

  /**
   * Evaluates the condition for {@code attestation}. Shortcut for {@code
   * evaluate(activation(attestation, now, environment, actor))}. Never throws.
   */
  Result evaluate(
      VerifiedAttestation attestation,
      Instant now,
      @Nullable String environment,
      @Nullable String actor) {
    Map<String, Object> activation;
    try {
      activation = activation(attestation, now, environment, actor);
    } catch (RuntimeException e) {
      return Result.error("cannot bind the condition's variables: " + e);
    }
    return evaluate(activation);
  }

  /**
   * Evaluates the condition with the variables in {@code activation} (as made by {@link
   * #activation}). Never throws: errors, also a missing or ill-typed variable, are error results.
   */
  Result evaluate(Map<String, Object> activation) {
    Object value;
    try {
      value = program.eval(activation);
    } catch (CelEvaluationException e) {
      return Result.error(describe(e));
    } catch (RuntimeException e) {
      return Result.error("CEL evaluation failed: " + e);
    }
    if (value instanceof Boolean b) {
      return Result.of(b);
    }
    return Result.error(
        "condition evaluated to "
            + (value == null ? "null" : value.getClass().getSimpleName())
            + ", not a bool");
  }

  /**
   * All variables for one evaluation. The attestation part ({@link #attestationVariables}) is the
   * expensive one, linear in the predicate's size; a caller evaluating many conditions or times
   * over one attestation computes it once (keyed by evidence id) and calls {@link #activation(Map,
   * Instant, String, String)}.
   */
  static Map<String, Object> activation(
      VerifiedAttestation attestation,
      Instant now,
      @Nullable String environment,
      @Nullable String actor) {
    return activation(attestationVariables(attestation), now, environment, actor);
  }

  /**
   * {@code attestationVariables} (from {@link #attestationVariables}) plus {@code now}, {@code
   * environment} and {@code actor} ({@code ""} when null). Cheap: copies only the map of names.
   */
  static Map<String, Object> activation(
      Map<String, Object> attestationVariables,
      Instant now,
      @Nullable String environment,
      @Nullable String actor) {
    requireNonNull(attestationVariables, "attestationVariables");
    requireNonNull(now, "now");
    Map<String, Object> vars = new LinkedHashMap<>(attestationVariables);
    vars.put("now", now);
    vars.put("environment", environment == null ? "" : environment);
    vars.put("actor", actor == null ? "" : actor);
    return Collections.unmodifiableMap(vars);
  }

  /**
   * The variables that depend only on the attestation: {@code predicateType}, {@code predicate},
   * {@code subjects} and {@code signers}, converted to CEL values. Unmodifiable and safe to share
   * between threads and evaluations.
   */
  static Map<String, Object> attestationVariables(VerifiedAttestation attestation) {
    requireNonNull(attestation, "attestation");
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("predicateType", attestation.predicateType());
    vars.put("predicate", toCel(attestation.statement().predicate()));
    List<Object> subjects = new ArrayList<>();
    for (ResourceDescriptor subject : attestation.statement().subjects()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", subject.name().orElse(""));
      s.put("digest", Collections.unmodifiableMap(new LinkedHashMap<>(subject.digest().toMap())));
      subjects.add(Collections.unmodifiableMap(s));
    }
    vars.put("subjects", Collections.unmodifiableList(subjects));
    vars.put("signers", List.copyOf(attestation.signerKeyIds()));
    return Collections.unmodifiableMap(vars);
  }

  /** {@code value} as a CEL runtime value. */
  static Object toCel(JsonValue value) {
    if (value instanceof JsonObject object) {
      Map<String, Object> map = new LinkedHashMap<>();
      object.members().forEach((k, v) -> map.put(k, toCel(v)));
      return Collections.unmodifiableMap(map);
    } else if (value instanceof JsonArray array) {
      List<Object> list = new ArrayList<>(array.elements().size());
      for (JsonValue element : array.elements()) {
        list.add(toCel(element));
      }
      return Collections.unmodifiableList(list);
    } else if (value instanceof JsonString string) {
      return string.value();
    } else if (value instanceof JsonBoolean bool) {
      return bool.value();
    } else if (value instanceof JsonNumber n) {
      return number(n.value());
    } else if (value instanceof JsonNull) {
      return NullValue.NULL_VALUE;
    }
    throw new IllegalArgumentException("unknown JSON value " + value.getClass());
  }

  /** A {@code Long} for an integral value that fits, else a {@code Double}. */
  private static Object number(BigDecimal value) {
    if (value.signum() == 0) {
      return 0L;
    }
    // precision - scale is the number of integer digits; checking it first keeps 1e999999999
    // from being expanded into a huge BigInteger.
    if (value.precision() - value.scale() <= 19) {
      BigDecimal stripped = value.stripTrailingZeros();
      if (stripped.scale() <= 0) {
        try {
          return stripped.longValueExact();
        } catch (ArithmeticException e) {
          // out of long range: fall through to double
        }
      }
    }
    return value.doubleValue();
  }

  private String describe(CelEvaluationException e) {
    String message = String.valueOf(e.getMessage());
    String detail = message;
    String where = "";
    Matcher m = EVALUATION_ERROR.matcher(message);
    if (m.matches()) {
      detail = m.group(2);
      if (m.group(1) != null) {
        try {
          int offset = charOffset(expression, Integer.parseInt(m.group(1)));
          where = " at " + lineAt(expression, offset) + ":" + columnAt(expression, offset);
        } catch (NumberFormatException ignored) {
          // no position then
        }
      }
    }
    if (e.getErrorCode() == CelErrorCode.ATTRIBUTE_NOT_FOUND) {
      Matcher key = MISSING_KEY.matcher(detail);
      if (key.matches()) {
        detail = "no such key: " + key.group(1);
      }
    }
    return detail + where;
  }

  private static CompileError firstError(String expression, List<CelIssue> issues) {
    if (issues.isEmpty()) {
      return new CompileError(expression, 0, "CEL reported an error without details");
    }
    CelIssue issue = issues.get(0);
    String detail = issue.getMessage().replace(" (in container '')", "");
    CelSourceLocation location = issue.getSourceLocation();
    int offset = 0;
    if (location.getLine() > 0 && location.getColumn() >= 0) {
      offset = offsetOf(expression, location.getLine(), location.getColumn());
    }
    return new CompileError(expression, offset, detail);
  }

  /** The char offset of CEL's (1-based line, 0-based code point column). */
  private static int offsetOf(String text, int line, int codePointColumn) {
    int start = 0;
    for (int l = 1; l < line; l++) {
      int newline = text.indexOf('\n', start);
      if (newline < 0) {
        return text.length();
      }
      start = newline + 1;
    }
    int end = text.indexOf('\n', start);
    if (end < 0) {
      end = text.length();
    }
    int codePoints = text.codePointCount(start, end);
    if (codePointColumn >= codePoints) {
      return end;
    }
    return text.offsetByCodePoints(start, codePointColumn);
  }

  /** The char offset of a code point offset. */
  private static int charOffset(String text, int codePointOffset) {
    int total = text.codePointCount(0, text.length());
    if (codePointOffset <= 0) {
      return 0;
    }
    if (codePointOffset >= total) {
      return text.length();
    }
    return text.offsetByCodePoints(0, codePointOffset);
  }

  private static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int columnAt(String text, int offset) {
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return offset - lineStart + 1;
  }

  private static String displayName(CelType type) {
    // CelTypes.format is deprecated in some versions; name() is stable enough for a message.
    if (type.parameters().isEmpty()) {
      return type.name();
    }
    StringBuilder b = new StringBuilder(type.name()).append('(');
    for (int i = 0; i < type.parameters().size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(displayName(type.parameters().get(i)));
    }
    return b.append(')').toString();
  }

  @Override
  public String toString() {
    return "CelCondition[" + expression + "]";
  }

  /** The compiler and runtime, built on first use and shared; both are immutable. */
  private static final class Cel {
    static final CelOptions OPTIONS =
        CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(MAX_ITERATIONS)
            .maxExpressionCodePointSize(MAX_EXPRESSION_BYTES)
            .errorOnDuplicateMapKeys(true)
            .build();

    static final CelCompiler COMPILER =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addLibraries(CelExtensions.strings())
            .addVar("predicateType", SimpleType.STRING)
            .addVar("predicate", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("subjects", ListType.create(SimpleType.DYN))
            .addVar("signers", ListType.create(SimpleType.STRING))
            .addVar("now", SimpleType.TIMESTAMP)
            .addVar("environment", SimpleType.STRING)
            .addVar("actor", SimpleType.STRING)
            .build();

    static final CelRuntime RUNTIME =
        CelRuntimeFactory.plannerRuntimeBuilder()
            .setOptions(OPTIONS)
            .addLibraries(CelExtensions.strings())
            .build();

    private Cel() {}
  }

  /**
   * A CEL expression that does not compile, with the place of the first problem.
   *
   * <p>{@link #offset()} is a 0-based char index into the expression; {@link #line()} and {@link
   * #column()} are 1-based and count chars, so a loader can map them onto the file the expression
   * came from.
   */
  static final class CompileError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String detail;
    private final int offset;
    private final int line;
    private final int column;

    CompileError(String expression, int offset, String detail) {
      super(
          "CEL expression does not compile at "
              + lineAt(expression, offset)
              + ":"
              + columnAt(expression, offset)
              + ": "
              + detail);
      this.detail = detail;
      this.offset = offset;
      this.line = lineAt(expression, offset);
      this.column = columnAt(expression, offset);
    }

    /** What is wrong, without the position. */
    String detail() {
      return detail;
    }

    /** The 1-based line within the expression. */
    int line() {
      return line;
    }

    /** The 1-based column (in chars) within the line. */
    int column() {
      return column;
    }

    /** The 0-based char offset within the expression. */
    int offset() {
      return offset;
    }
  }

  /**
   * The outcome of one evaluation: a boolean, or an error that a caller must treat as "condition
   * not met" and report.
   */
  static final class Result {
    private static final Result TRUE = new Result(true, null);
    private static final Result FALSE = new Result(false, null);

    private final boolean value;
    private final @Nullable String error;

    private Result(boolean value, @Nullable String error) {
      this.value = value;
      this.error = error;
    }

    static Result of(boolean value) {
      return value ? TRUE : FALSE;
    }

    static Result error(String message) {
      return new Result(false, requireNonNull(message, "message"));
    }

    /** The condition's value; {@code false} when {@link #error()} is present. */
    boolean value() {
      return value;
    }

    /** Why the condition could not be evaluated, if it could not. */
    Optional<String> error() {
      return Optional.ofNullable(error);
    }

    /** Whether the condition evaluated to {@code true} (no error). */
    boolean isTrue() {
      return value && error == null;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Result other
          && other.value == value
          && Objects.equals(other.error, error);
    }

    @Override
    public int hashCode() {
      return Objects.hash(value, error);
    }

    @Override
    public String toString() {
      return error == null ? "Result[" + value + "]" : "Result[error: " + error + "]";
    }
  }
}

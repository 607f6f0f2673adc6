package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.SscFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A parsed SPDX license expression (SPDX 2.3 Annex D, unchanged in SPDX 3.0 Annex "SPDX license
 * expressions"), such as {@code (MIT AND LGPL-2.1-or-later) OR BSD-3-Clause}.
 *
 * <p>Grammar accepted by {@link #parse}:
 *
 * <ul>
 *   <li>a simple expression: a license id ({@code [A-Za-z0-9.-]+}), optionally followed directly by
 *       {@code +} ("or later"), or a license reference {@code LicenseRef-<id>} or {@code
 *       DocumentRef-<id>:LicenseRef-<id>} (no {@code +} after a reference, as in SPDX 2.3);
 *   <li>{@code <simple> WITH <exception>}, where the exception is a license exception id or an SPDX
 *       3 addition reference {@code [DocumentRef-<id>:]AdditionRef-<id>};
 *   <li>{@code <expr> AND <expr>}, {@code <expr> OR <expr>} and {@code ( <expr> )}, with the
 *       precedence {@code WITH} over {@code AND} over {@code OR};
 *   <li>the special values {@code NONE} and {@code NOASSERTION}, only as the whole expression.
 * </ul>
 *
 * <p>Operators are case-sensitive as SPDX 2.3 section D.2 and SPDX 3 require: all upper case
 * ({@code AND}) or all lower case ({@code and}); mixed case ({@code And}) is rejected, and such
 * words are not accepted as license ids either. License ids, exception ids and references match
 * case-insensitively ({@code MIT}, {@code mit} and {@code mIt} are one license): {@link #equals}
 * ignores their case while {@link #toString} keeps the spelling of the input. {@code NONE} and
 * {@code NOASSERTION} are recognized in any case, so that {@code none} can never pass as a license
 * id. Whitespace is space, tab, CR or LF; {@code +} must follow its id without space.
 *
 * <p>{@code AND} and {@code OR} are associative and are stored flattened: {@code (A AND B) AND C}
 * equals {@code A AND B AND C}. Operand order is kept. {@link #toString} writes the normalized
 * expression: operators in upper case, single spaces, and parentheses only where precedence needs
 * them (around an {@code OR} inside an {@code AND}), so {@code parse(e.toString()).equals(e)}.
 *
 * <p>Limits: input longer than {@value #MAX_LENGTH} characters or parentheses nested deeper than
 * {@value #MAX_DEPTH} are rejected, so malformed input can exhaust neither stack nor memory. Error
 * messages name the 1-based column of the offending character and quote at most the first {@value
 * #MAX_QUOTED} characters of the input, with control and non-ASCII characters replaced by {@code
 * ?}.
 *
 * <p>Immutable and thread-safe.
 */
final class SpdxExpression {
  /** The longest expression {@link #parse} accepts, in characters. */
  static final int MAX_LENGTH = 4096;

  /** The deepest nesting of parentheses {@link #parse} accepts. */
  static final int MAX_DEPTH = 64;

  static final int MAX_QUOTED = 100;

  private static final String ID = "[A-Za-z0-9.\\-]+";
  private static final Pattern IDSTRING = Pattern.compile(ID);
  private static final Pattern LICENSE_REF =
      Pattern.compile("(?i:(DocumentRef-" + ID + ":)?LicenseRef-" + ID + ")");
  private static final Pattern ADDITION_REF =
      Pattern.compile("(?i:(DocumentRef-" + ID + ":)?AdditionRef-" + ID + ")");

  /** The kinds of node. */
  enum Kind {
    LICENSE,
    WITH,
    AND,
    OR,
    NONE,
    NOASSERTION
  }

  /**
   * The outcome of {@link #evaluate}: whether the expression is acceptable under the rules, and
   * why, for humans.
   *
   * @param acceptable whether some choice the expression offers satisfies the rules
   * @param reason for an acceptable expression the choice that satisfied the rules ({@code allowed
   *     via MIT}); otherwise every problem found
   */
  record Evaluation(boolean acceptable, String reason) {
    Evaluation {
      requireNonNull(reason, "reason");
    }
  }

  private final Kind kind;
  private final String id; // LICENSE, WITH: the license id or reference; NONE, NOASSERTION: name
  private final boolean orLater; // LICENSE, WITH: the "+" suffix
  private final String exception; // WITH only, else ""
  private final List<SpdxExpression> operands; // AND, OR: two or more, none of the same kind
  private final int hash;

  private SpdxExpression(
      Kind kind, String id, boolean orLater, String exception, List<SpdxExpression> operands) {
    this.kind = kind;
    this.id = id;
    this.orLater = orLater;
    this.exception = exception;
    this.operands = operands;
    this.hash = Objects.hash(kind, lower(id), orLater, lower(exception), operands);
  }

  // ---------------------------------------------------------------- factories

  /**
   * A simple expression: license id or reference {@code id}, with {@code +} if {@code orLater}.
   *
   * @throws IllegalArgumentException if {@code id} is not a license id or reference, or {@code
   *     orLater} is set for a reference
   */
  static SpdxExpression license(String id, boolean orLater) {
    requireNonNull(id, "id");
    String problem = licenseProblem(id, orLater);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return new SpdxExpression(Kind.LICENSE, id, orLater, "", List.of());
  }

  /**
   * {@code license WITH exception}.
   *
   * @throws IllegalArgumentException if {@code license} is not a simple expression or {@code
   *     exception} is not an exception id or addition reference
   */
  static SpdxExpression with(SpdxExpression license, String exception) {
    requireNonNull(license, "license");
    requireNonNull(exception, "exception");
    if (license.kind != Kind.LICENSE) {
      throw new IllegalArgumentException("WITH needs a simple license, got " + license.kind);
    }
    String problem = exceptionProblem(exception);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return new SpdxExpression(Kind.WITH, license.id, license.orLater, exception, List.of());
  }

  /**
   * The conjunction of {@code operands} (at least one; one operand is returned as it is), nested
   * conjunctions flattened.
   */
  static SpdxExpression and(List<SpdxExpression> operands) {
    return compound(Kind.AND, operands);
  }

  /**
   * The disjunction of {@code operands} (at least one; one operand is returned as it is), nested
   * disjunctions flattened.
   */
  static SpdxExpression or(List<SpdxExpression> operands) {
    return compound(Kind.OR, operands);
  }

  /** The special value {@code NONE}: no license applies (or the author granted none). */
  static SpdxExpression none() {
    return new SpdxExpression(Kind.NONE, "NONE", false, "", List.of());
  }

  /** The special value {@code NOASSERTION}: nobody determined the license. */
  static SpdxExpression noAssertion() {
    return new SpdxExpression(Kind.NOASSERTION, "NOASSERTION", false, "", List.of());
  }

  private static SpdxExpression compound(Kind kind, List<SpdxExpression> operands) {
    requireNonNull(operands, "operands");
    if (operands.isEmpty()) {
      throw new IllegalArgumentException(kind + " needs at least one operand");
    }
    if (operands.size() == 1) {
      return requireNonNull(operands.get(0), "operand");
    }
    List<SpdxExpression> flat = new ArrayList<>();
    for (SpdxExpression e : operands) {
      requireNonNull(e, "operand");
      if (e.kind == Kind.NONE || e.kind == Kind.NOASSERTION) {
        throw new IllegalArgumentException(e.kind + " is only valid as the whole expression");
      }
      if (e.kind == kind) {
        flat.addAll(e.operands);
      } else {
        flat.add(e);
      }
    }
    return new SpdxExpression(kind, "", false, "", List.copyOf(flat));
  }

  // ---------------------------------------------------------------- accessors

  /** The kind of this node. */
  Kind kind() {
    return kind;
  }

  /** The operands of an {@code AND} or {@code OR}; empty for any other kind. */
  List<SpdxExpression> operands() {
    return operands;
  }

  /**
   * The license ids and references of the expression in order of first appearance, {@code +} left
   * off, exceptions left out, duplicates (ignoring case) kept once in their first spelling. Empty
   * for {@code NONE} and {@code NOASSERTION}.
   */
  Set<String> licenseIds() {
    Map<String, String> ids = new LinkedHashMap<>();
    collectIds(ids);
    return Collections.unmodifiableSet(new LinkedHashSet<>(ids.values()));
  }

  private void collectIds(Map<String, String> ids) {
    switch (kind) {
      case LICENSE, WITH -> ids.putIfAbsent(lower(id), id);
      case AND, OR -> operands.forEach(o -> o.collectIds(ids));
      case NONE, NOASSERTION -> {}
    }
  }

  // ---------------------------------------------------------------- evaluation

  /**
   * Whether this expression is acceptable under {@code rules}; see {@link LicenseRules} for the
   * semantics. Pure: no I/O, same inputs give the same evaluation.
   */
  Evaluation evaluate(LicenseRules rules) {
    requireNonNull(rules, "rules");
    Outcome o = judge(rules);
    return o.acceptable
        ? new Evaluation(true, "allowed via " + o.text)
        : new Evaluation(false, o.text);
  }

  /** {@code text}: the satisfying choice if acceptable, else the problems. */
  private record Outcome(boolean acceptable, String text) {}

  private Outcome judge(LicenseRules rules) {
    return switch (kind) {
      case NONE, NOASSERTION ->
          rules.allowsSpecial(id)
              ? new Outcome(true, id)
              : new Outcome(false, id + " is not explicitly allowed");
      case LICENSE -> judgeLicense(rules);
      case WITH -> judgeWith(rules);
      case AND -> judgeAnd(rules);
      case OR -> judgeOr(rules);
    };
  }

  private Outcome judgeLicense(LicenseRules rules) {
    String problem = rules.licenseProblem(id);
    if (problem == null) {
      return new Outcome(true, toString());
    }
    return new Outcome(
        false, orLater ? problem + " (" + id + "+ is judged as " + id + ")" : problem);
  }

  private Outcome judgeWith(LicenseRules rules) {
    if (rules.allowsPair(id, exception)) {
      return new Outcome(true, toString());
    }
    Outcome base = license(id, orLater).judgeLicense(rules);
    if (!base.acceptable) {
      return base;
    }
    if (rules.deniesPair(id, exception)) {
      return new Outcome(false, id + " WITH " + exception + " is denied");
    }
    return new Outcome(true, toString());
  }

  private Outcome judgeAnd(LicenseRules rules) {
    List<String> choices = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (SpdxExpression e : operands) {
      Outcome o = e.judge(rules);
      (o.acceptable ? choices : problems).add(o.text);
    }
    return problems.isEmpty()
        ? new Outcome(true, String.join(" AND ", choices))
        : new Outcome(false, String.join("; ", problems));
  }

  private Outcome judgeOr(LicenseRules rules) {
    List<String> problems = new ArrayList<>();
    for (SpdxExpression e : operands) {
      Outcome o = e.judge(rules);
      if (o.acceptable) {
        return o;
      }
      problems.add(o.text);
    }
    return new Outcome(
        false,
        "no alternative of '" + quote(toString()) + "' is allowed: " + String.join("; ", problems));
  }

  // ---------------------------------------------------------------- value semantics

  /** Structural equality; license ids, exception ids and references compare ignoring case. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof SpdxExpression that
        && hash == that.hash
        && kind == that.kind
        && orLater == that.orLater
        && id.equalsIgnoreCase(that.id)
        && exception.equalsIgnoreCase(that.exception)
        && operands.equals(that.operands);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The normalized expression; see the class documentation. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    write(sb);
    return sb.toString();
  }

  private void write(StringBuilder sb) {
    switch (kind) {
      case NONE, NOASSERTION -> sb.append(id);
      case LICENSE -> sb.append(id).append(orLater ? "+" : "");
      case WITH -> sb.append(id).append(orLater ? "+" : "").append(" WITH ").append(exception);
      case AND, OR -> {
        String op = kind == Kind.AND ? " AND " : " OR ";
        for (int i = 0; i < operands.size(); i++) {
          if (i > 0) {
            sb.append(op);
          }
          SpdxExpression e = operands.get(i);
          boolean parens = kind == Kind.AND && e.kind == Kind.OR;
          if (parens) {
            sb.append('(');
          }
          e.write(sb);
          if (parens) {
            sb.append(')');
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- parsing

  /**
   * Parses an SPDX license expression.
   *
   * @throws SscFormatException if {@code text} is not a valid expression, is longer than {@value
   *     #MAX_LENGTH} characters or nests parentheses deeper than {@value #MAX_DEPTH}; the message
   *     names the 1-based column, for example {@code invalid SPDX license expression 'MIT AND':
   *     expected a license id at column 8}
   */
  static SpdxExpression parse(String text) throws SscFormatException {
    requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new SscFormatException(
          "invalid SPDX license expression of "
              + text.length()
              + " characters: longer than the limit of "
              + MAX_LENGTH);
    }
    return new Parser(text).parseWhole();
  }

  private enum TokenType {
    WORD,
    LPAREN,
    RPAREN,
    PLUS,
    END
  }

  /** {@code column} is 1-based; {@code attached} for a PLUS directly after a WORD. */
  private record Token(TokenType type, String text, int column, boolean attached) {}

  private static final class Parser {
    private final String input;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    Parser(String input) {
      this.input = input;
    }

    SpdxExpression parseWhole() throws SscFormatException {
      lex();
      Token first = tokens.get(0);
      if (tokens.size() == 2 && first.type == TokenType.WORD) {
        String w = first.text.toUpperCase(Locale.ROOT);
        if (w.equals("NONE")) {
          return none();
        }
        if (w.equals("NOASSERTION")) {
          return noAssertion();
        }
      }
      SpdxExpression e = parseOr(0);
      Token t = peek();
      if (t.type != TokenType.END) {
        throw unexpectedAfterTerm(t, false);
      }
      return e;
    }

    private void lex() throws SscFormatException {
      int i = 0;
      int n = input.length();
      while (i < n) {
        char c = input.charAt(i);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
          i++;
        } else if (c == '(') {
          tokens.add(new Token(TokenType.LPAREN, "(", i + 1, false));
          i++;
        } else if (c == ')') {
          tokens.add(new Token(TokenType.RPAREN, ")", i + 1, false));
          i++;
        } else if (c == '+') {
          boolean attached = i > 0 && isWordChar(input.charAt(i - 1));
          tokens.add(new Token(TokenType.PLUS, "+", i + 1, attached));
          i++;
        } else if (isWordChar(c)) {
          int start = i;
          while (i < n && isWordChar(input.charAt(i))) {
            i++;
          }
          tokens.add(new Token(TokenType.WORD, input.substring(start, i), start + 1, false));
        } else {
          throw error(
              "unexpected character '" + quote(String.valueOf(c)) + "' at column " + (i + 1));
        }
      }
      tokens.add(new Token(TokenType.END, "", n + 1, false));
    }

    private static boolean isWordChar(char c) {
      return (c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '-'
          || c == ':';
    }

    private Token peek() {
      return tokens.get(pos);
    }

    private Token next() {
      return tokens.get(pos++);
    }

    private void skip() {
      pos++;
    }

    private boolean peekOperator(String op) {
      Token t = peek();
      return t.type == TokenType.WORD
          && (t.text.equals(op) || t.text.equals(op.toLowerCase(Locale.ROOT)));
    }

    private SpdxExpression parseOr(int depth) throws SscFormatException {
      List<SpdxExpression> alternatives = new ArrayList<>();
      alternatives.add(parseAnd(depth));
      while (peekOperator("OR")) {
        skip();
        alternatives.add(parseAnd(depth));
      }
      return or(alternatives);
    }

    private SpdxExpression parseAnd(int depth) throws SscFormatException {
      List<SpdxExpression> conjuncts = new ArrayList<>();
      conjuncts.add(parseTerm(depth));
      while (peekOperator("AND")) {
        skip();
        conjuncts.add(parseTerm(depth));
      }
      return and(conjuncts);
    }

    private SpdxExpression parseTerm(int depth) throws SscFormatException {
      Token t = next();
      if (t.type == TokenType.LPAREN) {
        if (depth >= MAX_DEPTH) {
          throw error("parentheses nested deeper than " + MAX_DEPTH + " at column " + t.column);
        }
        SpdxExpression inner = parseOr(depth + 1);
        Token close = peek();
        if (close.type != TokenType.RPAREN) {
          throw unexpectedAfterTerm(close, true);
        }
        skip();
        return inner;
      }
      if (t.type != TokenType.WORD) {
        throw error("expected a license id" + found(t) + " at column " + t.column);
      }
      String problem = licenseWordProblem(t.text);
      if (problem != null) {
        throw error(problem + " at column " + t.column);
      }
      boolean orLater = false;
      if (peek().type == TokenType.PLUS && peek().attached) {
        Token plus = next();
        if (isRef(t.text)) {
          throw error("'+' cannot follow a license reference at column " + plus.column);
        }
        orLater = true;
      }
      SpdxExpression license = license(t.text, orLater);
      if (!peekOperator("WITH")) {
        return license;
      }
      skip();
      Token e = next();
      if (e.type != TokenType.WORD) {
        throw error("expected a license exception id" + found(e) + " at column " + e.column);
      }
      String exceptionProblem = exceptionProblem(e.text);
      if (exceptionProblem != null) {
        throw error(exceptionProblem + " at column " + e.column);
      }
      return with(license, e.text);
    }

    private SscFormatException unexpectedAfterTerm(Token t, boolean inParens) {
      String expected = inParens ? "AND, OR or ')'" : "AND or OR";
      return switch (t.type) {
        case END ->
            error((inParens ? "expected ')'" : "expected the end") + " at column " + t.column);
        case RPAREN -> error("unexpected ')' at column " + t.column);
        case PLUS -> error("'+' must directly follow a license id at column " + t.column);
        case LPAREN -> error("expected " + expected + found(t) + " at column " + t.column);
        case WORD -> {
          if (t.text.equals("WITH") || t.text.equals("with")) {
            yield error(
                "WITH may only follow a single license id or reference at column " + t.column);
          }
          if (isOperatorIgnoringCase(t.text)) {
            yield error(
                "operator '"
                    + quote(t.text)
                    + "' must be all upper or all lower case at column "
                    + t.column);
          }
          yield error("expected " + expected + found(t) + " at column " + t.column);
        }
      };
    }

    private static String found(Token t) {
      return t.type == TokenType.END ? "" : " but found '" + quote(t.text) + "'";
    }

    private SscFormatException error(String detail) {
      return new SscFormatException(
          "invalid SPDX license expression '" + quote(input) + "': " + detail);
    }
  }

  // ---------------------------------------------------------------- word classification

  private static boolean isOperatorIgnoringCase(String w) {
    return w.equalsIgnoreCase("AND") || w.equalsIgnoreCase("OR") || w.equalsIgnoreCase("WITH");
  }

  private static boolean isSpecial(String w) {
    return w.equalsIgnoreCase("NONE") || w.equalsIgnoreCase("NOASSERTION");
  }

  private static boolean isRef(String w) {
    return w.indexOf(':') >= 0
        || startsWithIgnoreCase(w, "LicenseRef-")
        || startsWithIgnoreCase(w, "DocumentRef-")
        || startsWithIgnoreCase(w, "AdditionRef-");
  }

  private static boolean startsWithIgnoreCase(String w, String prefix) {
    return w.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /** Why {@code w} cannot be a license id or reference, or null if it can. */
  private static @Nullable String licenseWordProblem(String w) {
    if (isOperatorIgnoringCase(w)) {
      return "expected a license id but found operator '" + quote(w) + "'";
    }
    if (isSpecial(w)) {
      return "'" + quote(w) + "' is only valid as the whole expression";
    }
    if (ADDITION_REF.matcher(w).matches()) {
      return "expected a license id but found the addition reference '" + quote(w) + "'";
    }
    if (isRef(w)) {
      return LICENSE_REF.matcher(w).matches()
          ? null
          : "invalid license reference '"
              + quote(w)
              + "', expected LicenseRef-<id> or DocumentRef-<id>:LicenseRef-<id>";
    }
    return IDSTRING.matcher(w).matches()
        ? null
        : "invalid license id '" + quote(w) + "'"; // unreachable after the lexer; kept safe
  }

  private static @Nullable String licenseProblem(String id, boolean orLater) {
    String problem = licenseWordProblem(id);
    if (problem == null && orLater && isRef(id)) {
      problem = "'+' cannot follow a license reference";
    }
    return problem;
  }

  /** Why {@code w} cannot be an exception id or addition reference, or null if it can. */
  private static @Nullable String exceptionProblem(String w) {
    if (isOperatorIgnoringCase(w) || isSpecial(w)) {
      return "expected a license exception id but found '" + quote(w) + "'";
    }
    if (isRef(w)) {
      return ADDITION_REF.matcher(w).matches()
          ? null
          : "expected a license exception id or AdditionRef-<id> but found '" + quote(w) + "'";
    }
    return IDSTRING.matcher(w).matches() ? null : "invalid exception id '" + quote(w) + "'";
  }

  // ---------------------------------------------------------------- helpers

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * Untrusted text for a message: control and non-ASCII characters replaced by {@code ?}, so
   * messages cannot forge log lines, and cut after {@value #MAX_QUOTED} characters.
   */
  static String quote(String s) {
    int n = Math.min(s.length(), MAX_QUOTED);
    StringBuilder sb = new StringBuilder(n + 3);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return s.length() > n ? sb.append("...").toString() : sb.toString();
  }
}

package dev.ssc.policy;

import static dev.ssc.policy.SpdxExpression.lower;
import static dev.ssc.policy.SpdxExpression.quote;
import static java.util.Objects.requireNonNull;

import dev.ssc.api.SscFormatException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An allow list and a deny list of SPDX licenses, against which {@link SpdxExpression#evaluate}
 * judges a license expression.
 *
 * <p>Each entry is a license id or reference ({@code MIT}, {@code LicenseRef-acme}), a pair {@code
 * <license> WITH <exception>} meaning exactly that combination, or {@code NONE} or {@code
 * NOASSERTION}. Entries match case-insensitively, as SPDX ids do. An empty allow list means
 * "everything not denied"; both lists empty is a mistake and rejected (default deny).
 *
 * <p>Semantics:
 *
 * <ul>
 *   <li>a license {@code L} is acceptable iff {@code L} is not denied and the allow list is empty
 *       or contains {@code L};
 *   <li>{@code L+} ("this version or any later") is acceptable iff {@code L} is: conservatively,
 *       only the named version is judged, so allowing {@code GPL-3.0-only} does not accept {@code
 *       GPL-2.0+} and denying {@code GPL-3.0-only} does not reject it;
 *   <li>{@code L WITH E} is acceptable iff the pair {@code L WITH E} is explicitly allowed, or
 *       {@code L} is acceptable and the pair is not denied (an exception only grants extra
 *       permissions, so it cannot turn an unacceptable license into an acceptable one unless the
 *       pair is allowed by name);
 *   <li>{@code A AND B} is acceptable iff both are (every license applies);
 *   <li>{@code A OR B} is acceptable iff either is (the licensee may choose);
 *   <li>{@code NONE} and {@code NOASSERTION} are acceptable only if the allow list names them, also
 *       when the allow list is otherwise empty: an unknown license is never accepted by default.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class LicenseRules {
  private final Set<String> allow; // normalized entries, in order given
  private final Set<String> deny;
  private final Set<String> allowKeys; // lower case
  private final Set<String> denyKeys;

  private LicenseRules(Map<String, String> allow, Map<String, String> deny) {
    this.allow = Collections.unmodifiableSet(new LinkedHashSet<>(allow.values()));
    this.deny = Collections.unmodifiableSet(new LinkedHashSet<>(deny.values()));
    this.allowKeys = Set.copyOf(allow.keySet());
    this.denyKeys = Set.copyOf(deny.keySet());
  }

  /**
   * Rules from an allow list and a deny list.
   *
   * @throws IllegalArgumentException if both lists are empty, an entry is not a license id,
   *     reference, {@code L WITH E} pair, {@code NONE} or {@code NOASSERTION} (a {@code +}, {@code
   *     AND}, {@code OR} or parentheses are not entries), or an entry is both allowed and denied;
   *     the message lists every problem
   */
  static LicenseRules of(Collection<String> allow, Collection<String> deny) {
    requireNonNull(allow, "allow");
    requireNonNull(deny, "deny");
    List<String> problems = new ArrayList<>();
    if (allow.isEmpty() && deny.isEmpty()) {
      problems.add("a license policy needs an allow list or a deny list, both are empty");
    }
    Map<String, String> allowed = entries("allow", allow, problems);
    Map<String, String> denied = entries("deny", deny, problems);
    for (Map.Entry<String, String> e : allowed.entrySet()) {
      if (denied.containsKey(e.getKey())) {
        problems.add("'" + e.getValue() + "' is both allowed and denied");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid license rules: " + String.join("; ", problems));
    }
    return new LicenseRules(allowed, denied);
  }

  /** Lower-case key to normalized entry. */
  private static Map<String, String> entries(
      String list, Collection<String> raw, List<String> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String entry : raw) {
      requireNonNull(entry, list + " entry");
      SpdxExpression e;
      try {
        e = SpdxExpression.parse(entry);
      } catch (SscFormatException ex) {
        problems.add(list + " entry: " + ex.getMessage());
        continue;
      }
      String normalized = e.toString();
      boolean single =
          switch (e.kind()) {
            case LICENSE, WITH -> !normalized.contains("+");
            case NONE, NOASSERTION -> true;
            case AND, OR -> false;
          };
      if (!single) {
        problems.add(
            list
                + " entry '"
                + quote(entry)
                + "' must be one license id, 'L WITH E', NONE or NOASSERTION"
                + " (no '+', AND, OR)");
        continue;
      }
      out.putIfAbsent(lower(normalized), normalized);
    }
    return out;
  }

  /**
   * The allow list, normalized ({@code MIT}, {@code GPL-2.0-only WITH Classpath-exception-2.0}).
   */
  Set<String> allow() {
    return allow;
  }

  /** The deny list, normalized. */
  Set<String> deny() {
    return deny;
  }

  /** Why license {@code id} (no {@code +}) is not acceptable, or null if it is. */
  @Nullable String licenseProblem(String id) {
    String key = lower(id);
    if (denyKeys.contains(key)) {
      return id + " is denied";
    }
    if (!allowKeys.isEmpty() && !allowKeys.contains(key)) {
      return id + " is not in the allow list";
    }
    return null;
  }

  /** Whether {@code id WITH exception} is explicitly in the allow list. */
  boolean allowsPair(String id, String exception) {
    return allowKeys.contains(pairKey(id, exception));
  }

  /** Whether {@code id WITH exception} is in the deny list. */
  boolean deniesPair(String id, String exception) {
    return denyKeys.contains(pairKey(id, exception));
  }

  /** Whether {@code NONE} or {@code NOASSERTION} ({@code name}) is explicitly allowed. */
  boolean allowsSpecial(String name) {
    return allowKeys.contains(lower(name));
  }

  private static String pairKey(String id, String exception) {
    return lower(id) + " with " + lower(exception);
  }

  /** The lists, for diagnostics. */
  @Override
  public String toString() {
    return "LicenseRules{allow=" + allow + ", deny=" + deny + "}";
  }
}

package dev.ssc.policy;

import dev.ssc.api.digest.Digest;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rule found when it looked for one kind of evidence: the attestations it may use and, for
 * the explanation, those it saw but had to reject (signed by the wrong keys, below the authority's
 * threshold, or with a predicate that does not decode).
 *
 * <p>Immutable.
 *
 * @param <T> the typed predicate
 */
public final class EvidenceSearch<T> {
  private final String predicateType;
  private final Authority authority;
  private final List<Evidence<T>> trusted;
  private final List<Rejected> rejected;

  EvidenceSearch(
      String predicateType,
      Authority authority,
      List<Evidence<T>> trusted,
      List<Rejected> rejected) {
    this.predicateType = predicateType;
    this.authority = authority;
    this.trusted = List.copyOf(trusted);
    this.rejected = List.copyOf(rejected);
  }

  /** Evidence seen but not accepted, and why. */
  public static final class Rejected {
    private final Digest id;
    private final String reason;

    Rejected(Digest id, String reason) {
      this.id = id;
      this.reason = reason;
    }

    /** The evidence id. */
    public Digest id() {
      return id;
    }

    /** Why it was not accepted. */
    public String reason() {
      return reason;
    }

    @Override
    public String toString() {
      return id + " (" + reason + ")";
    }
  }

  /** The predicate type searched for. */
  public String predicateType() {
    return predicateType;
  }

  /** The authority whose signatures were required. */
  public Authority authority() {
    return authority;
  }

  /** The accepted evidence, in input order. */
  public List<Evidence<T>> trusted() {
    return trusted;
  }

  /** The rejected evidence, in input order. */
  public List<Rejected> rejected() {
    return rejected;
  }

  /** Whether nothing was accepted. */
  public boolean isEmpty() {
    return trusted.isEmpty();
  }

  /** The ids of all evidence looked at, accepted first. */
  public List<Digest> ids() {
    List<Digest> ids = new ArrayList<>(trusted.size() + rejected.size());
    for (Evidence<T> e : trusted) {
      ids.add(e.id());
    }
    for (Rejected r : rejected) {
      ids.add(r.id());
    }
    return ids;
  }

  /**
   * A message for a rule that found nothing usable: {@code no <type> attestation signed by
   * authority 'ci' (1 of 2 keys) about <what>}, followed by what was rejected and why.
   */
  public String describeMissing(String about) {
    StringBuilder sb =
        new StringBuilder("no ")
            .append(predicateType)
            .append(" attestation signed by authority '")
            .append(authority.name())
            .append("' (")
            .append(authority.threshold())
            .append(" of ")
            .append(authority.keyIds().size())
            .append(" keys) about ")
            .append(about);
    if (!rejected.isEmpty()) {
      sb.append("; rejected: ");
      for (int i = 0; i < rejected.size(); i++) {
        if (i > 0) {
          sb.append("; ");
        }
        sb.append(rejected.get(i));
      }
    }
    return sb.toString();
  }
}

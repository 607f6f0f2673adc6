package dev.ssc.policy;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.api.identity.Principal;
import dev.ssc.api.identity.Role;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.api.promotion.Environment;
import dev.ssc.attest.predicate.PredicateType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Rule} sees while it evaluates: the input, the environment as the policy defines it,
 * the roles of principals, and typed access to the verified evidence.
 *
 * <p>Created by the policy for one evaluation; confined to the thread evaluating. Everything it
 * offers is a function of the policy and the input, so rules stay pure (DESIGN invariant 6).
 */
public final class RuleContext {
  private final PolicyInput input;
  private final @Nullable EnvironmentRules environment;
  private final Map<String, Set<Role>> roster;
  private final PredicateDecoder decoder;
  private @Nullable Map<String, List<VerifiedAttestation>> byType;

  RuleContext(
      PolicyInput input,
      @Nullable EnvironmentRules environment,
      Map<String, Set<Role>> roster,
      PredicateDecoder decoder) {
    this.input = input;
    this.environment = environment;
    this.roster = roster;
    this.decoder = decoder;
  }

  /** The whole input. */
  public PolicyInput input() {
    return input;
  }

  /** The subject being decided on. */
  public DigestSet subject() {
    return input.subject();
  }

  /** The evaluation time, from the input; never a clock reading. */
  public Instant time() {
    return input.time();
  }

  /** All verified evidence, in input order. */
  public List<VerifiedAttestation> evidence() {
    return input.evidence();
  }

  /**
   * The target environment: as the policy defines it when the policy defines environments, else as
   * given in the input; empty when the decision is not for an environment.
   */
  public Optional<Environment> environment() {
    if (environment != null) {
      return Optional.of(environment.environment());
    }
    return input.environment();
  }

  /** The acting principal, if any. */
  public Optional<Principal> actor() {
    return input.principal();
  }

  /**
   * The roles of the principal {@code id}: those the policy's roster grants, plus, for the acting
   * principal, those on the input's authenticated {@link Principal}.
   */
  public Set<Role> rolesOf(String id) {
    Set<Role> granted = roster.getOrDefault(id, Set.of());
    Optional<Principal> actor = input.principal();
    if (actor.isEmpty() || !actor.get().id().equals(id) || actor.get().roles().isEmpty()) {
      return granted;
    }
    Set<Role> all = new LinkedHashSet<>(granted);
    all.addAll(actor.get().roles());
    return Collections.unmodifiableSet(all);
  }

  /** Whether the principal {@code id} holds {@code role}. */
  public boolean hasRole(String id, Role role) {
    return rolesOf(id).contains(role);
  }

  /**
   * The evidence of {@code type} about {@code about} that {@code authority} signed, decoded; with
   * the attestations of that type and subject that were rejected, and why.
   */
  public <T> EvidenceSearch<T> find(PredicateType<T> type, Authority authority, DigestSet about) {
    return search(type.uri(), authority, about, a -> decoder.decode(a, type));
  }

  /**
   * The evidence with predicate type {@code predicateType} about {@code about} that {@code
   * authority} signed, with its predicate as JSON; for predicate types ssc has no typed view of.
   */
  public EvidenceSearch<JsonObject> find(
      String predicateType, Authority authority, DigestSet about) {
    return search(predicateType, authority, about, a -> a.statement().predicate());
  }

  /** The evidence of one predicate type, in input order; indexed on first use. */
  private List<VerifiedAttestation> ofType(String predicateType) {
    Map<String, List<VerifiedAttestation>> index = byType;
    if (index == null) {
      index = new HashMap<>();
      for (VerifiedAttestation a : input.evidence()) {
        index.computeIfAbsent(a.predicateType(), k -> new ArrayList<>(2)).add(a);
      }
      byType = index;
    }
    return index.getOrDefault(predicateType, List.of());
  }

  private interface Decode<T> {
    T apply(VerifiedAttestation a) throws SscFormatException;
  }

  private <T> EvidenceSearch<T> search(
      String uri, Authority authority, DigestSet about, Decode<T> decode) {
    List<Evidence<T>> trusted = new ArrayList<>(2);
    List<EvidenceSearch.Rejected> rejected = new ArrayList<>(0);
    for (VerifiedAttestation a : ofType(uri)) {
      if (!a.isAbout(about)) {
        continue;
      }
      if (!authority.trusts(a)) {
        Set<String> signers = authority.signersOf(a);
        rejected.add(
            new EvidenceSearch.Rejected(
                a.evidenceId(),
                signers.isEmpty()
                    ? "signed by "
                        + new TreeSet<>(a.signerKeyIds())
                        + ", no key of authority '"
                        + authority.name()
                        + "'"
                    : "signed by "
                        + signers.size()
                        + " of the "
                        + authority.threshold()
                        + " keys authority '"
                        + authority.name()
                        + "' requires"));
        continue;
      }
      try {
        trusted.add(new Evidence<>(a, decode.apply(a)));
      } catch (SscFormatException e) {
        rejected.add(
            new EvidenceSearch.Rejected(a.evidenceId(), "predicate is invalid: " + e.getMessage()));
      }
    }
    return new EvidenceSearch<>(uri, authority, trusted, rejected);
  }

  /** {@link #find} about the subject itself. */
  public <T> EvidenceSearch<T> find(PredicateType<T> type, Authority authority) {
    return find(type, authority, input.subject());
  }
}

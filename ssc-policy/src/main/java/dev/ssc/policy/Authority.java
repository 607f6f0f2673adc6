package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.signing.Verifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A named set of trusted keys with a threshold, such as "the CI builders: 1 of these 2 keys" or
 * "the security team: 2 of these 3 keys". Rules name the authority whose signatures they accept; an
 * attestation counts as that authority's evidence only when at least {@link #threshold()} distinct
 * keys of it verified the attestation (DESIGN invariant 2: a signer is a key, never a claimed
 * name).
 *
 * <p>An authority built from {@link Verifier}s can also verify envelopes ({@link #keys()}); one
 * built from key ids only ({@link #ofKeyIds}) can judge evidence that was verified elsewhere.
 *
 * <p>Immutable and thread-safe.
 */
public final class Authority {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private final String name;
  private final int threshold;
  private final Set<String> keyIds;
  private final List<Verifier> keys;

  private Authority(String name, int threshold, Set<String> keyIds, List<Verifier> keys) {
    this.name = name;
    this.threshold = threshold;
    this.keyIds = keyIds;
    this.keys = keys;
  }

  /**
   * The authority {@code name} whose {@code keys} are trusted, {@code threshold} of them required.
   *
   * @throws IllegalArgumentException if the name is not lowercase letters, digits and dashes, no
   *     key is given, two keys have one id, or the threshold is outside {@code [1, keys]}
   */
  public static Authority of(String name, int threshold, Collection<? extends Verifier> keys) {
    requireNonNull(keys, "keys");
    Map<String, Verifier> byId = new LinkedHashMap<>();
    for (Verifier key : keys) {
      requireNonNull(key, "key");
      if (byId.putIfAbsent(key.keyId(), key) != null) {
        throw new IllegalArgumentException(
            "authority '" + name + "' lists key " + key.keyId() + " twice");
      }
    }
    return create(name, threshold, byId.keySet(), new ArrayList<>(byId.values()));
  }

  /**
   * The authority {@code name} that trusts the keys with these ids, for evidence verified elsewhere
   * (the ids are those a verifier records in {@link VerifiedAttestation#signerKeyIds()}).
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public static Authority ofKeyIds(String name, int threshold, Collection<String> keyIds) {
    requireNonNull(keyIds, "keyIds");
    return create(name, threshold, keyIds, List.of());
  }

  private static Authority create(
      String name, int threshold, Collection<String> keyIds, List<Verifier> keys) {
    requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "authority name must be lowercase letters, digits and dashes, got '" + name + "'");
    }
    Set<String> ids = new TreeSet<>();
    for (String id : keyIds) {
      if (requireNonNull(id, "keyId").isBlank()) {
        throw new IllegalArgumentException("authority '" + name + "' has a blank key id");
      }
      ids.add(id);
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("authority '" + name + "' must trust at least one key");
    }
    if (threshold < 1 || threshold > ids.size()) {
      throw new IllegalArgumentException(
          "authority '"
              + name
              + "' threshold must be within [1, "
              + ids.size()
              + "], got "
              + threshold);
    }
    return new Authority(
        name, threshold, java.util.Collections.unmodifiableSet(ids), List.copyOf(keys));
  }

  /** The name rules refer to, e.g. {@code ci}. */
  public String name() {
    return name;
  }

  /** How many distinct keys of this authority must have signed. */
  public int threshold() {
    return threshold;
  }

  /** The ids of the trusted keys, sorted. */
  public Set<String> keyIds() {
    return keyIds;
  }

  /** The keys, when the authority was built from keys; empty when built from key ids only. */
  public List<Verifier> keys() {
    return keys;
  }

  /** The ids of this authority's keys that signed {@code attestation}, sorted. */
  public Set<String> signersOf(VerifiedAttestation attestation) {
    Set<String> signers = new TreeSet<>();
    for (String id : attestation.signerKeyIds()) {
      if (keyIds.contains(id)) {
        signers.add(id);
      }
    }
    return signers;
  }

  /** Whether at least {@link #threshold()} of this authority's keys signed {@code attestation}. */
  public boolean trusts(VerifiedAttestation attestation) {
    if (threshold == 1) {
      for (String id : attestation.signerKeyIds()) {
        if (keyIds.contains(id)) {
          return true;
        }
      }
      return false;
    }
    return signersOf(attestation).size() >= threshold;
  }

  @Override
  public String toString() {
    return "Authority[" + name + ", " + threshold + " of " + keyIds.size() + " keys]";
  }
}

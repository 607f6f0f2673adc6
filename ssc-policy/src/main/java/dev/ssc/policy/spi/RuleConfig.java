package dev.ssc.policy.spi;

import dev.ssc.api.SscFormatException;
import dev.ssc.policy.Authority;
import dev.ssc.policy.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The configuration of one rule in a policy file, with typed accessors that fail with the file,
 * line and column of the offending value.
 *
 * <p>Every field a provider does not read is reported as an unknown field once {@link
 * RuleProvider#create} returns, so a misspelt option never silently weakens a rule. Confined to the
 * loading thread.
 */
public interface RuleConfig {
  /** The rule id: the {@code id} field, or the rule type if there is none. */
  String id();

  /** The rule type. */
  String type();

  /** {@code file:line:column} of this rule, for messages. */
  String where();

  /** Whether the field is present. */
  boolean has(String field);

  /**
   * A required string.
   *
   * @throws SscFormatException if absent or not a scalar
   */
  String string(String field) throws SscFormatException;

  /**
   * An optional string.
   *
   * @throws SscFormatException if present and not a scalar
   */
  Optional<String> optionalString(String field) throws SscFormatException;

  /**
   * A list of strings; a single string is a list of one; absent is empty.
   *
   * @throws SscFormatException if an item is not a scalar
   */
  List<String> strings(String field) throws SscFormatException;

  /**
   * An integer, {@code defaultValue} if absent.
   *
   * @throws SscFormatException if present and not an integer
   */
  int integer(String field, int defaultValue) throws SscFormatException;

  /**
   * A decimal number, if present.
   *
   * @throws SscFormatException if present and not a number
   */
  Optional<Double> number(String field) throws SscFormatException;

  /**
   * A boolean, {@code defaultValue} if absent.
   *
   * @throws SscFormatException if present and not {@code true} or {@code false}
   */
  boolean bool(String field, boolean defaultValue) throws SscFormatException;

  /**
   * A duration, written {@code 30m}, {@code 24h}, {@code 7d} or ISO-8601 {@code PT24H}, if present.
   *
   * @throws SscFormatException if present and not a positive duration
   */
  Optional<Duration> duration(String field) throws SscFormatException;

  /**
   * An RFC 3339 instant such as {@code 2026-12-31T00:00:00Z}, or a date {@code 2026-12-31}
   * (midnight UTC), if present.
   *
   * @throws SscFormatException if present and not an instant or date
   */
  Optional<Instant> instant(String field) throws SscFormatException;

  /**
   * The authority named by a required field.
   *
   * @throws SscFormatException if absent or the policy defines no authority of that name
   */
  Authority authority(String field) throws SscFormatException;

  /**
   * The authority named by an optional field.
   *
   * @throws SscFormatException if present and the policy defines no authority of that name
   */
  Optional<Authority> optionalAuthority(String field) throws SscFormatException;

  /**
   * A list of nested maps, such as a list of exceptions, each as a configuration of its own (whose
   * {@link #type()} and {@link #id()} are its parent's).
   *
   * @throws SscFormatException if the field is not a list of maps
   */
  List<RuleConfig> objects(String field) throws SscFormatException;

  /**
   * A list of nested rules, for rules made of rules.
   *
   * @throws SscFormatException if a nested rule is invalid
   */
  List<Rule> rules(String field) throws SscFormatException;

  /** An error about {@code field} (or the rule itself if absent), naming file, line and column. */
  SscFormatException error(String field, String message);
}

package dev.ssc.policy.spi;

import dev.ssc.api.SscFormatException;
import dev.ssc.policy.Rule;

/**
 * Creates rules of one type from their configuration in a policy file; the way to add custom Java
 * rules to declarative policies.
 *
 * <p>A policy file names the type in a rule's {@code rule} field:
 *
 * <pre>{@code
 * rules:
 *   - rule: acme-change-ticket      # name() of your provider
 *     id: change.ticket             # optional; defaults to the type
 *     project: OPS                  # read through RuleConfig
 * }</pre>
 *
 * <p>Register implementations in {@code META-INF/services/dev.ssc.policy.spi.RuleProvider}; a
 * {@link dev.ssc.policy.PolicyLoader} finds them only when asked to ({@code
 * PolicyLoader.builder().discoverRuleProviders(classLoader)}), and two providers of one name are an
 * error. Implementations must have a public no-argument constructor and be thread-safe; the rules
 * they create must be pure functions of their context (no I/O, no clock).
 */
public interface RuleProvider {
  /** The rule type, lowercase words with dashes, such as {@code acme-change-ticket}. */
  String name();

  /**
   * Creates a rule from {@code config}.
   *
   * @throws SscFormatException for invalid configuration, best made with {@link RuleConfig#error},
   *     so that it names the file, line and column
   */
  Rule create(RuleConfig config) throws SscFormatException;
}

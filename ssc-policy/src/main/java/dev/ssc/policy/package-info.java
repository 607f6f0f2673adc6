/**
 * Supply-chain policies: rules over verified evidence, combined into a {@link
 * dev.ssc.api.policy.Policy} that denies by default and explains every decision.
 *
 * <p>This first version offers {@link dev.ssc.policy.RulePolicy} (all rules must pass) and the
 * rules in {@link dev.ssc.policy.Rules}; the declarative policy format, the full rule set and CEL
 * conditions come next.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.policy;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

/**
 * The service provider interface for rules: make a rule type of your own available to policy files
 * by implementing {@link dev.ssc.policy.spi.RuleProvider} and registering it in {@code
 * META-INF/services/dev.ssc.policy.spi.RuleProvider}.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.policy.spi;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

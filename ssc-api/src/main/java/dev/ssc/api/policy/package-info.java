/**
 * Policies and decisions. Evaluation is a pure function of its input, denies by default and
 * explains itself.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.api.policy;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

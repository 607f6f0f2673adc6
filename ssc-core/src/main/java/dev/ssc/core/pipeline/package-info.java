/**
 * Running pipelines: stages in dependency order, each stage's statements signed with its own key
 * and stored as evidence.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.core.pipeline;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

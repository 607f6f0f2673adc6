/**
 * Pipelines: a directed acyclic graph of stages, each producing artifacts and unsigned statements
 * for the runner to sign.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.api.pipeline;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

/**
 * Runnable examples of embedding ssc. {@link dev.ssc.examples.AcmeDemo} is the end-to-end story
 * that {@code ./ssc demo} runs.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.examples;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

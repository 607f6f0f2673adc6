/** Benchmarks of ssc-policy, each against a baseline measured in the same run. */
@NullMarked
package dev.ssc.benchmarks.policy;

import org.jspecify.annotations.NullMarked;

/** Benchmarks of ssc-core, each against a baseline measured in the same run. */
@NullMarked
package dev.ssc.benchmarks.core;

import org.jspecify.annotations.NullMarked;

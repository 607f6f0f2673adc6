/** Benchmarks of ssc-attest, each against a baseline measured in the same run. */
@NullMarked
package dev.ssc.benchmarks.attest;

import org.jspecify.annotations.NullMarked;

/** JMH benchmarks of ssc and the report that compares them with their baselines. */
@NullMarked
package dev.ssc.benchmarks;

import org.jspecify.annotations.NullMarked;

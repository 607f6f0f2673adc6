/** Implementation of ssc-testkit. <b>No compatibility promise:</b> do not use outside ssc. */
@NullMarked
package dev.ssc.testkit.internal;

import org.jspecify.annotations.NullMarked;

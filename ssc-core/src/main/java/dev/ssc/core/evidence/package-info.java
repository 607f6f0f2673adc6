/**
 * Evidence stores: content-addressed by the sha256 of the stored bytes, immutable, verified on
 * read.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.core.evidence;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

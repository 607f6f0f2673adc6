/** The content-addressed store of evidence. */
@NullMarked
@CheckReturnValue
package dev.ssc.api.evidence;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

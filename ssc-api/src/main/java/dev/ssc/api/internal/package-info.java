/**
 * Implementation support shared by ssc's own modules. <b>No compatibility promise:</b> nothing here
 * is API, and code outside ssc must not use it.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.api.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

/** Environments and promotions, the only way an artifact enters an environment. */
@NullMarked
@CheckReturnValue
package dev.ssc.api.promotion;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

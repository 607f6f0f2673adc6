/** Who acts: principals and the roles they hold. */
@NullMarked
@CheckReturnValue
package dev.ssc.api.identity;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

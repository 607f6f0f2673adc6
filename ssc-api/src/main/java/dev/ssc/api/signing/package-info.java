/**
 * Signing and verification keys as pluggable interfaces, so that file keys, a KMS or an HSM are
 * each one class.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.api.signing;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

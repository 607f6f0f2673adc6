/**
 * The append-only, verifiable audit log: events, receipts, signed checkpoints and Merkle proofs.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.api.audit;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

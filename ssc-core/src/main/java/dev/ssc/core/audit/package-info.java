/**
 * The default audit log: an append-only, file-backed RFC 9162 Merkle tree log with group commit,
 * crash recovery, inclusion and consistency proofs and C2SP signed checkpoints.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.core.audit;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

/**
 * Transparency logs from the client's side: RFC 9162 Merkle tree hashing and the verification of
 * inclusion and consistency proofs, usable without any storage code.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.attest.tlog;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

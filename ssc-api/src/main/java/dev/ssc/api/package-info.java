/**
 * The ssc security model: shared result types ({@link dev.ssc.api.Verdict}, {@link
 * dev.ssc.api.Finding}), immutable {@link dev.ssc.api.Bytes} and the one checked decoding error,
 * {@link dev.ssc.api.SscFormatException}.
 *
 * <p>ssc-api is a vocabulary, not an engine: interfaces and immutable values that every ssc module
 * and every organization's pipeline engine share. At run time it needs only the JDK. The
 * sub-packages follow the flow of a delivery chain: {@link dev.ssc.api.digest digests} identify
 * artifacts, {@link dev.ssc.api.pipeline stages} produce {@link dev.ssc.api.attestation
 * attestations}, {@link dev.ssc.api.policy policies} decide, {@link dev.ssc.api.promotion
 * promotion} moves artifacts into environments, the {@link dev.ssc.api.audit audit log} records it,
 * and the {@link dev.ssc.api.loop closed loop} drives fixes back through the chain.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.api;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

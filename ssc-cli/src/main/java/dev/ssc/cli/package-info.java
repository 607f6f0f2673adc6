/**
 * The {@code ssc} command: a thin layer over the SDK.
 *
 * <p>Every subcommand exits {@code 0} on success (verified, allowed), {@code 1} on a negative
 * verdict (verification failed, policy denied, findings) and {@code 2} when it could not decide
 * (usage error, unreadable or malformed input, I/O failure, bug). Errors are one line on stderr
 * starting with {@code ssc: error:}; {@code --debug} adds the stack trace.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.cli;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;

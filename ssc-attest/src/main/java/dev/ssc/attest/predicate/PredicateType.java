package dev.ssc.attest.predicate;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;

/**
 * A predicate type: its URI and a codec between the predicate JSON and a typed Java value.
 *
 * <p>Decoding is strict and reports the JSON pointer of the first problem; encoding writes the
 * members the specification defines, in specification order. ssc's built-in types are constants
 * such as {@link SlsaProvenance#PREDICATE}; implement this interface for your own and register it
 * with {@link PredicateRegistry.Builder#add}. Implementations must be immutable and thread-safe.
 *
 * @param <T> the typed value
 */
public interface PredicateType<T> {
  /** The predicate type URI, exactly as in a statement's {@code predicateType}. */
  String uri();

  /** The class of the typed value. */
  Class<T> valueType();

  /**
   * Decodes {@code predicate}, which came from {@code source} (named in errors).
   *
   * @throws SscFormatException naming the source and JSON pointer of the first problem
   */
  T decode(JsonObject predicate, String source) throws SscFormatException;

  /** Encodes {@code value} as predicate JSON. */
  JsonObject encode(T value);
}

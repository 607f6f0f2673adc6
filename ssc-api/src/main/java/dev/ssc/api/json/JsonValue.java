package dev.ssc.api.json;

/**
 * An immutable JSON value: the dependency-free form in which ssc-api carries the arbitrary JSON
 * that standards allow, such as an in-toto predicate or a resource descriptor's annotations.
 *
 * <p>The model is exact: numbers keep every digit ({@link java.math.BigDecimal}), objects keep
 * member order. Parsing and serialization, with size limits and duplicate-key rejection, are in
 * ssc-attest; nothing here parses.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {}

package dev.ssc.api.json;

/**
 * A JSON boolean.
 *
 * @param value the boolean
 */
public record JsonBoolean(boolean value) implements JsonValue {}

package dev.ssc.api.json;

/** The JSON {@code null}. */
public enum JsonNull implements JsonValue {
  /** The only instance. */
  INSTANCE
}

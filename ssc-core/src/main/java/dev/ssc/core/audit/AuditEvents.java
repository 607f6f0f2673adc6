package dev.ssc.core.audit;

import static java.util.Objects.requireNonNull;

import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.audit.AuditEvent;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.attest.json.CanonicalJson;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical encoding of an {@link AuditEvent} as an audit log entry (docs/formats.md, "Audit
 * log entries and storage"): canonical JSON with the members {@code type}, {@code actor}, {@code
 * action}, {@code subject}, {@code environment} and {@code decision} when present, {@code time},
 * {@code details} and {@code previousCheckpoint} when the log has a checkpoint.
 *
 * <p>Thread-safe; stateless.
 */
public final class AuditEvents {
  /** The value of the entry's {@code type} member. */
  public static final String TYPE = "https://ssc.dev/audit-event/v1";

  private AuditEvents() {}

  /**
   * The canonical bytes of {@code event}, chained to the log's latest signed checkpoint, given as
   * the sha256 of its signed note bytes, if the log has one.
   */
  public static Bytes encode(AuditEvent event, Optional<Digest> previousCheckpoint) {
    requireNonNull(event, "event");
    requireNonNull(previousCheckpoint, "previousCheckpoint");
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put("type", new JsonString(TYPE));
    members.put("actor", new JsonString(event.actor()));
    members.put("action", new JsonString(event.action()));
    Map<String, JsonValue> subject = new LinkedHashMap<>();
    event.subject().toMap().forEach((k, v) -> subject.put(k, new JsonString(v)));
    members.put("subject", new JsonObject(subject));
    event.environment().ifPresent(e -> members.put("environment", new JsonString(e)));
    event.decision().ifPresent(d -> members.put("decision", new JsonString(d.toString())));
    members.put("time", new JsonString(DateTimeFormatter.ISO_INSTANT.format(event.time())));
    Map<String, JsonValue> details = new LinkedHashMap<>();
    event.details().forEach((k, v) -> details.put(k, new JsonString(v)));
    members.put("details", new JsonObject(details));
    previousCheckpoint.ifPresent(
        c -> members.put("previousCheckpoint", new JsonString(c.toString())));
    try {
      return CanonicalJson.encode(new JsonObject(members));
    } catch (SscFormatException e) {
      throw new AssertionError("an audit event holds no numbers", e);
    }
  }
}

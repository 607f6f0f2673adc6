package dev.ssc.policy;

import dev.ssc.api.SscFormatException;
import dev.ssc.policy.spi.RuleConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link RuleConfig} over a parsed policy node; records which fields were read. */
final class NodeRuleConfig implements RuleConfig {
  private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]{1,9})([smhd])");

  /** Turns nested rule nodes into rules; implemented by the loader. */
  interface RuleReader {
    Rule read(PolicyNode node) throws SscFormatException;
  }

  private final PolicyNode node;
  private final String id;
  private final String type;
  private final Map<String, Authority> authorities;
  private final RuleReader rules;
  private final Set<String> read = new HashSet<>();
  private final List<NodeRuleConfig> children = new ArrayList<>();

  NodeRuleConfig(
      PolicyNode node,
      String id,
      String type,
      Map<String, Authority> authorities,
      RuleReader rules,
      Set<String> alreadyRead) {
    this.node = node;
    this.id = id;
    this.type = type;
    this.authorities = authorities;
    this.rules = rules;
    this.read.addAll(alreadyRead);
  }

  /** Fails on the first field nobody read, here or in nested configurations. */
  void checkAllRead() throws SscFormatException {
    for (NodeRuleConfig child : children) {
      child.checkAllRead();
    }
    for (Map.Entry<String, PolicyNode> f : node.fields().entrySet()) {
      if (!read.contains(f.getKey())) {
        throw node.keyError(
            f.getKey(),
            "unknown field '" + f.getKey() + "' for rule type '" + type + "' (rule '" + id + "')");
      }
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public String where() {
    return node.where();
  }

  @Override
  public boolean has(String field) {
    return node.fields().containsKey(field);
  }

  private Optional<PolicyNode> get(String field) {
    read.add(field);
    PolicyNode value = node.fields().get(field);
    if (value == null || value.kind() == PolicyNode.Kind.NULL) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private PolicyNode scalar(String field, PolicyNode value, String expected)
      throws SscFormatException {
    if (!value.isScalar()) {
      throw value.error(
          "field '" + field + "' must be " + expected + ", found " + value.describe());
    }
    return value;
  }

  @Override
  public String string(String field) throws SscFormatException {
    PolicyNode v =
        get(field).orElseThrow(() -> node.error("rule '" + id + "' needs field '" + field + "'"));
    String text = scalar(field, v, "a string").text();
    if (text.isBlank()) {
      throw v.error("field '" + field + "' must not be blank");
    }
    return text;
  }

  @Override
  public Optional<String> optionalString(String field) throws SscFormatException {
    Optional<PolicyNode> v = get(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(scalar(field, v.get(), "a string").text());
  }

  @Override
  public List<String> strings(String field) throws SscFormatException {
    Optional<PolicyNode> v = get(field);
    if (v.isEmpty()) {
      return List.of();
    }
    if (v.get().isScalar()) {
      return List.of(v.get().text());
    }
    if (!v.get().isList()) {
      throw v.get()
          .error("field '" + field + "' must be a list of strings, found " + v.get().describe());
    }
    List<String> out = new ArrayList<>();
    for (PolicyNode item : v.get().items()) {
      String text = scalar(field, item, "a list of strings").text();
      if (text.isBlank()) {
        throw item.error("field '" + field + "' must not hold blank strings");
      }
      out.add(text);
    }
    return List.copyOf(out);
  }

  @Override
  public int integer(String field, int defaultValue) throws SscFormatException {
    Optional<PolicyNode> v = get(field);
    if (v.isEmpty()) {
      return defaultValue;
    }
    PolicyNode s = scalar(field, v.get(), "an integer");
    try {
      return Integer.parseInt(s.text());
    } catch (NumberFormatException e) {
      throw s.error("field '" + field + "' must be an integer, found " + s.describe());
    }
  }

  @Override
  public Optional<Double> number(String field) throws SscFormatException {
    Optional<PolicyNode> v = get(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    PolicyNode s = scalar(field, v.get(), "a number");
    try {
      double d = Double.parseDouble(s.text());
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return Optional.of(d);
    } catch (NumberFormatException e) {
      throw s.error("field '" + field + "' must be a number, found " + s.describe());
    }
  }

  @Override
  public boolean bool(String field, boolean defaultValue) throws SscFormatException {
    Optional<PolicyNode> v = get(field);
    if (v.isEmpty()) {
      return defaultValue;
    }
    PolicyNode s = scalar(field, v.get(), "true or false");
    if (!s.isQuotedOrString()) {
      if (s.text().equals("true")) {
        return true;
      }
      if (s.text().equals("false")) {
        return false;
      }
    }
    throw s.error("field '" + field + "' must be true or false, found " + s.describe());
  }

  @Override
  public Optional<Duration> duration(String field) throws SscFormatException {
    Optional<PolicyNode> v = get(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    PolicyNode s = scalar(field, v.get(), "a duration");
    return Optional.of(parseDuration(s, field));
  }

  static Duration parseDuration(PolicyNode s, String field) throws SscFormatException {
    String text = s.text().trim();
    Duration d;
    Matcher m = SHORT_DURATION.matcher(text);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
          case "s":
            d = Duration.ofSeconds(n);
            break;
          case "m":
            d = Duration.ofMinutes(n);
            break;
          case "h":
            d = Duration.ofHours(n);
            break;
          default:
            d = Duration.ofDays(n);
            break;
        }
      } else {
        d = Duration.parse(text);
      }
    } catch (DateTimeParseException e) {
      throw s.error(
          "field '"
              + field
              + "' must be a duration like 30m, 24h, 7d or PT24H, found "
              + s.describe());
    }
    if (d.isNegative() || d.isZero()) {
      throw s.error("field '" + field + "' must be a positive duration, found " + s.describe());
    }
    return d;
  }

  @Override
  public Optional<Instant> instant(String field) throws SscFormatException {
    Optional<PolicyNode> v = get(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    PolicyNode s = scalar(field, v.get(), "an RFC 3339 time");
    return Optional.of(parseInstant(s, field));
  }

  static Instant parseInstant(PolicyNode s, String field) throws SscFormatException {
    String text = s.text().trim();
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw s.error(
          "field '"
              + field
              + "' must be an RFC 3339 time like 2026-12-31T00:00:00Z or a date 2026-12-31,"
              + " found "
              + s.describe());
    }
  }

  @Override
  public Authority authority(String field) throws SscFormatException {
    return optionalAuthority(field)
        .orElseThrow(
            () ->
                node.error(
                    "rule '"
                        + id
                        + "' needs field '"
                        + field
                        + "' naming one of the policy's authorities "
                        + authorities.keySet()));
  }

  @Override
  public Optional<Authority> optionalAuthority(String field) throws SscFormatException {
    Optional<PolicyNode> v = get(field);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    PolicyNode s = scalar(field, v.get(), "an authority name");
    Authority a = authorities.get(s.text());
    if (a == null) {
      throw s.error(
          "unknown authority '"
              + s.text()
              + "'; the policy defines "
              + (authorities.isEmpty() ? "none" : authorities.keySet().toString()));
    }
    return Optional.of(a);
  }

  @Override
  public List<RuleConfig> objects(String field) throws SscFormatException {
    Optional<PolicyNode> v = get(field);
    if (v.isEmpty()) {
      return List.of();
    }
    if (!v.get().isList()) {
      throw v.get().error("field '" + field + "' must be a list, found " + v.get().describe());
    }
    List<RuleConfig> out = new ArrayList<>();
    for (PolicyNode item : v.get().items()) {
      if (!item.isMap()) {
        throw item.error("items of '" + field + "' must be maps, found " + item.describe());
      }
      NodeRuleConfig child = new NodeRuleConfig(item, id, type, authorities, rules, Set.of());
      children.add(child);
      out.add(child);
    }
    return out;
  }

  @Override
  public List<Rule> rules(String field) throws SscFormatException {
    Optional<PolicyNode> v = get(field);
    if (v.isEmpty()) {
      return List.of();
    }
    if (!v.get().isList()) {
      throw v.get()
          .error("field '" + field + "' must be a list of rules, found " + v.get().describe());
    }
    List<Rule> out = new ArrayList<>();
    for (PolicyNode item : v.get().items()) {
      out.add(rules.read(item));
    }
    return out;
  }

  @Override
  public SscFormatException error(String field, String message) {
    PolicyNode at = node.fields().get(field);
    return (at == null ? node : at).error(message);
  }
}

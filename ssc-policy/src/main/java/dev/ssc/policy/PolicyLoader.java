package dev.ssc.policy;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.identity.Role;
import dev.ssc.api.policy.RuleResult;
import dev.ssc.api.promotion.Environment;
import dev.ssc.api.signing.Verifier;
import dev.ssc.attest.digest.Digests;
import dev.ssc.attest.keys.Keys;
import dev.ssc.policy.spi.RuleProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads policy documents (YAML or JSON, one schema; see {@code docs/policy.md}) into a {@link
 * RulePolicy}.
 *
 * <pre>{@code
 * RulePolicy policy = PolicyLoader.withBuiltIns().load(Path.of("policies/acme.yaml"));
 * Decision decision = policy.evaluate(input);
 * }</pre>
 *
 * <p>Every problem is an {@link SscFormatException} whose message starts with {@code
 * file:line:column}: YAML or JSON syntax, duplicate keys, an unknown field or rule type, a bad
 * value, an unknown authority, an invalid key file, a CEL expression that does not compile. Nothing
 * half-loaded is returned. Key files named by the policy are read relative to the policy file's
 * directory.
 *
 * <p>Rule types come from the built-in providers and from those added to the builder; {@link
 * Builder#discoverRuleProviders} loads more through {@link ServiceLoader}, only when asked.
 * Immutable and thread-safe.
 */
public final class PolicyLoader {
  /** The {@code apiVersion} this loader reads. */
  public static final String API_VERSION = "ssc.dev/policy/v1";

  private static final int MAX_KEY_FILE_BYTES = 64 << 10;
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "apiVersion",
          "kind",
          "metadata",
          "mode",
          "authorities",
          "principals",
          "rules",
          "environments");

  private final Map<String, RuleProvider> providers;

  private PolicyLoader(Map<String, RuleProvider> providers) {
    this.providers = providers;
  }

  /** A loader that knows the built-in rule types only. */
  public static PolicyLoader withBuiltIns() {
    return builder().build();
  }

  /** A builder, starting with the built-in rule types. */
  public static Builder builder() {
    return new Builder();
  }

  /** The rule types this loader knows, sorted. */
  public Set<String> ruleTypes() {
    return Collections.unmodifiableSet(new TreeSet<>(providers.keySet()));
  }

  /**
   * Loads the policy in {@code file}; a name ending in {@code .json} is read as JSON, others as
   * YAML.
   *
   * @throws IOException if the file or a key file it names cannot be read
   * @throws SscFormatException if the document is not a valid policy, naming file, line, column
   */
  public RulePolicy load(Path file) throws IOException, SscFormatException {
    requireNonNull(file, "file");
    byte[] bytes = readBounded(file, PolicyNode.MAX_BYTES, file.toString());
    Path dir = file.toAbsolutePath().getParent();
    return parse(bytes, file.toString(), dir == null ? Path.of(".") : dir);
  }

  /**
   * Parses a policy document held in memory; {@code source} names it in errors (and a name ending
   * in {@code .json} selects JSON), key files are resolved against {@code baseDirectory}.
   *
   * @throws IOException if a key file cannot be read
   * @throws SscFormatException if the document is not a valid policy
   */
  public RulePolicy parse(byte[] document, String source, Path baseDirectory)
      throws IOException, SscFormatException {
    requireNonNull(document, "document");
    requireNonNull(source, "source");
    requireNonNull(baseDirectory, "baseDirectory");
    String text = decodeUtf8(document, source);
    return new Reader(baseDirectory).read(PolicyNode.parse(text, source), document);
  }

  static String decodeUtf8(byte[] bytes, String source) throws SscFormatException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SscFormatException(source + ": is not valid UTF-8");
    }
  }

  static byte[] readBounded(Path file, int max, String what)
      throws IOException, SscFormatException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new SscFormatException(what + ": larger than the limit of " + max + " bytes");
      }
      return bytes;
    }
  }

  /** Reads one document; confined. */
  private final class Reader {
    private final Path baseDirectory;
    private final Map<String, Authority> authorities = new LinkedHashMap<>();

    Reader(Path baseDirectory) {
      this.baseDirectory = baseDirectory;
    }

    RulePolicy read(PolicyNode root, byte[] document) throws IOException, SscFormatException {
      if (!root.isMap()) {
        throw root.error("a policy must be a map with apiVersion, kind, metadata and rules");
      }
      for (Map.Entry<String, PolicyNode> f : root.fields().entrySet()) {
        if (!TOP_LEVEL.contains(f.getKey())) {
          throw root.keyError(
              f.getKey(),
              "unknown field '" + f.getKey() + "'; a policy has " + new TreeSet<>(TOP_LEVEL));
        }
      }
      PolicyNode version = required(root, "apiVersion");
      if (!version.isScalar() || !version.text().equals(API_VERSION)) {
        throw version.error(
            "apiVersion must be '" + API_VERSION + "', found " + version.describe());
      }
      PolicyNode kind = required(root, "kind");
      if (!kind.isScalar() || !kind.text().equals("Policy")) {
        throw kind.error("kind must be 'Policy', found " + kind.describe());
      }
      PolicyNode metadata = map(required(root, "metadata"), "metadata");
      onlyFields(metadata, "metadata", Set.of("name", "version", "description"));
      String name = scalarText(required(metadata, "name"), "metadata.name");
      Optional<PolicyNode> ver = metadata.field("version");
      String id = ver.isPresent() ? name + "@" + scalarText(ver.get(), "metadata.version") : name;

      RulePolicy.Builder policy = RulePolicy.builder(id).digest(Digests.sha256(Bytes.of(document)));
      Optional<PolicyNode> mode = root.field("mode");
      if (mode.isPresent()) {
        policy.mode(mode(mode.get()));
      }
      for (Map.Entry<String, PolicyNode> a : fieldsOf(root, "authorities")) {
        Authority authority = authority(a.getKey(), a.getValue());
        authorities.put(authority.name(), authority);
        policy.authority(authority);
      }
      for (Map.Entry<String, PolicyNode> p : fieldsOf(root, "principals")) {
        policy.principal(p.getKey(), roles(p.getValue(), "principals." + p.getKey()));
      }
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (PolicyNode r : listOf(root, "rules")) {
        Rule rule = rule(r);
        unique(seen, rule, r);
        policy.rule(rule);
      }
      for (Map.Entry<String, PolicyNode> e : fieldsOf(root, "environments")) {
        PolicyNode envNode = map(e.getValue(), "environments." + e.getKey());
        onlyFields(
            envNode, "environments." + e.getKey(), Set.of("promoters", "requiresPassed", "rules"));
        Environment.Builder env = Environment.builder().name(e.getKey());
        PolicyNode promoters = required(envNode, "promoters");
        for (Role role : roles(promoters, "environments." + e.getKey() + ".promoters")) {
          env.addPromoters(role);
        }
        Optional<PolicyNode> requires = envNode.field("requiresPassed");
        if (requires.isPresent()) {
          String required = scalarText(requires.get(), "requiresPassed");
          if (!root.field("environments")
              .map(n -> n.fields().containsKey(required))
              .orElse(false)) {
            throw requires
                .get()
                .error("requiresPassed names undefined environment '" + required + "'");
          }
          env.requiresPassed(required);
        }
        EnvironmentRules.Builder rules;
        try {
          rules = EnvironmentRules.builder(env.build());
        } catch (IllegalArgumentException ex) {
          throw envNode.error(String.valueOf(ex.getMessage()));
        }
        Map<String, Integer> envSeen = new LinkedHashMap<>(seen);
        for (PolicyNode r : listOf(envNode, "rules")) {
          Rule rule = rule(r);
          unique(envSeen, rule, r);
          rules.rule(rule);
        }
        policy.environment(rules.build());
      }
      try {
        return policy.build();
      } catch (IllegalArgumentException e) {
        throw root.error(String.valueOf(e.getMessage()));
      }
    }

    private void unique(Map<String, Integer> seen, Rule rule, PolicyNode at)
        throws SscFormatException {
      Integer line = seen.putIfAbsent(rule.id(), at.line());
      if (line != null) {
        throw at.error(
            "rule id '"
                + rule.id()
                + "' is already used at line "
                + line
                + "; give one of them an 'id'");
      }
    }

    Rule rule(PolicyNode node) throws SscFormatException {
      if (!node.isMap()) {
        throw node.error("a rule must be a map with a 'rule' field, found " + node.describe());
      }
      PolicyNode typeNode =
          node.field("rule")
              .orElseThrow(
                  () ->
                      node.error(
                          "a rule needs a 'rule' field naming its type, one of " + ruleTypes()));
      String type = scalarText(typeNode, "rule");
      RuleProvider provider = providers.get(type);
      if (provider == null) {
        throw typeNode.error("unknown rule type '" + type + "'; known types: " + ruleTypes());
      }
      String id = node.field("id").isPresent() ? scalarText(node.field("id").get(), "id") : type;
      RuleResult.Enforcement enforcement = RuleResult.Enforcement.ENFORCE;
      if (node.field("mode").isPresent()) {
        enforcement = mode(node.field("mode").get());
      }
      NodeRuleConfig config =
          new NodeRuleConfig(
              node, id, type, authorities, this::rule, Set.of("rule", "id", "mode", "description"));
      Rule rule;
      try {
        rule = provider.create(config);
      } catch (IllegalArgumentException e) {
        throw node.error("rule '" + id + "': " + e.getMessage());
      }
      config.checkAllRead();
      if (!rule.id().equals(id)) {
        throw node.error(
            "rule type '"
                + type
                + "' created a rule with id '"
                + rule.id()
                + "', not '"
                + id
                + "'");
      }
      return enforcement == RuleResult.Enforcement.WARN ? Rules.warnOnly(rule) : rule;
    }

    private Authority authority(String name, PolicyNode node)
        throws IOException, SscFormatException {
      String where = "authorities." + name;
      map(node, where);
      onlyFields(node, where, Set.of("threshold", "keys", "description"));
      int threshold = 1;
      Optional<PolicyNode> t = node.field("threshold");
      if (t.isPresent()) {
        try {
          threshold = Integer.parseInt(scalarText(t.get(), where + ".threshold"));
        } catch (NumberFormatException e) {
          throw t.get().error(where + ".threshold must be an integer, found " + t.get().describe());
        }
      }
      PolicyNode keys = required(node, "keys");
      if (!keys.isList() || keys.items().isEmpty()) {
        throw keys.error(where + ".keys must be a non-empty list of {file|pem|keyId}");
      }
      List<Verifier> verifiers = new ArrayList<>();
      List<String> keyIds = new ArrayList<>();
      for (PolicyNode k : keys.items()) {
        map(k, where + ".keys[]");
        onlyFields(k, where + ".keys[]", Set.of("file", "pem", "keyId"));
        if (k.fields().size() != 1) {
          throw k.error("a key has exactly one of 'file', 'pem' or 'keyId'");
        }
        Map.Entry<String, PolicyNode> only = k.fields().entrySet().iterator().next();
        String value = scalarText(only.getValue(), only.getKey());
        switch (only.getKey()) {
          case "keyId":
            keyIds.add(value);
            break;
          case "pem":
            verifiers.add(readKey(value, only.getValue(), "inline key of " + where, false));
            break;
          default:
            {
              Path file = baseDirectory.resolve(value);
              if (!Files.isRegularFile(file)) {
                throw only.getValue().error("key file not found: " + file);
              }
              byte[] bytes = readBounded(file, MAX_KEY_FILE_BYTES, file.toString());
              String text = decodeUtf8(bytes, file.toString());
              verifiers.add(
                  readKey(text, only.getValue(), file.toString(), value.endsWith(".json")));
            }
        }
      }
      if (!keyIds.isEmpty() && !verifiers.isEmpty()) {
        throw keys.error(
            where
                + " mixes keyId entries with keys; list either keys (to verify envelopes) or key ids");
      }
      try {
        return keyIds.isEmpty()
            ? Authority.of(name, threshold, verifiers)
            : Authority.ofKeyIds(name, threshold, keyIds);
      } catch (IllegalArgumentException e) {
        throw node.error(String.valueOf(e.getMessage()));
      }
    }

    private Verifier readKey(String text, PolicyNode at, String what, boolean json)
        throws SscFormatException {
      try {
        return json ? Keys.readPublicKeySslibJson(text, what) : Keys.readPublicKeyPem(text, what);
      } catch (SscFormatException e) {
        throw at.error("invalid public key: " + e.getMessage());
      }
    }

    private List<Role> roles(PolicyNode node, String where) throws SscFormatException {
      List<PolicyNode> items;
      if (node.isScalar()) {
        items = List.of(node);
      } else if (node.isList()) {
        items = node.items();
      } else {
        throw node.error(where + " must be a list of role names, found " + node.describe());
      }
      List<Role> roles = new ArrayList<>();
      for (PolicyNode item : items) {
        try {
          roles.add(Role.of(scalarText(item, where)));
        } catch (IllegalArgumentException e) {
          throw item.error(String.valueOf(e.getMessage()));
        }
      }
      return roles;
    }

    private RuleResult.Enforcement mode(PolicyNode node) throws SscFormatException {
      String text = scalarText(node, "mode");
      switch (text) {
        case "enforce":
          return RuleResult.Enforcement.ENFORCE;
        case "warn":
          return RuleResult.Enforcement.WARN;
        default:
          throw node.error("mode must be 'enforce' or 'warn', found " + node.describe());
      }
    }

    private Iterable<Map.Entry<String, PolicyNode>> fieldsOf(PolicyNode parent, String field)
        throws SscFormatException {
      Optional<PolicyNode> n = parent.field(field);
      if (n.isEmpty() || n.get().kind() == PolicyNode.Kind.NULL) {
        return List.of();
      }
      return map(n.get(), field).fields().entrySet();
    }

    private List<PolicyNode> listOf(PolicyNode parent, String field) throws SscFormatException {
      Optional<PolicyNode> n = parent.field(field);
      if (n.isEmpty() || n.get().kind() == PolicyNode.Kind.NULL) {
        return List.of();
      }
      if (!n.get().isList()) {
        throw n.get().error("'" + field + "' must be a list, found " + n.get().describe());
      }
      return n.get().items();
    }

    private PolicyNode required(PolicyNode parent, String field) throws SscFormatException {
      return parent
          .field(field)
          .filter(n -> n.kind() != PolicyNode.Kind.NULL)
          .orElseThrow(() -> parent.error("missing required field '" + field + "'"));
    }

    @CanIgnoreReturnValue
    private PolicyNode map(PolicyNode node, String where) throws SscFormatException {
      if (!node.isMap()) {
        throw node.error("'" + where + "' must be a map, found " + node.describe());
      }
      return node;
    }

    private void onlyFields(PolicyNode node, String where, Set<String> allowed)
        throws SscFormatException {
      for (Map.Entry<String, PolicyNode> f : node.fields().entrySet()) {
        if (!allowed.contains(f.getKey())) {
          throw node.keyError(
              f.getKey(),
              "unknown field '"
                  + f.getKey()
                  + "' in "
                  + where
                  + "; allowed: "
                  + new TreeSet<>(allowed));
        }
      }
    }

    private String scalarText(PolicyNode node, String where) throws SscFormatException {
      if (!node.isScalar() || node.text().isBlank()) {
        throw node.error("'" + where + "' must be a non-blank string, found " + node.describe());
      }
      return node.text();
    }
  }

  /** Builds a {@link PolicyLoader}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, RuleProvider> providers = new LinkedHashMap<>();

    Builder() {
      for (RuleProvider p : BuiltInRules.providers()) {
        providers.put(p.name(), p);
      }
    }

    /**
     * Adds a rule type.
     *
     * @throws IllegalArgumentException if a provider of that name is already known, or the name is
     *     not lowercase words joined by dashes
     */
    @CanIgnoreReturnValue
    public Builder addRuleProvider(RuleProvider provider) {
      requireNonNull(provider, "provider");
      String name = requireNonNull(provider.name(), "provider.name()");
      if (!TYPE.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "rule type must be lowercase words joined by dashes, got '" + name + "'");
      }
      RuleProvider earlier = providers.putIfAbsent(name, provider);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "two rule providers named '"
                + name
                + "': "
                + earlier.getClass().getName()
                + " and "
                + provider.getClass().getName());
      }
      return this;
    }

    /**
     * Adds every {@link RuleProvider} registered in {@code META-INF/services} visible to {@code
     * classLoader}.
     *
     * @throws IllegalArgumentException if two providers share a name
     * @throws java.util.ServiceConfigurationError if a provider cannot be instantiated
     */
    @CanIgnoreReturnValue
    public Builder discoverRuleProviders(ClassLoader classLoader) {
      requireNonNull(classLoader, "classLoader");
      for (RuleProvider p : ServiceLoader.load(RuleProvider.class, classLoader)) {
        addRuleProvider(p);
      }
      return this;
    }

    /** Builds the loader. */
    public PolicyLoader build() {
      return new PolicyLoader(Collections.unmodifiableMap(new LinkedHashMap<>(providers)));
    }
  }
}

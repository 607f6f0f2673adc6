package dev.ssc.attest.intoto.layout;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.Envelope;
import dev.ssc.api.json.JsonArray;
import dev.ssc.api.json.JsonNumber;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.json.JsonString;
import dev.ssc.api.json.JsonValue;
import dev.ssc.api.signing.Signer;
import dev.ssc.attest.dsse.DsseCodec;
import dev.ssc.attest.dsse.Pae;
import dev.ssc.attest.json.CanonicalJson;
import dev.ssc.attest.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Records in-toto link metadata as {@code in-toto-run} (in-toto 1.3.1) does: hashes the materials,
 * runs the command, captures its stdout, stderr and return value as byproducts, hashes the
 * products, signs the link and writes it as {@code STEP.KEYID8.link}.
 *
 * <p>Artifacts are recorded as in-toto records them: paths relative to the working directory as
 * given and normalized, directories walked, sha256 of each file, default excludes {@code *.link*},
 * {@code .git}, {@code *.pyc}, {@code *~}. Classic links are signed over the canonical JSON of the
 * link (hex signature); with {@link Builder#dsse()} the link is a DSSE envelope.
 *
 * <pre>{@code
 * Path link = LinkRecorder.builder()
 *     .step("package")
 *     .key(Bytes.of(Files.readAllBytes(carlKey)), "carl")
 *     .materials(List.of("foo.py"))
 *     .products(List.of("foo.tar.gz"))
 *     .command(List.of("tar", "zcvf", "foo.tar.gz", "foo.py"))
 *     .workingDirectory(dir)
 *     .build()
 *     .run(dir);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the command runs in the caller's thread.
 */
public final class LinkRecorder {
  private final String step;
  private final Signer signer;
  private final List<String> materials;
  private final List<String> products;
  private final List<String> command;
  private final Path workingDirectory;
  private final boolean dsse;
  private final CommandRunner runner;

  private LinkRecorder(Builder b, String step, Signer signer, Path workingDirectory) {
    this.step = step;
    this.signer = signer;
    this.materials = List.copyOf(b.materials);
    this.products = List.copyOf(b.products);
    this.command = List.copyOf(b.command);
    this.workingDirectory = workingDirectory;
    this.dsse = b.dsse;
    this.runner = b.runner;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The file name of the link: {@code STEP.KEYID8.link}. */
  public String fileName() {
    return LayoutVerifier.linkFileName(step, signer.keyId());
  }

  /**
   * Records and signs the link and writes it into {@code outputDirectory}; returns its path.
   *
   * @throws IOException if an artifact cannot be read, the command cannot be started, signing fails
   *     or the link cannot be written
   */
  public Path run(Path outputDirectory) throws IOException {
    requireNonNull(outputDirectory, "outputDirectory");
    Link link = record(step, command, materials, products, workingDirectory, runner);
    Bytes file = sign(link, signer, dsse);
    Path target = outputDirectory.resolve(fileName());
    Path tmp = Files.createTempFile(outputDirectory, "." + fileName(), ".tmp");
    try {
      Files.write(tmp, file.toByteArray());
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return target;
  }

  /** Records a link: materials, the command's byproducts (if any command), products. */
  static Link record(
      String name,
      List<String> command,
      List<String> materials,
      List<String> products,
      Path dir,
      CommandRunner runner)
      throws IOException {
    Map<String, Map<String, String>> m = Artifacts.record(dir, materials);
    JsonObject byproducts = JsonObject.empty();
    if (!command.isEmpty()) {
      CommandRunner.Result r = runner.run(command, dir);
      Map<String, JsonValue> b = new TreeMap<>();
      b.put("return-value", JsonNumber.of(r.returnValue()));
      b.put("stderr", new JsonString(r.stderr()));
      b.put("stdout", new JsonString(r.stdout()));
      byproducts = new JsonObject(b);
    }
    Map<String, Map<String, String>> p = Artifacts.record(dir, products);
    return new Link(name, command, m, p, byproducts, JsonObject.empty());
  }

  /** The link's signed body as JSON, members sorted. */
  static JsonObject toJson(Link link) {
    Map<String, JsonValue> o = new TreeMap<>();
    o.put("_type", new JsonString("link"));
    o.put("byproducts", sorted(link.byproducts()));
    List<JsonValue> cmd = new ArrayList<>();
    link.command().forEach(c -> cmd.add(new JsonString(c)));
    o.put("command", new JsonArray(cmd));
    o.put("environment", sorted(link.environment()));
    o.put("materials", artifacts(link.materials()));
    o.put("name", new JsonString(link.name()));
    o.put("products", artifacts(link.products()));
    return new JsonObject(o);
  }

  private static JsonObject sorted(JsonObject o) {
    return new JsonObject(new TreeMap<>(o.members()));
  }

  private static JsonObject artifacts(Map<String, Map<String, String>> a) {
    Map<String, JsonValue> out = new TreeMap<>();
    a.forEach(
        (path, hashes) -> {
          Map<String, JsonValue> h = new TreeMap<>();
          hashes.forEach((alg, hex) -> h.put(alg, new JsonString(hex)));
          out.put(path, new JsonObject(h));
        });
    return new JsonObject(out);
  }

  /** Signs {@code link} as classic metadata or a DSSE envelope; returns the file contents. */
  static Bytes sign(Link link, Signer signer, boolean dsse) throws IOException {
    JsonObject body = toJson(link);
    Bytes canonical;
    try {
      canonical = CanonicalJson.encode(body);
    } catch (SscFormatException e) {
      throw new IllegalStateException("a recorded link is always canonicalizable", e);
    }
    if (dsse) {
      byte[] pae = Pae.encode(Envelope.IN_TOTO_PAYLOAD_TYPE, canonical.toByteArray());
      Envelope env =
          Envelope.builder()
              .payloadType(Envelope.IN_TOTO_PAYLOAD_TYPE)
              .payload(canonical)
              .addSignatures(Envelope.Signature.of(signer.keyId(), Bytes.of(signer.sign(pae))))
              .build();
      return DsseCodec.encode(env);
    }
    byte[] sig = signer.sign(canonical.toByteArray());
    Map<String, JsonValue> s = new TreeMap<>();
    s.put("keyid", new JsonString(signer.keyId()));
    s.put("sig", new JsonString(LayoutKeys.hex(sig)));
    Map<String, JsonValue> top = new TreeMap<>();
    top.put("signatures", new JsonArray(List.of(new JsonObject(s))));
    top.put("signed", body);
    return Json.write(new JsonObject(top));
  }

  /**
   * Builds a {@link LinkRecorder}; step, key and working directory are required.
   *
   * <p>Not thread-safe; confine to one thread.
   */
  public static final class Builder {
    private @Nullable String step;
    private @Nullable Signer signer;
    private final List<String> materials = new ArrayList<>();
    private final List<String> products = new ArrayList<>();
    private final List<String> command = new ArrayList<>();
    private @Nullable Path workingDirectory;
    private boolean dsse;
    private CommandRunner runner = CommandRunner.processes(CommandRunner.DEFAULT_TIMEOUT);

    Builder() {}

    /** Sets the step name. */
    @CanIgnoreReturnValue
    public Builder step(String step) {
      this.step = requireNonNull(step, "step");
      return this;
    }

    /**
     * Sets the functionary key from the contents of a private key file: PKCS#8 PEM or PKCS#1 PEM
     * ({@code RSA PRIVATE KEY}) RSA keys, or a securesystemslib JSON private key (ed25519,
     * ecdsa-sha2-nistp256, rsassa-pss-sha256).
     *
     * @throws SscFormatException if the file is not such a key; the message names {@code source}
     *     and never key material
     */
    @CanIgnoreReturnValue
    public Builder key(Bytes privateKeyFile, String source) throws SscFormatException {
      requireNonNull(privateKeyFile, "privateKeyFile");
      requireNonNull(source, "source");
      this.signer = LayoutKeys.readPrivateKey(privateKeyFile, source);
      return this;
    }

    /**
     * Sets the functionary key; its {@link Signer#keyId()} must be the securesystemslib key id,
     * which names the link file.
     */
    @CanIgnoreReturnValue
    public Builder signer(Signer signer) {
      this.signer = requireNonNull(signer, "signer");
      return this;
    }

    /** Adds paths to record as materials before the command runs. */
    @CanIgnoreReturnValue
    public Builder materials(List<String> paths) {
      paths.forEach(p -> materials.add(requireNonNull(p, "path")));
      return this;
    }

    /** Adds paths to record as products after the command runs. */
    @CanIgnoreReturnValue
    public Builder products(List<String> paths) {
      paths.forEach(p -> products.add(requireNonNull(p, "path")));
      return this;
    }

    /** Sets the command to run; none means no byproducts are recorded. */
    @CanIgnoreReturnValue
    public Builder command(List<String> command) {
      this.command.clear();
      command.forEach(c -> this.command.add(requireNonNull(c, "command")));
      return this;
    }

    /** Sets the directory the command runs in and artifact paths are relative to. */
    @CanIgnoreReturnValue
    public Builder workingDirectory(Path dir) {
      this.workingDirectory = requireNonNull(dir, "dir");
      return this;
    }

    /** Writes the link as a DSSE envelope instead of classic signed metadata. */
    @CanIgnoreReturnValue
    public Builder dsse() {
      this.dsse = true;
      return this;
    }

    /**
     * Sets how long a command may run before it is killed and the run fails; default 10 seconds,
     * in-toto 1.3.1's {@code LINK_CMD_EXEC_TIMEOUT}.
     *
     * @throws IllegalArgumentException unless the timeout is positive
     */
    @CanIgnoreReturnValue
    public Builder commandTimeout(java.time.Duration timeout) {
      this.runner = CommandRunner.processes(timeout);
      return this;
    }

    @CanIgnoreReturnValue
    Builder commandRunner(CommandRunner runner) {
      this.runner = requireNonNull(runner, "runner");
      return this;
    }

    /**
     * Builds the recorder.
     *
     * @throws IllegalStateException if step, key or working directory is missing
     */
    public LinkRecorder build() {
      String s = step;
      Signer k = signer;
      Path d = workingDirectory;
      if (s == null || k == null || d == null) {
        throw new IllegalStateException("step, key and workingDirectory are required");
      }
      return new LinkRecorder(this, s, k, d);
    }
  }
}

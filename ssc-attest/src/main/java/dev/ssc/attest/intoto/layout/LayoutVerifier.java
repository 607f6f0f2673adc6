package dev.ssc.attest.intoto.layout;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Bytes;
import dev.ssc.api.Finding;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.json.JsonObject;
import dev.ssc.api.signing.Verifier;
import dev.ssc.attest.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Verifies an in-toto software supply chain against a signed layout, in the order and with the
 * semantics of in-toto 1.3.1's {@code in_toto_verify}:
 *
 * <ol>
 *   <li>every given layout key has a valid signature on the layout (classic metadata or a DSSE
 *       envelope); the signatures' key ids are hints only, each key is tried on every signature;
 *   <li>the layout has not expired ({@code expires <= now} is expired);
 *   <li>links are loaded from the link directory as {@code STEP.KEYID8.link} for each authorized
 *       functionary key id of each step; fewer files than the threshold fails;
 *   <li>links whose signature does not verify with the authorized key are skipped, then the
 *       threshold of distinct functionaries is checked;
 *   <li>a command differing from the expected command is a warning;
 *   <li>links of a step with threshold above 1 must agree on materials and products;
 *   <li>the material and product rules of every step, then (if enabled) the inspections are run in
 *       the working directory and their rules verified.
 * </ol>
 *
 * <p>Every failed check is a {@link Finding} of the returned {@link LayoutVerification}; nothing
 * throws for bad input except I/O errors. A step's link may be a sublayout, signed by the
 * functionary: it is verified recursively with that key as its layout key and the links in {@code
 * LINKDIR/STEP.KEYID8/}, and its summary link (first step's materials, last step's products) takes
 * its place. Inspections run only when {@link Builder#runInspections(Path)} was called; otherwise
 * they are skipped with a warning.
 *
 * <pre>{@code
 * LayoutVerification v = LayoutVerifier.builder()
 *     .addLayoutKey(Bytes.of(Files.readAllBytes(alicePub)), "alice.pub")
 *     .clock(InstantSource.system())
 *     .build()
 *     .verify(Path.of("root.layout"), Path.of("links"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; each verification runs inspection commands in the caller's thread.
 */
public final class LayoutVerifier {
  private final List<Verifier> layoutKeys;
  private final InstantSource clock;
  private final @Nullable Path inspectionDir;
  private final CommandRunner runner;

  private LayoutVerifier(Builder b, InstantSource clock) {
    this.layoutKeys = List.copyOf(b.layoutKeys);
    this.clock = clock;
    this.inspectionDir = b.inspectionDir;
    this.runner = b.runner;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies the layout in {@code layoutFile} with the links in {@code linkDir}.
   *
   * @throws IOException if the layout or a link file exists but cannot be read, or an inspection
   *     command cannot be started
   */
  public LayoutVerification verify(Path layoutFile, Path linkDir) throws IOException {
    requireNonNull(layoutFile, "layoutFile");
    requireNonNull(linkDir, "linkDir");
    Bytes layout;
    try {
      layout = readMetadata(layoutFile);
    } catch (SscFormatException e) {
      return deny(
          new ArrayList<>(),
          "intoto.layout.format",
          String.valueOf(e.getMessage()),
          layoutFile.toString());
    }
    return verify(layout, layoutFile.toString(), linkDir);
  }

  /**
   * Verifies the layout {@code layoutBytes} (read from {@code source}) with the links in {@code
   * linkDir}.
   *
   * @throws IOException if a link file exists but cannot be read, or an inspection command cannot
   *     be started
   */
  public LayoutVerification verify(Bytes layoutBytes, String source, Path linkDir)
      throws IOException {
    requireNonNull(layoutBytes, "layoutBytes");
    requireNonNull(source, "source");
    requireNonNull(linkDir, "linkDir");
    List<Finding> findings = new ArrayList<>();
    Metadata metadata;
    Layout layout;
    try {
      metadata = Metadata.parse(layoutBytes, source);
      layout = Layout.parse(metadata.body());
    } catch (SscFormatException e) {
      return deny(findings, "intoto.layout.format", String.valueOf(e.getMessage()), source);
    }

    Link summary = chain(metadata, layout, layoutKeys, linkDir, source, "", findings, 0);
    return summary == null ? LayoutVerification.deny(findings) : LayoutVerification.of(findings);
  }

  /**
   * in_toto_verify on a parsed layout: returns the summary link, or null after adding the failure
   * to {@code findings}.
   */
  private @Nullable Link chain(
      Metadata metadata,
      Layout layout,
      List<Verifier> keys,
      Path linkDir,
      String source,
      String stepName,
      List<Finding> findings,
      int depth)
      throws IOException {
    if (depth > MAX_SUBLAYOUT_DEPTH) {
      return fail(
          findings,
          "intoto.sublayout.depth",
          "sublayouts nested deeper than " + MAX_SUBLAYOUT_DEPTH,
          source);
    }
    // 1. Layout signatures: every given key must have signed.
    if (metadata.signatures().isEmpty()) {
      return fail(findings, "intoto.layout.unsigned", "the layout has no signatures", source);
    }
    for (Verifier key : keys) {
      if (!metadata.signedBy(key)) {
        return fail(
            findings,
            "intoto.layout.signature",
            "no valid signature on the layout by layout key " + key.keyId(),
            source);
      }
    }

    // 2. Expiry.
    Instant now = clock.instant();
    if (!layout.expires().isAfter(now)) {
      return fail(
          findings,
          "intoto.layout.expired",
          "layout expired at " + layout.expires() + " (verification time " + now + ")",
          source + "#/signed/expires");
    }

    // 3. Load links per step and authorized key id.
    Map<String, Map<String, Metadata>> loaded = new LinkedHashMap<>();
    for (Layout.Step step : layout.steps()) {
      Map<String, Metadata> perKey = new LinkedHashMap<>();
      for (String keyId : step.pubkeys()) {
        String name = linkFileName(step.name(), keyId);
        Path file = linkDir.resolve(name);
        Bytes bytes;
        try {
          bytes = readMetadata(file);
        } catch (NoSuchFileException e) {
          continue;
        } catch (SscFormatException e) {
          return fail(
              findings, "intoto.link.format", String.valueOf(e.getMessage()), file.toString());
        }
        try {
          perKey.put(keyId, Metadata.parse(bytes, file.toString()));
        } catch (SscFormatException e) {
          return fail(
              findings, "intoto.link.format", String.valueOf(e.getMessage()), file.toString());
        }
      }
      if (perKey.size() < step.threshold()) {
        return fail(
            findings,
            "intoto.link.missing",
            "step '"
                + step.name()
                + "' requires "
                + step.threshold()
                + " link metadata file(s), found "
                + perKey.size(),
            step.name());
      }
      loaded.put(step.name(), perKey);
    }

    // 4. Link signatures and the threshold of distinct authorized functionaries.
    Map<String, Map<String, Link>> chain = new LinkedHashMap<>();
    Map<String, Sublayout> sublayouts = new LinkedHashMap<>();
    for (Layout.Step step : layout.steps()) {
      Map<String, Link> verified = new LinkedHashMap<>();
      for (Map.Entry<String, Metadata> e : loaded.getOrDefault(step.name(), Map.of()).entrySet()) {
        String keyId = e.getKey();
        Metadata m = e.getValue();
        LayoutKeys.PublicKeyInfo key = layout.keys().get(keyId);
        if (key == null) {
          findings.add(
              note(
                  "intoto.link.unauthorized",
                  "skipping link: key id " + keyId + " is not in the layout's keys",
                  m.source()));
          continue;
        }
        if (!m.signedBy(key.verifier())) {
          findings.add(
              note(
                  "intoto.link.signature",
                  "skipping link: no valid signature by "
                      + keyId
                      + " for step '"
                      + step.name()
                      + "'",
                  m.source()));
          continue;
        }
        Link link;
        try {
          if (m.signed().getString("_type").filter("layout"::equals).isPresent()) {
            Layout sub = Layout.parse(m.body());
            sublayouts.put(step.name() + "\u0000" + keyId, new Sublayout(m, sub, key.verifier()));
            link =
                new Link("", List.of(), Map.of(), Map.of(), JsonObject.empty(), JsonObject.empty());
          } else {
            link = Link.parse(m.body());
            if (!link.name().equals(step.name())) {
              // in-toto 1.3.1 does not compare them either; the signature is what counts.
              findings.add(
                  Finding.builder()
                      .code("intoto.link.name-differs")
                      .level(Finding.Level.WARNING)
                      .message(
                          "link for step '" + step.name() + "' names itself '" + link.name() + "'")
                      .location(m.source())
                      .build());
            }
          }
        } catch (SscFormatException ex) {
          return fail(findings, "intoto.link.format", String.valueOf(ex.getMessage()), m.source());
        }
        verified.put(keyId, link);
      }
      if (verified.size() < step.threshold()) {
        return fail(
            findings,
            "intoto.threshold.unmet",
            "step '"
                + step.name()
                + "' requires at least "
                + step.threshold()
                + " links validly signed by different authorized functionaries, found "
                + verified.size(),
            step.name());
      }
      chain.put(step.name(), verified);
    }

    // 4b. Sublayouts: verified recursively with the functionary's key as the layout key and the
    // links in LINKDIR/STEP.KEYID8; the summary link takes the sublayout's place.
    for (Map.Entry<String, Sublayout> e : sublayouts.entrySet()) {
      String[] stepAndKey = e.getKey().split("\u0000", 2);
      Sublayout sub = e.getValue();
      Link summary =
          chain(
              sub.metadata(),
              sub.layout(),
              List.of(sub.key()),
              linkDir.resolve(
                  stepAndKey[0]
                      + "."
                      + stepAndKey[1].substring(0, Math.min(8, stepAndKey[1].length()))),
              sub.metadata().source(),
              stepAndKey[0],
              findings,
              depth + 1);
      if (summary == null) {
        return null;
      }
      Map<String, Link> perStep = chain.get(stepAndKey[0]);
      if (perStep == null) {
        throw new IllegalStateException("a sublayout's step passed the threshold check");
      }
      perStep.put(stepAndKey[1], summary);
    }

    // 5. Command alignment: a warning only.
    for (Layout.Step step : layout.steps()) {
      for (Map.Entry<String, Link> e : chain.getOrDefault(step.name(), Map.of()).entrySet()) {
        if (!e.getValue().command().equals(step.expectedCommand())) {
          findings.add(
              Finding.builder()
                  .code("intoto.command.differs")
                  .level(Finding.Level.WARNING)
                  .message(
                      "step '"
                          + step.name()
                          + "': run command "
                          + e.getValue().command()
                          + " differs from expected command "
                          + step.expectedCommand())
                  .location(linkFileName(step.name(), e.getKey()))
                  .build());
        }
      }
    }

    // 6. Threshold constraints: links of one step agree on their artifacts.
    for (Layout.Step step : layout.steps()) {
      if (step.threshold() <= 1) {
        continue;
      }
      Map<String, Link> perKey = chain.getOrDefault(step.name(), Map.of());
      Map.Entry<String, Link> reference = perKey.entrySet().iterator().next();
      for (Map.Entry<String, Link> e : perKey.entrySet()) {
        Link l = e.getValue();
        if (!reference.getValue().materials().equals(l.materials())
            || !reference.getValue().products().equals(l.products())) {
          return fail(
              findings,
              "intoto.threshold.artifacts-differ",
              "links '"
                  + linkFileName(step.name(), reference.getKey())
                  + "' and '"
                  + linkFileName(step.name(), e.getKey())
                  + "' have different artifacts",
              step.name());
        }
      }
    }

    // 7. Step rules over the reduced chain (first link per step).
    Map<String, Link> reduced = new LinkedHashMap<>();
    chain.forEach((name, perKey) -> reduced.put(name, perKey.values().iterator().next()));
    for (Layout.Step step : layout.steps()) {
      Optional<Finding> f =
          rules(step.name(), step.expectedMaterials(), step.expectedProducts(), reduced);
      if (f.isPresent()) {
        findings.add(f.get());
        return null;
      }
    }

    // 8. Inspections.
    if (layout.inspections().isEmpty()) {
      return summary(layout, reduced, stepName);
    }
    Path dir = inspectionDir;
    if (dir == null) {
      List<String> names = new ArrayList<>();
      layout.inspections().forEach(i -> names.add(i.name()));
      findings.add(
          Finding.builder()
              .code("intoto.inspection.skipped")
              .level(Finding.Level.WARNING)
              .message("inspections " + names + " were not run (not enabled)")
              .location(source)
              .build());
      return summary(layout, reduced, stepName);
    }
    Map<String, Link> combined = new LinkedHashMap<>(reduced);
    for (Layout.Inspection inspection : layout.inspections()) {
      Link link;
      try {
        link =
            LinkRecorder.record(
                inspection.name(), inspection.run(), List.of("."), List.of("."), dir, runner);
      } catch (CommandRunner.TimeoutException e) {
        return fail(
            findings,
            "intoto.inspection.failed",
            "inspection '" + inspection.name() + "': " + e.getMessage(),
            inspection.name());
      }
      int rc =
          link.byproducts().members().get("return-value") instanceof dev.ssc.api.json.JsonNumber n
              ? n.value().intValue()
              : -1;
      if (rc != 0) {
        return fail(
            findings,
            "intoto.inspection.failed",
            "inspection '"
                + inspection.name()
                + "' command "
                + inspection.run()
                + " returned "
                + rc,
            inspection.name());
      }
      combined.put(inspection.name(), link);
    }
    for (Layout.Inspection inspection : layout.inspections()) {
      Optional<Finding> f =
          rules(
              inspection.name(),
              inspection.expectedMaterials(),
              inspection.expectedProducts(),
              combined);
      if (f.isPresent()) {
        findings.add(f.get());
        return null;
      }
    }
    return summary(layout, reduced, stepName);
  }

  private static final int MAX_SUBLAYOUT_DEPTH = 8;

  /** A sublayout found as a step's link, with the functionary key that signed it. */
  private record Sublayout(Metadata metadata, Layout layout, Verifier key) {}

  /** in-toto's get_summary_link: first step's materials, last step's products and command. */
  private static Link summary(Layout layout, Map<String, Link> reduced, String name) {
    if (layout.steps().isEmpty()) {
      return new Link("", List.of(), Map.of(), Map.of(), JsonObject.empty(), JsonObject.empty());
    }
    Link first = reduced.get(layout.steps().get(0).name());
    Link last = reduced.get(layout.steps().get(layout.steps().size() - 1).name());
    if (first == null || last == null) {
      throw new IllegalStateException("every step has a link after the threshold check");
    }
    return new Link(
        name,
        last.command(),
        first.materials(),
        last.products(),
        last.byproducts(),
        JsonObject.empty());
  }

  private static @Nullable Link fail(
      List<Finding> findings, String code, String message, String location) {
    findings.add(Finding.builder().code(code).message(message).location(location).build());
    return null;
  }

  private static Optional<Finding> rules(
      String name,
      List<ArtifactRule> materials,
      List<ArtifactRule> products,
      Map<String, Link> links) {
    Optional<Finding> f = ArtifactRules.verify(name, "materials", materials, links);
    if (f.isPresent()) {
      return f;
    }
    return ArtifactRules.verify(name, "products", products, links);
  }

  /** The link file name in-toto uses: {@code STEP.KEYID8.link}. */
  static String linkFileName(String step, String keyId) {
    return step + "." + keyId.substring(0, Math.min(8, keyId.length())) + ".link";
  }

  /**
   * The bytes of a layout or link file, refused before reading when larger than the JSON parser
   * would accept: a link directory is untrusted input, and no file in it may take unbounded memory.
   */
  private static Bytes readMetadata(Path file) throws IOException, SscFormatException {
    long limit = Json.MAX_DOCUMENT_BYTES;
    long size = Files.size(file);
    if (size > limit) {
      throw new SscFormatException(
          file + ": " + size + " bytes, larger than the limit of " + limit);
    }
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) limit + 1);
      if (bytes.length > limit) {
        throw new SscFormatException(file + ": grew past the limit of " + limit + " bytes");
      }
      return Bytes.of(bytes);
    }
  }

  private static LayoutVerification deny(
      List<Finding> findings, String code, String message, String location) {
    findings.add(Finding.builder().code(code).message(message).location(location).build());
    return LayoutVerification.deny(findings);
  }

  private static Finding note(String code, String message, String location) {
    return Finding.builder()
        .code(code)
        .level(Finding.Level.NOTE)
        .message(message)
        .location(location)
        .build();
  }

  /**
   * Builds a {@link LayoutVerifier}: at least one layout key and a clock are required.
   *
   * <p>Not thread-safe; confine to one thread.
   */
  public static final class Builder {
    private final List<Verifier> layoutKeys = new ArrayList<>();
    private @Nullable InstantSource clock;
    private @Nullable Path inspectionDir;
    private CommandRunner runner = CommandRunner.processes(CommandRunner.DEFAULT_TIMEOUT);

    Builder() {}

    /**
     * Adds a layout key from the contents of a public key file: a PEM SPKI RSA key or a
     * securesystemslib JSON public key (ed25519, ecdsa-sha2-nistp256, rsassa-pss-sha256). Every
     * added key must have signed the layout.
     *
     * @throws SscFormatException if the file is not such a key; the message names {@code source}
     */
    @CanIgnoreReturnValue
    public Builder addLayoutKey(Bytes publicKeyFile, String source) throws SscFormatException {
      requireNonNull(publicKeyFile, "publicKeyFile");
      requireNonNull(source, "source");
      layoutKeys.add(LayoutKeys.readPublicKey(publicKeyFile, source).verifier());
      return this;
    }

    /** Adds a layout key; every added key must have signed the layout. */
    @CanIgnoreReturnValue
    public Builder addLayoutKey(Verifier key) {
      layoutKeys.add(requireNonNull(key, "key"));
      return this;
    }

    /** Sets the source of the verification time (layout expiry). Required. */
    @CanIgnoreReturnValue
    public Builder clock(InstantSource clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Runs the layout's inspections in {@code workingDirectory}, recording all files there as
     * materials and products, as in-toto-verify does in its current directory.
     */
    @CanIgnoreReturnValue
    public Builder runInspections(Path workingDirectory) {
      this.inspectionDir = requireNonNull(workingDirectory, "workingDirectory");
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
     * Builds the verifier.
     *
     * @throws IllegalStateException if no layout key or no clock was set
     */
    public LayoutVerifier build() {
      if (layoutKeys.isEmpty()) {
        throw new IllegalStateException("at least one layout key is required");
      }
      InstantSource c = clock;
      if (c == null) {
        throw new IllegalStateException("clock is required");
      }
      return new LayoutVerifier(this, c);
    }
  }
}

package dev.ssc.core.audit;

import static dev.ssc.core.audit.LogFiles.RECORD_OVERHEAD;
import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.Bytes;
import dev.ssc.api.SscFormatException;
import dev.ssc.api.audit.AuditEvent;
import dev.ssc.api.audit.AuditLog;
import dev.ssc.api.audit.AuditReceipt;
import dev.ssc.api.audit.Checkpoint;
import dev.ssc.api.audit.ConsistencyProof;
import dev.ssc.api.audit.InclusionProof;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestAlgorithm;
import dev.ssc.attest.tlog.CheckpointBody;
import dev.ssc.attest.tlog.CheckpointVerification;
import dev.ssc.attest.tlog.Checkpoints;
import dev.ssc.attest.tlog.MerkleTree;
import dev.ssc.attest.tlog.NoteKey;
import dev.ssc.attest.tlog.NoteSigner;
import dev.ssc.attest.tlog.ProofCheck;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link AuditLog}: an append-only RFC 9162 Merkle tree log stored in a directory, with
 * C2SP checkpoints signed by an Ed25519 note key. The storage format is in docs/formats.md, "Audit
 * log entries and storage".
 *
 * <p>Memory does not grow with the log: entries, leaf hashes and the hashes of complete subtrees
 * live in files, so that any complete subtree hash is one positioned read and a root or proof costs
 * O(log n) reads. Appends use group commit: concurrent appenders queue their entries, one of them
 * writes the whole batch and forces the entries file once, and every appender returns only after
 * that, so an acknowledged entry is durable; the derived files (index, leaves, subtree hashes) are
 * forced every {@value #SYNC_EVERY} entries, before each checkpoint and on close. No thread of its
 * own is started. Opening the log recovers from a crash: it re-derives the derived files beyond
 * their last sync from the entries, and cuts a torn tail at the first incomplete or corrupt record;
 * it never cuts an entry that was synced or that the latest stored checkpoint covers, so damage to
 * acknowledged history is left for {@link #verify()} to report.
 *
 * <p>One process at a time holds a log (a file lock). Thread-safe. Interrupting an appender closes
 * the files (a {@link FileChannel} rule); reopen the log then.
 */
public final class FileAuditLog implements AuditLog {
  /** The largest entry, in bytes. */
  public static final int MAX_ENTRY_BYTES = 1 << 24;

  /** The file holding the log's secret signer key. */
  public static final String KEY_FILE = "log.key";

  /** The file holding the log's note verifier key. */
  public static final String VERIFIER_KEY_FILE = "log.vkey";

  private static final int HASH = 32;
  private static final int MAX_BATCH_ENTRIES = 16_384;
  private static final int MAX_BATCH_BYTES = 8 << 20;
  private static final int MAX_CHECKPOINT_BYTES = 1 << 16;
  private static final int MARKER_SLOT = 16;

  /** Entries between forces of the derived files. */
  public static final long SYNC_EVERY = 1 << 16;

  private final Path dir;
  private final String origin;
  private final NoteSigner signer;
  private final NoteKey key;
  private final FileChannel entries;
  private final FileChannel index;
  private final FileChannel leaves;
  private final FileChannel checkpointFile;
  private final FileChannel marker;
  private final FileLock fileLock;

  /** Level K at K - 1; guarded by leadership for writes, appended only under {@link #lock}. */
  private final List<FileChannel> levels = new ArrayList<>();

  private final Object lock = new Object();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean leaderActive;
  private @Nullable IOException failed;

  /** Entries durable and readable. */
  private volatile long size;

  /** Leader-only state. */
  private long entriesEnd;

  private final byte[][] frontier = new byte[64][];

  /** Leader-only: the entry count up to which the derived files are durable, and the next slot. */
  private long synced;

  private int markerSlot;
  private boolean directoryDirty;

  /** Why the files are inconsistent below the latest checkpoint, found on open. */
  private final Optional<String> damage;

  private final Object checkpointLock = new Object();
  private @Nullable Checkpoint latest;
  private long checkpointsEnd;
  private boolean checkpointsTorn;

  private static final class Pending {
    final byte[] entry;
    final byte[] leaf;
    long index = -1;
    @Nullable IOException error;
    boolean done;

    Pending(byte[] entry, byte[] leaf) {
      this.entry = entry;
      this.leaf = leaf;
    }
  }

  private FileAuditLog(Builder b) throws IOException {
    this.dir = requireNonNull(b.directory, "directory");
    this.signer = requireNonNull(b.signer, "signer");
    this.origin = b.origin != null ? b.origin : signer.name();
    this.key = signer.verifierKey();
    Files.createDirectories(dir);
    entries = open("entries");
    FileLock l;
    try {
      l = entries.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      entries.close();
      throw new IOException("the audit log " + dir + " is in use by another process or instance");
    }
    fileLock = l;
    index = open("index");
    leaves = open("leaves");
    checkpointFile = open("checkpoints");
    marker = open("synced");
    for (int k = 1; k < 63 && Files.exists(dir.resolve("level-" + k)); k++) {
      levels.add(open("level-" + k));
    }
    LogFiles.fsyncDirectory(dir);
    this.damage = recover();
  }

  private FileChannel open(String name) throws IOException {
    return FileChannel.open(
        dir.resolve(name),
        StandardOpenOption.CREATE,
        StandardOpenOption.READ,
        StandardOpenOption.WRITE);
  }

  /** A builder for a log in a directory. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the key files of a new log in {@code directory} (created if missing): the signer key
   * {@value #KEY_FILE}, owner-readable only, and the verifier key {@value #VERIFIER_KEY_FILE}, each
   * written durably. The key is named {@code origin}.
   *
   * @throws IOException if a key file exists already or cannot be written
   * @throws IllegalArgumentException if {@code origin} is not a valid key name
   */
  @CanIgnoreReturnValue
  public static NoteSigner initialize(Path directory, String origin, SecureRandom random)
      throws IOException {
    requireNonNull(directory, "directory");
    NoteSigner s = NoteSigner.generate(origin, random);
    Files.createDirectories(directory);
    if (Files.exists(directory.resolve(KEY_FILE))) {
      throw new IOException("a log already exists in " + directory);
    }
    LogFiles.createDurably(
        directory.resolve(KEY_FILE), (s.signerKey() + "\n").getBytes(StandardCharsets.UTF_8), true);
    LogFiles.createDurably(
        directory.resolve(VERIFIER_KEY_FILE),
        (s.verifierKey().verifierKey() + "\n").getBytes(StandardCharsets.UTF_8),
        false);
    return s;
  }

  /**
   * Opens the log in {@code directory} with the signer key in its {@value #KEY_FILE}; the origin is
   * the key's name.
   *
   * @throws IOException if the key file is missing, malformed, or the log cannot be opened
   */
  public static FileAuditLog open(Path directory) throws IOException {
    requireNonNull(directory, "directory");
    Path keyFile = directory.resolve(KEY_FILE);
    if (!Files.exists(keyFile)) {
      throw new IOException("no audit log in " + directory + " (no " + KEY_FILE + ")");
    }
    NoteSigner s;
    try {
      s = NoteSigner.parse(Files.readString(keyFile, StandardCharsets.UTF_8).strip());
    } catch (SscFormatException e) {
      throw new IOException(keyFile + ": " + e.getMessage(), e);
    }
    return builder().directory(directory).signer(s).open();
  }

  /** Builds a {@link FileAuditLog}. Confined to one thread. */
  public static final class Builder {
    private @Nullable Path directory;
    private @Nullable NoteSigner signer;
    private @Nullable String origin;

    Builder() {}

    /** The log's directory, created if missing; required. */
    @CanIgnoreReturnValue
    public Builder directory(Path directory) {
      this.directory = requireNonNull(directory, "directory");
      return this;
    }

    /** The key that signs checkpoints; required. */
    @CanIgnoreReturnValue
    public Builder signer(NoteSigner signer) {
      this.signer = requireNonNull(signer, "signer");
      return this;
    }

    /** The checkpoint origin line; defaults to the signer's name. */
    @CanIgnoreReturnValue
    public Builder origin(String origin) {
      requireNonNull(origin, "origin");
      if (origin.isBlank() || origin.contains("\n")) {
        throw new IllegalArgumentException("origin must be one non-blank line");
      }
      this.origin = origin;
      return this;
    }

    /**
     * Opens (creating if empty) the log and recovers it from any crash.
     *
     * @throws IllegalStateException if directory or signer is missing
     * @throws IOException if the files cannot be opened or repaired, or another holder has them
     */
    public FileAuditLog open() throws IOException {
      if (directory == null || signer == null) {
        throw new IllegalStateException("FileAuditLog needs a directory and a signer");
      }
      return new FileAuditLog(this);
    }
  }

  // ---------------------------------------------------------------- recovery

  private Optional<String> recover() throws IOException {
    long cpSize = recoverCheckpoints();
    long cnt = Math.min(index.size() / 8, leaves.size() / HASH);
    long t = Math.min(readMarker(), cnt);
    for (int k = 1; k <= levels.size(); k++) {
      long have = levels.get(k - 1).size() / HASH;
      if ((t >>> k) > have) {
        t = have << k;
      }
    }
    for (int k = levels.size() + 1; k < 63 && (t >>> k) > 0; k++) {
      t = 0; // a level file is missing: re-derive everything
    }
    long entriesSize = entries.size();
    if (t > 0 && !tailValid(t, entriesSize)) {
      size = cnt;
      return Optional.of("entry " + (t - 1) + " is damaged");
    }
    long off = t == 0 ? 0 : recordEnd(t - 1);
    truncateTo(index, t * 8);
    truncateTo(leaves, t * HASH);
    for (int k = 1; k <= levels.size(); k++) {
      truncateTo(levels.get(k - 1), (t >>> k) * HASH);
    }
    Arrays.fill(frontier, null);
    for (int k = 0; k < 63; k++) {
      long count = t >>> k;
      if ((count & 1) == 1) {
        frontier[k] = LogFiles.read(level(k), (count - 1) * HASH, HASH);
      }
    }
    // Re-derive index, leaves and subtree hashes of the entries after the synced point.
    long n = t;
    List<Pending> batch = new ArrayList<>();
    long batchStart = off;
    while (true) {
      byte[] payload = LogFiles.readRecord(entries, off, entriesSize, MAX_ENTRY_BYTES);
      if (payload != null) {
        batch.add(new Pending(payload, leaf(payload)));
        off += RECORD_OVERHEAD + payload.length;
      }
      if (payload == null || batch.size() == 4096) {
        writeDerived(batch, n, batchStart);
        n += batch.size();
        batch.clear();
        batchStart = off;
      }
      if (payload == null) {
        break;
      }
    }
    if (n < cpSize) {
      size = n;
      return Optional.of(
          "the latest checkpoint covers " + cpSize + " entries but only " + n + " are intact");
    }
    truncateTo(entries, off);
    entries.force(true);
    entriesEnd = off;
    size = n;
    syncDerived(n);
    return Optional.empty();
  }

  /** Forces the derived files and records that they are durable for {@code n} entries. */
  private void syncDerived(long n) throws IOException {
    index.force(true);
    leaves.force(true);
    List<FileChannel> ls;
    synchronized (lock) {
      ls = List.copyOf(levels);
    }
    for (FileChannel ch : ls) {
      ch.force(true);
    }
    if (directoryDirty) {
      LogFiles.fsyncDirectory(dir);
      directoryDirty = false;
    }
    byte[] slot = new byte[MARKER_SLOT];
    LogFiles.putLong(slot, 0, n);
    LogFiles.putInt(slot, 8, LogFiles.crc(slot, 0, 8));
    LogFiles.write(marker, (long) markerSlot * MARKER_SLOT, slot, MARKER_SLOT);
    marker.force(true);
    markerSlot ^= 1;
    synced = n;
  }

  /** The largest entry count a valid marker slot records; 0 if none. */
  private long readMarker() throws IOException {
    long best = 0;
    int bestSlot = 1;
    for (int i = 0; i < 2; i++) {
      if (marker.size() >= (long) (i + 1) * MARKER_SLOT) {
        byte[] slot = LogFiles.read(marker, (long) i * MARKER_SLOT, MARKER_SLOT);
        long v = LogFiles.getLong(slot, 0);
        if (LogFiles.crc(slot, 0, 8) == LogFiles.getInt(slot, 8) && v >= best && v >= 0) {
          best = v;
          bestSlot = i;
        }
      }
    }
    markerSlot = bestSlot ^ 1;
    return best;
  }

  private static void truncateTo(FileChannel ch, long len) throws IOException {
    if (ch.size() > len) {
      ch.truncate(len);
    }
  }

  private long recordEnd(long i) throws IOException {
    long off = offset(i);
    return off + RECORD_OVERHEAD + (LogFiles.getInt(LogFiles.read(entries, off, 4), 0));
  }

  /** Whether entry n - 1 is complete, contiguous with entry n - 2 and matches its leaf hash. */
  private boolean tailValid(long n, long entriesSize) throws IOException {
    long off = offset(n - 1);
    byte[] payload = LogFiles.readRecord(entries, off, entriesSize, MAX_ENTRY_BYTES);
    if (payload == null) {
      return false;
    }
    if (n >= 2 && LogFiles.claimedEnd(entries, offset(n - 2), entriesSize) != off) {
      return false;
    }
    if (n == 1 && off != 0) {
      return false;
    }
    return MessageDigest.isEqual(leaf(payload), LogFiles.read(leaves, (n - 1) * HASH, HASH));
  }

  /** Scans the stored checkpoints; returns the latest size. */
  private long recoverCheckpoints() throws IOException {
    long fileSize = checkpointFile.size();
    long pos = 0;
    @Nullable Checkpoint last = null;
    while (pos < fileSize) {
      byte[] note = LogFiles.readRecord(checkpointFile, pos, fileSize, MAX_CHECKPOINT_BYTES);
      Optional<Checkpoint> cp = note == null ? Optional.empty() : openCheckpoint(note);
      if (note == null || cp.isEmpty()) {
        // A torn write or tampering: kept for verify() to report; the next checkpoint replaces it.
        checkpointsTorn = true;
        break;
      }
      last = cp.get();
      pos += RECORD_OVERHEAD + note.length;
    }
    latest = last;
    checkpointsEnd = pos;
    return last == null ? 0 : last.size();
  }

  private Optional<Checkpoint> openCheckpoint(byte[] note) {
    CheckpointVerification v = Checkpoints.open(Bytes.of(note), origin, key, List.of());
    return v.checkpoint();
  }

  // ---------------------------------------------------------------- appends

  /**
   * Appends {@code event}, encoded by {@link AuditEvents#encode} and chained to the latest stored
   * checkpoint, and returns once it is durable.
   */
  @Override
  public AuditReceipt append(AuditEvent event) throws IOException {
    requireNonNull(event, "event");
    Optional<Digest> previous;
    synchronized (checkpointLock) {
      previous =
          Optional.ofNullable(latest)
              .map(c -> Digest.of(DigestAlgorithm.SHA256, Bytes.of(sha256(c.signedNote()))));
    }
    return appendEntry(AuditEvents.encode(event, previous));
  }

  /**
   * Appends {@code entry} as it is and returns once it is durable.
   *
   * @throws IllegalArgumentException if it is longer than {@link #MAX_ENTRY_BYTES}
   * @throws IOException if it could not be made durable (then it may or may not be in the log, and
   *     the log refuses further appends until reopened), or the log is damaged
   */
  public AuditReceipt appendEntry(Bytes entry) throws IOException {
    return appendEntries(List.of(entry)).get(0);
  }

  /**
   * Appends {@code entries} in order, committed together (one force per file for all of them and
   * whatever other appenders queued meanwhile), and returns once every one is durable. Should the
   * process die meanwhile, a prefix of them may survive.
   *
   * @throws IllegalArgumentException if one is longer than {@link #MAX_ENTRY_BYTES}
   * @throws IOException as for {@link #appendEntry}
   */
  public List<AuditReceipt> appendEntries(List<Bytes> entries) throws IOException {
    requireNonNull(entries, "entries");
    List<Pending> mine = new ArrayList<>(entries.size());
    for (Bytes entry : entries) {
      requireNonNull(entry, "entry");
      if (entry.size() > MAX_ENTRY_BYTES) {
        throw new IllegalArgumentException(
            "entry has " + entry.size() + " bytes; the limit is " + MAX_ENTRY_BYTES);
      }
      byte[] bytes = entry.toByteArray();
      mine.add(new Pending(bytes, leaf(bytes)));
    }
    if (damage.isPresent()) {
      throw new IOException("the audit log is damaged, appends refused: " + damage.get());
    }
    if (mine.isEmpty()) {
      return List.of();
    }
    Pending p = mine.get(mine.size() - 1);
    boolean interrupted = false;
    synchronized (lock) {
      if (failed != null) {
        throw new IOException("the audit log failed earlier; reopen it", failed);
      }
      queue.addAll(mine);
    }
    try {
      while (true) {
        List<Pending> batch;
        synchronized (lock) {
          while (!p.done && leaderActive) {
            try {
              lock.wait();
            } catch (InterruptedException e) {
              interrupted = true;
            }
          }
          if (p.done) {
            List<AuditReceipt> out = new ArrayList<>(mine.size());
            for (Pending q : mine) {
              out.add(receipt(q));
            }
            return out;
          }
          if (failed != null) {
            queue.removeAll(mine);
            throw new IOException("the audit log failed earlier; reopen it", failed);
          }
          leaderActive = true;
          batch = drain();
        }
        IOException error = null;
        try {
          writeBatch(batch);
        } catch (IOException e) {
          error = e;
        }
        synchronized (lock) {
          for (Pending q : batch) {
            q.error = error;
            q.done = true;
          }
          if (error != null) {
            failed = error;
          }
          leaderActive = false;
          lock.notifyAll();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static AuditReceipt receipt(Pending p) throws IOException {
    if (p.error != null) {
      throw new IOException("the entry could not be made durable", p.error);
    }
    return AuditReceipt.of(p.index, Bytes.of(p.leaf));
  }

  private List<Pending> drain() {
    List<Pending> batch = new ArrayList<>();
    long bytes = 0;
    while (!queue.isEmpty() && batch.size() < MAX_BATCH_ENTRIES) {
      Pending q = queue.peek();
      if (!batch.isEmpty() && bytes + q.entry.length > MAX_BATCH_BYTES) {
        break;
      }
      queue.poll();
      batch.add(q);
      bytes += q.entry.length + RECORD_OVERHEAD;
    }
    return batch;
  }

  /**
   * Writes one batch; called by the leader only. The entries are forced at once; the derived files
   * (index, leaves, levels) every {@value #SYNC_EVERY} entries, at checkpoints and on close, after
   * which the {@code synced} marker records how far they are durable; recovery re-derives the rest
   * from the entries.
   */
  private void writeBatch(List<Pending> batch) throws IOException {
    long n0 = size;
    int entryBytes = 0;
    for (Pending q : batch) {
      entryBytes += q.entry.length + RECORD_OVERHEAD;
    }
    byte[] ebuf = new byte[entryBytes];
    int at = 0;
    for (Pending q : batch) {
      at = LogFiles.frame(q.entry, ebuf, at);
    }
    writeDerived(batch, n0, entriesEnd);
    LogFiles.write(entries, entriesEnd, ebuf, ebuf.length);
    entries.force(true);
    long n1 = n0 + batch.size();
    entriesEnd += ebuf.length;
    if (n0 / SYNC_EVERY != n1 / SYNC_EVERY) {
      syncDerived(n1);
    }
    size = n1;
  }

  /**
   * Writes the index entries, leaf hashes and new subtree hashes of {@code batch}, entries {@code
   * n0}... whose records start at {@code firstOffset}, and numbers them.
   */
  private void writeDerived(List<Pending> batch, long n0, long firstOffset) throws IOException {
    int count = batch.size();
    if (count == 0) {
      return;
    }
    byte[] ibuf = new byte[count * 8];
    byte[] lbuf = new byte[count * HASH];
    List<byte[]> levelBufs = new ArrayList<>();
    int[] levelLen = new int[64];
    long offset = firstOffset;
    long n = n0;
    for (int i = 0; i < count; i++) {
      Pending q = batch.get(i);
      LogFiles.putLong(ibuf, i * 8, offset);
      offset += q.entry.length + RECORD_OVERHEAD;
      System.arraycopy(q.leaf, 0, lbuf, i * HASH, HASH);
      byte[] h = q.leaf;
      long pos = n;
      int k = 0;
      while ((pos & 1) == 1) {
        h = node(requireNonNull(frontier[k]), h);
        frontier[k] = null;
        pos >>>= 1;
        k++;
        while (levelBufs.size() < k) {
          levelBufs.add(new byte[(int) ((count >>> levelBufs.size()) + 2) * HASH]);
        }
        System.arraycopy(h, 0, levelBufs.get(k - 1), levelLen[k], HASH);
        levelLen[k] += HASH;
      }
      frontier[k] = h;
      q.index = n;
      n++;
    }
    synchronized (lock) {
      while (levels.size() < levelBufs.size()) {
        levels.add(open("level-" + (levels.size() + 1)));
        directoryDirty = true;
      }
    }
    LogFiles.write(index, n0 * 8, ibuf, ibuf.length);
    LogFiles.write(leaves, n0 * HASH, lbuf, lbuf.length);
    for (int k = 1; k <= levelBufs.size(); k++) {
      if (levelLen[k] > 0) {
        LogFiles.write(levels.get(k - 1), (n0 >>> k) * HASH, levelBufs.get(k - 1), levelLen[k]);
      }
    }
  }

  // ---------------------------------------------------------------- reads

  @Override
  public long size() {
    return size;
  }

  /**
   * The exact bytes of the entry at {@code index}, checked against its CRC.
   *
   * @throws IndexOutOfBoundsException if there is no such entry
   * @throws IOException if the log cannot be read or the entry is damaged
   */
  @Override
  public Bytes read(long index) throws IOException {
    long n = size;
    if (index < 0 || index >= n) {
      throw new IndexOutOfBoundsException("entry " + index + " of a log of " + n);
    }
    byte[] payload = LogFiles.readRecord(entries, offset(index), entries.size(), MAX_ENTRY_BYTES);
    if (payload == null) {
      throw new IOException("entry " + index + " is damaged (bad record or CRC)");
    }
    return Bytes.of(payload);
  }

  /**
   * The entries from {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}
   * @throws IOException if the log cannot be read or an entry is damaged
   */
  public List<Bytes> read(long from, long to) throws IOException {
    long n = size;
    if (from < 0 || from > to || to > n) {
      throw new IndexOutOfBoundsException("entries " + from + ".." + to + " of a log of " + n);
    }
    List<Bytes> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(read(i));
    }
    return out;
  }

  /**
   * The leaf hash of the entry at {@code index}.
   *
   * @throws IndexOutOfBoundsException if there is no such entry
   * @throws IOException if the log cannot be read
   */
  public Bytes leafHash(long index) throws IOException {
    long n = size;
    if (index < 0 || index >= n) {
      throw new IndexOutOfBoundsException("entry " + index + " of a log of " + n);
    }
    return Bytes.of(LogFiles.read(leaves, index * HASH, HASH));
  }

  /**
   * The RFC 9162 root hash of the first {@code treeSize} entries, in O(log n) reads.
   *
   * @throws IllegalArgumentException unless {@code 0 <= treeSize <= size()}
   * @throws IOException if the log cannot be read
   */
  public Bytes rootHash(long treeSize) throws IOException {
    long n = size;
    if (treeSize < 0 || treeSize > n) {
      throw new IllegalArgumentException("need 0 <= treeSize <= " + n + ", got " + treeSize);
    }
    return treeSize == 0 ? MerkleTree.emptyRoot() : Bytes.of(range(0, treeSize));
  }

  private long offset(long i) throws IOException {
    return LogFiles.getLong(LogFiles.read(index, i * 8, 8), 0);
  }

  private FileChannel level(int k) {
    if (k == 0) {
      return leaves;
    }
    synchronized (lock) {
      return levels.get(k - 1);
    }
  }

  private byte[] subtree(int level, long j) throws IOException {
    return LogFiles.read(level(level), j * HASH, HASH);
  }

  private byte[] range(long start, long end) throws IOException {
    return TreeMath.range(this::subtree, start, end);
  }

  @Override
  public InclusionProof proveInclusion(long index, long treeSize) throws IOException {
    long n = size;
    if (index < 0 || index >= treeSize || treeSize > n) {
      throw new IllegalArgumentException(
          "need 0 <= index < treeSize <= " + n + ", got index " + index + ", treeSize " + treeSize);
    }
    List<Bytes> path = new ArrayList<>();
    TreeMath.path(this::subtree, index, 0, treeSize, path);
    return InclusionProof.builder()
        .index(index)
        .treeSize(treeSize)
        .leafHash(leafHash(index))
        .addAllHashes(path)
        .build();
  }

  @Override
  public ConsistencyProof proveConsistency(long size1, long size2) throws IOException {
    long n = size;
    if (size1 < 0 || size1 > size2 || size2 > n) {
      throw new IllegalArgumentException(
          "need 0 <= size1 <= size2 <= " + n + ", got size1 " + size1 + ", size2 " + size2);
    }
    List<Bytes> proof = new ArrayList<>();
    if (size1 > 0 && size1 < size2) {
      TreeMath.subproof(this::subtree, size1, 0, size2, true, proof);
    }
    return ConsistencyProof.of(size1, size2, proof);
  }

  // ---------------------------------------------------------------- checkpoints

  /**
   * Signs a checkpoint of the current size and stores it durably in the {@code checkpoints} file,
   * unless the latest stored one already has this size, which is then returned.
   */
  @Override
  public Checkpoint checkpoint() throws IOException {
    if (damage.isPresent()) {
      throw new IOException("the audit log is damaged, no checkpoint signed: " + damage.get());
    }
    synchronized (checkpointLock) {
      long n = size;
      Checkpoint last = latest;
      if (last != null && last.size() == n && !checkpointsTorn) {
        return last;
      }
      acquireLeadership();
      try {
        n = size;
        if (synced != n) {
          syncDerived(n);
        }
      } finally {
        releaseLeadership();
      }
      Checkpoint cp =
          Checkpoints.sign(new CheckpointBody(origin, n, rootHash(n), List.of()), signer);
      byte[] note = cp.signedNote().toByteArray();
      byte[] rec = new byte[note.length + RECORD_OVERHEAD];
      LogFiles.frame(note, rec, 0);
      LogFiles.write(checkpointFile, checkpointsEnd, rec, rec.length);
      checkpointFile.truncate(checkpointsEnd + rec.length);
      checkpointFile.force(true);
      checkpointsEnd += rec.length;
      checkpointsTorn = false;
      latest = cp;
      return cp;
    }
  }

  /** The latest stored checkpoint, if any. */
  public Optional<Checkpoint> latestCheckpoint() {
    synchronized (checkpointLock) {
      return Optional.ofNullable(latest);
    }
  }

  /** The log's note verifier key. */
  public NoteKey verifierKey() {
    return key;
  }

  /** The log's origin. */
  public String origin() {
    return origin;
  }

  /**
   * Every stored checkpoint that opens with the log's key, oldest first. Its memory grows with the
   * number of checkpoints, not of entries.
   *
   * @throws IOException if the file cannot be read
   */
  public List<Checkpoint> checkpoints() throws IOException {
    List<Checkpoint> out = new ArrayList<>();
    long end;
    synchronized (checkpointLock) {
      end = checkpointsEnd;
    }
    long pos = 0;
    while (pos < end) {
      byte[] note = LogFiles.readRecord(checkpointFile, pos, end, MAX_CHECKPOINT_BYTES);
      if (note == null) {
        break;
      }
      openCheckpoint(note).ifPresent(out::add);
      pos += RECORD_OVERHEAD + note.length;
    }
    return out;
  }

  /**
   * Checks that the log's current tree extends {@code earlier}, a checkpoint signed by this log:
   * its signature, then a consistency proof from its size to the current size, verified with {@link
   * MerkleTree}.
   *
   * @throws IOException if the log cannot be read
   */
  public LogVerification checkConsistency(Checkpoint earlier) throws IOException {
    requireNonNull(earlier, "earlier");
    long n = size;
    CheckpointVerification opened = Checkpoints.open(earlier.signedNote(), origin, key, List.of());
    if (!opened.isValid()) {
      return LogVerification.bad(
          n, 0, "the checkpoint does not open: " + opened.failure().orElse(""));
    }
    Checkpoint cp = opened.checkpoint().orElseThrow();
    if (cp.size() > n) {
      return LogVerification.bad(
          n, n, "the checkpoint has " + cp.size() + " entries but the log only " + n);
    }
    Bytes root = rootHash(n);
    if (cp.size() == 0) {
      return cp.rootHash().equals(MerkleTree.emptyRoot())
          ? LogVerification.intact(n)
          : LogVerification.bad(n, 0, "an empty checkpoint with a non-empty root");
    }
    ConsistencyProof proof = proveConsistency(cp.size(), n);
    ProofCheck check =
        MerkleTree.verifyConsistency(cp.size(), n, proof.hashes(), cp.rootHash(), root);
    return check.isValid()
        ? LogVerification.intact(n)
        : LogVerification.bad(
            n,
            0,
            "the log is not consistent with its checkpoint of size "
                + cp.size()
                + ": "
                + check.failure().orElse(""));
  }

  // ---------------------------------------------------------------- verify

  /**
   * Recomputes the whole log, streaming, in memory O(log n): every record's framing and CRC, its
   * offset in {@code index}, its leaf hash in {@code leaves}, every complete subtree hash in the
   * level files, the file lengths, every stored checkpoint's signature, and each checkpoint's root
   * against the recomputed tree. Appends wait meanwhile.
   *
   * @throws IOException if the log cannot be read
   */
  public LogVerification verify() throws IOException {
    acquireLeadership();
    try {
      return verifyExclusive();
    } finally {
      releaseLeadership();
    }
  }

  /** Waits until no batch is being written and keeps others from writing one. */
  private void acquireLeadership() {
    boolean interrupted = false;
    synchronized (lock) {
      while (leaderActive) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      leaderActive = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void releaseLeadership() {
    synchronized (lock) {
      leaderActive = false;
      lock.notifyAll();
    }
  }

  private LogVerification verifyExclusive() throws IOException {
    long n = size;
    // 1. Checkpoints: framing and signatures.
    long cpFileSize = checkpointFile.size();
    long pos = 0;
    long prevSize = 0;
    int k = 0;
    while (pos < cpFileSize) {
      byte[] note = LogFiles.readRecord(checkpointFile, pos, cpFileSize, MAX_CHECKPOINT_BYTES);
      if (note == null) {
        return LogVerification.bad(n, prevSize, "stored checkpoint " + k + " is damaged");
      }
      CheckpointVerification v = Checkpoints.open(Bytes.of(note), origin, key, List.of());
      if (!v.isValid()) {
        return LogVerification.bad(
            n, prevSize, "stored checkpoint " + k + " does not verify: " + v.failure().orElse(""));
      }
      long s = v.checkpoint().orElseThrow().size();
      if (s < prevSize) {
        return LogVerification.bad(
            n, s, "stored checkpoint " + k + " has size " + s + ", below an earlier " + prevSize);
      }
      if (s > n) {
        return LogVerification.bad(
            n, n, "stored checkpoint " + k + " covers " + s + " entries but the log holds " + n);
      }
      prevSize = s;
      pos += RECORD_OVERHEAD + note.length;
      k++;
    }
    // 2. Entries, index, leaves, levels.
    SeqReader ent = new SeqReader(entries, 0);
    SeqReader idx = new SeqReader(index, 0);
    SeqReader lvs = new SeqReader(leaves, 0);
    List<SeqReader> lvl = new ArrayList<>();
    for (int j = 1; j <= levels.size(); j++) {
      lvl.add(new SeqReader(levels.get(j - 1), 0));
    }
    long entriesSize = entries.size();
    if (index.size() != n * 8) {
      long bad = Math.min(n, index.size() / 8);
      return LogVerification.bad(
          n, bad, "the index holds " + index.size() + " bytes, not " + n * 8);
    }
    if (leaves.size() != n * HASH) {
      long bad = Math.min(n, leaves.size() / HASH);
      return LogVerification.bad(
          n, bad, "the leaves file holds " + leaves.size() + " bytes, not " + n * HASH);
    }
    byte[][] stack = new byte[64][];
    long off = 0;
    byte[] head = new byte[4];
    for (long i = 0; i < n; i++) {
      long stored = LogFiles.getLong(idx.next(8), 0);
      if (stored != off) {
        return LogVerification.bad(
            n, i, "entry " + i + " is indexed at " + stored + ", not at " + off);
      }
      if (off + RECORD_OVERHEAD > entriesSize) {
        return LogVerification.bad(n, i, "entry " + i + " is cut off");
      }
      head = ent.next(4);
      long len = LogFiles.getInt(head, 0) & 0xffffffffL;
      if (len > MAX_ENTRY_BYTES || off + RECORD_OVERHEAD + len > entriesSize) {
        return LogVerification.bad(n, i, "entry " + i + " has an impossible length " + len);
      }
      byte[] payload = ent.next((int) len);
      byte[] crc = ent.next(4);
      byte[] framed = new byte[4 + (int) len];
      System.arraycopy(head, 0, framed, 0, 4);
      System.arraycopy(payload, 0, framed, 4, (int) len);
      if (LogFiles.crc(framed, 0, framed.length) != LogFiles.getInt(crc, 0)) {
        return LogVerification.bad(n, i, "entry " + i + " fails its CRC32C");
      }
      byte[] h = leaf(payload);
      if (!MessageDigest.isEqual(h, lvs.next(HASH))) {
        return LogVerification.bad(n, i, "the stored leaf hash of entry " + i + " is wrong");
      }
      long p = i;
      int level = 0;
      while ((p & 1) == 1) {
        h = node(requireNonNull(stack[level]), h);
        stack[level] = null;
        p >>>= 1;
        level++;
        if (level > lvl.size()) {
          return LogVerification.bad(n, (p << level), "the file level-" + level + " is missing");
        }
        if (!MessageDigest.isEqual(h, lvl.get(level - 1).next(HASH))) {
          return LogVerification.bad(
              n, p << level, "subtree hash " + p + " in level-" + level + " is wrong");
        }
      }
      stack[level] = h;
      off += RECORD_OVERHEAD + len;
    }
    if (entriesSize != off) {
      return LogVerification.bad(
          n, n, "the entries file has " + (entriesSize - off) + " bytes after the last entry");
    }
    for (int j = 1; j <= levels.size(); j++) {
      long want = (n >>> j) * HASH;
      if (levels.get(j - 1).size() != want) {
        return LogVerification.bad(
            n,
            Math.min(n, (levels.get(j - 1).size() / HASH) << j),
            "level-" + j + " holds " + levels.get(j - 1).size() + " bytes, not " + want);
      }
    }
    // 3. Every stored checkpoint's root against the recomputed tree.
    pos = 0;
    prevSize = 0;
    k = 0;
    while (pos < cpFileSize) {
      byte[] note =
          requireNonNull(
              LogFiles.readRecord(checkpointFile, pos, cpFileSize, MAX_CHECKPOINT_BYTES));
      Checkpoint cp = openCheckpoint(note).orElseThrow();
      if (!cp.rootHash().equals(rootHash(cp.size()))) {
        return LogVerification.bad(
            n,
            prevSize,
            "the first "
                + cp.size()
                + " entries do not match stored checkpoint "
                + k
                + " (root hash differs)");
      }
      prevSize = cp.size();
      pos += RECORD_OVERHEAD + note.length;
      k++;
    }
    if (damage.isPresent()) {
      return LogVerification.bad(n, n, damage.get());
    }
    return LogVerification.intact(n);
  }

  /** Buffered sequential reading by positioned reads. Confined. */
  private static final class SeqReader {
    private static final int CHUNK = 1 << 16;
    private final FileChannel ch;
    private long pos;
    private byte[] buf = new byte[0];
    private int at;

    SeqReader(FileChannel ch, long pos) {
      this.ch = ch;
      this.pos = pos;
    }

    byte[] next(int len) throws IOException {
      byte[] out = new byte[len];
      int done = 0;
      while (done < len) {
        if (at == buf.length) {
          long remaining = ch.size() - pos;
          int want = (int) Math.min(CHUNK, Math.max(remaining, 0));
          if (want == 0) {
            throw new IOException("unexpected end of file");
          }
          buf = LogFiles.read(ch, pos, want);
          pos += want;
          at = 0;
        }
        int take = Math.min(len - done, buf.length - at);
        System.arraycopy(buf, at, out, done, take);
        at += take;
        done += take;
      }
      return out;
    }
  }

  /** Makes the derived files durable and closes the files; appends in flight fail. */
  @Override
  public void close() throws IOException {
    IOException first = null;
    acquireLeadership();
    try {
      boolean healthy;
      synchronized (lock) {
        healthy = failed == null;
      }
      if (healthy && damage.isEmpty() && synced != size && entries.isOpen()) {
        syncDerived(size);
      }
    } catch (IOException e) {
      first = e;
    } finally {
      releaseLeadership();
    }
    for (FileChannel ch : allChannels()) {
      try {
        if (ch == entries && fileLock.isValid()) {
          fileLock.release();
        }
        ch.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private List<FileChannel> allChannels() {
    List<FileChannel> all =
        new ArrayList<>(List.of(entries, index, leaves, checkpointFile, marker));
    synchronized (lock) {
      all.addAll(levels);
    }
    return all;
  }

  /** The log's directory and size. */
  @Override
  public String toString() {
    return "FileAuditLog[" + dir + ", " + size + " entries]";
  }

  // ---------------------------------------------------------------- hashing

  private static byte[] leaf(byte[] entry) {
    return TreeMath.leaf(entry);
  }

  private static byte[] node(byte[] left, byte[] right) {
    return TreeMath.node(left, right);
  }

  private static byte[] sha256(Bytes b) {
    return TreeMath.sha256(b);
  }
}

package dev.ssc.core.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Bytes;
import dev.ssc.api.digest.Digest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class InMemoryEvidenceStoreTest {
  @Test
  void storesUnderTheSha256OfTheBytes() {
    InMemoryEvidenceStore store = InMemoryEvidenceStore.create();
    Digest id = store.put(Bytes.utf8("test"));
    assertEquals(
        Digest.sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), id);
    assertEquals(Bytes.utf8("test"), store.get(id).orElseThrow());
  }

  @Test
  void unknownIdsAreAbsent() {
    InMemoryEvidenceStore store = InMemoryEvidenceStore.create();
    Digest id = Digest.sha256("0".repeat(64));
    assertFalse(store.contains(id));
    assertTrue(store.get(id).isEmpty());
  }

  @Property(tries = 200)
  void storingTwiceIsIdempotent(@ForAll byte[] content) {
    InMemoryEvidenceStore store = InMemoryEvidenceStore.create();
    Digest first = store.put(Bytes.of(content));
    Digest second = store.put(Bytes.of(content));
    assertEquals(first, second);
    assertEquals(1, store.ids().size());
    assertEquals(Bytes.of(content), store.get(first).orElseThrow());
  }
}

package dev.ssc.api.audit;

import dev.ssc.api.Bytes;
import java.util.List;

/** Checks shared by the proof types. */
final class ProofChecks {
  private ProofChecks() {}

  static void hashes(List<String> problems, String attribute, List<Bytes> hashes) {
    for (int i = 0; i < hashes.size(); i++) {
      if (hashes.get(i).size() != 32) {
        problems.add(attribute + "[" + i + "] must be 32 bytes, got " + hashes.get(i).size());
      }
    }
  }
}

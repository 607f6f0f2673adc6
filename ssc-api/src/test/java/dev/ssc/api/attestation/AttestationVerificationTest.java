package dev.ssc.api.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssc.api.Finding;
import dev.ssc.api.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttestationVerificationTest {
  private static final Finding FAILURE =
      Finding.of("dsse.signature.untrusted-key", "no trusted key verified signature 0");
  private static final Finding WARNING =
      Finding.builder()
          .code("dsse.signature.unknown-key-id")
          .message("signature 1 names an unknown key id")
          .level(Finding.Level.WARNING)
          .build();
  private static final Finding NOTE =
      Finding.builder()
          .code("dsse.check.skipped")
          .message("skipped")
          .level(Finding.Level.NOTE)
          .build();

  private static VerifiedAttestation attestation() {
    return VerifiedAttestationTest.verified(StatementTest.about(StatementTest.APP), "key-1");
  }

  @Test
  void aVerifiedAttestationAllows() {
    VerifiedAttestation attestation = attestation();

    AttestationVerification result = AttestationVerification.verified(attestation, List.of());

    assertEquals(Verdict.ALLOW, result.verdict());
    assertTrue(result.verdict().isAllowed());
    assertEquals(Optional.of(attestation), result.attestation());
    assertEquals(List.of(), result.findings());
  }

  @Test
  void aVerifiedAttestationMayCarryWarningsAndNotes() {
    AttestationVerification result =
        AttestationVerification.verified(attestation(), List.of(WARNING, NOTE));

    assertEquals(Verdict.ALLOW, result.verdict());
    assertEquals(List.of(WARNING, NOTE), result.findings());
  }

  @Test
  void aVerifiedAttestationMustNotCarryAFailure() {
    VerifiedAttestation attestation = attestation();

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AttestationVerification.verified(attestation, List.of(WARNING, FAILURE)));

    assertTrue(e.getMessage().contains("FAILURE"), e.getMessage());
  }

  @Test
  void aFailureDenies() {
    AttestationVerification result = AttestationVerification.failed(List.of(WARNING, FAILURE));

    assertEquals(Verdict.DENY, result.verdict());
    assertEquals(Optional.empty(), result.attestation());
    assertEquals(List.of(WARNING, FAILURE), result.findings());
  }

  @Test
  void aFailedVerificationMustSayWhy() {
    assertThrows(IllegalArgumentException.class, () -> AttestationVerification.failed(List.of()));
  }

  @Test
  void warningsAloneDoNotMakeAFailure() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AttestationVerification.failed(List.of(WARNING, NOTE)));

    assertTrue(e.getMessage().contains("at least one FAILURE"), e.getMessage());
  }
}

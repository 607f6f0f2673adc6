package dev.ssc.policy;

import dev.ssc.api.SscFormatException;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.attest.predicate.CodeReview;
import dev.ssc.attest.predicate.ReviewApproval;
import dev.ssc.attest.predicate.SlsaProvenance;
import dev.ssc.attest.predicate.SlsaVerificationSummary;
import dev.ssc.attest.predicate.VulnerabilityScan;
import java.time.Instant;
import java.util.Optional;

/** The time an attestation's predicate records for itself, used to judge its age. */
final class AttestationTimes {
  private AttestationTimes() {}

  static Optional<Instant> of(VerifiedAttestation a) {
    try {
      switch (a.predicateType()) {
        case SlsaProvenance.URI:
          {
            SlsaProvenance p =
                SlsaProvenance.PREDICATE.decode(a.statement().predicate(), "provenance");
            return p.finishedOn().or(p::startedOn);
          }
        case VulnerabilityScan.URI:
          return Optional.of(
              VulnerabilityScan.PREDICATE
                  .decode(a.statement().predicate(), "scan")
                  .scanFinishedOn());
        case SlsaVerificationSummary.URI:
          return Optional.of(
              SlsaVerificationSummary.PREDICATE
                  .decode(a.statement().predicate(), "vsa")
                  .timeVerified());
        case CodeReview.URI:
          return CodeReview.PREDICATE
              .decode(a.statement().predicate(), "review")
              .approvals()
              .stream()
              .map(ReviewApproval::time)
              .max(Instant::compareTo);
        default:
          return Optional.empty();
      }
    } catch (SscFormatException e) {
      return Optional.empty();
    }
  }
}

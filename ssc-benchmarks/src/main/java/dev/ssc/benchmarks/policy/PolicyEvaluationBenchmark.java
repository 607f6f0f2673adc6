package dev.ssc.benchmarks.policy;

import dev.ssc.api.Verdict;
import dev.ssc.api.attestation.VerifiedAttestation;
import dev.ssc.api.policy.Decision;
import dev.ssc.api.policy.PolicyInput;
import dev.ssc.attest.CachingAttestationVerifier;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decisions of the example organization's production policy (11 rules over 7 pieces of evidence) on
 * one thread.
 *
 * <ul>
 *   <li>{@code evaluatePreVerified}: {@code policy.evaluate(input)} over verified evidence, the
 *       issue's target (at least 100k decisions/s);
 *   <li>{@code baselineScanEvidence}: the floor: for each of the 11 rules, one pass over the
 *       evidence comparing predicate type and subject digest, which any engine must do;
 *   <li>{@code reevaluateWithCachedVerification}: verify the 7 envelopes through a warm {@link
 *       CachingAttestationVerifier}, build the input and decide: re-evaluation does not re-verify;
 *   <li>{@code reevaluateVerifyingAgain}: the same with a plain DSSE verifier, which checks the 7
 *       Ed25519 signatures every time.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyEvaluationBenchmark {
  private static final int RULES = 11;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  private AcmeCase acme;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  private PolicyInput input;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  private List<VerifiedAttestation> evidence;

  @SuppressWarnings("NullAway.Init") // set in setUp()
  private CachingAttestationVerifier cached;

  /** Loads the policy and verifies the evidence once. */
  @Setup
  public void setUp() throws Exception {
    acme = new AcmeCase();
    evidence = acme.verify(acme.verifier);
    input = acme.input(evidence);
    Decision d = acme.policy.evaluate(input);
    if (d.verdict() != Verdict.ALLOW) {
      throw new IllegalStateException("the benchmark case must be allowed: " + d);
    }
    cached = CachingAttestationVerifier.of(acme.verifier, 1024);
    acme.verify(cached);
  }

  /** One decision over pre-verified evidence. */
  @Benchmark
  public Decision evaluatePreVerified() {
    return acme.policy.evaluate(input);
  }

  /** The floor: each rule's unavoidable scan of the evidence. */
  @Benchmark
  public void baselineScanEvidence(Blackhole bh) {
    for (int r = 0; r < RULES; r++) {
      for (VerifiedAttestation a : evidence) {
        bh.consume(a.predicateType().hashCode() == r && a.isAbout(input.subject()));
      }
    }
  }

  /** Verification from the cache, then a decision. */
  @Benchmark
  public Decision reevaluateWithCachedVerification() {
    return acme.policy.evaluate(acme.input(acme.verify(cached)));
  }

  /** Verification of every signature again, then a decision. */
  @Benchmark
  public Decision reevaluateVerifyingAgain() {
    return acme.policy.evaluate(acme.input(acme.verify(acme.verifier)));
  }
}

package dev.ssc.benchmarks.attest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each benchmark measures work that succeeds: a benchmark of a failing path measures nothing. */
class DsseVerifyBenchmarkTest {
  @ParameterizedTest
  @ValueSource(strings = {"ED25519", "ECDSA_P256_SHA256", "ECDSA_P384_SHA384", "RSA_PSS_SHA256"})
  void bothSidesVerify(String algorithm) throws Exception {
    DsseVerifyBenchmark b = new DsseVerifyBenchmark();
    b.algorithm = algorithm;
    b.setUp();

    assertTrue(b.verifyEnvelope());
    assertTrue(b.verifyDsse());
    assertTrue(b.rawSignature());
  }
}

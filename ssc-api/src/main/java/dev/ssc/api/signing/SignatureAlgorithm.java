package dev.ssc.api.signing;

/** The signature algorithms ssc signs and verifies with. */
public enum SignatureAlgorithm {
  /** Ed25519 (RFC 8032). */
  ED25519,
  /** ECDSA on NIST P-256 with SHA-256. */
  ECDSA_P256_SHA256,
  /** ECDSA on NIST P-384 with SHA-384. */
  ECDSA_P384_SHA384,
  /** RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt. */
  RSA_PSS_SHA256,
  /** RSASSA-PKCS1-v1_5 with SHA-256. */
  RSA_PKCS1_SHA256
}

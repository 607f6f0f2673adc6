#!/usr/bin/env bash
# Runs the physical baselines (openssl) and ssc's JMH benchmarks in one sitting on this machine and
# writes the tables of docs/performance.md to ssc-benchmarks/target/results/report.md.
# Extra arguments go to JMH, e.g. a benchmark name pattern or "-f 1 -wi 1 -i 3" for a quicker run.
# Run it on a quiet machine: anything else running skews every ratio.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
out=ssc-benchmarks/target/results
./mvnw -q -B -pl ssc-benchmarks -am package -DskipTests -Dquick -Djacoco.skip=true
mkdir -p "$out"
{ uname -a; nproc; java -version 2>&1; openssl version; date -u; } > "$out/machine.txt"
openssl speed -mr -seconds "${OPENSSL_SECONDS:-5}" ed25519 ecdsap256 ecdsap384 rsa3072 > "$out/openssl-speed.txt" 2>/dev/null
java -jar ssc-benchmarks/target/benchmarks.jar -rf json -rff "$out/jmh.json" "$@"
java -cp ssc-benchmarks/target/benchmarks.jar dev.ssc.benchmarks.Report \
  "$out/openssl-speed.txt" "$out/jmh.json" > "$out/report.md"
cat "$out/machine.txt" "$out/report.md"

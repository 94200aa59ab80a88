#!/usr/bin/env bash
# Fuzzes every reader of user files (the *FuzzTest classes of regen-core: IDX images and labels,
# NPY, the image decoder, mask images, model files) for SECONDS each, from SEED, and prints for
# each target the inputs tried, how many were refused as they should be, and every kind of
# failure. The test suite runs the same targets for 1.5 s each from seed 0. Failing inputs are
# saved under regen-core/target/fuzz-failures/TARGET/ for regression tests.
#
# Usage: bench/fuzz.sh [SECONDS] [SEED]     (defaults: 60 s per target, a seed from the clock)
set -euo pipefail
cd "$(dirname "$0")/.."
each="${1:-60}"
seed="${2:-$(date +%s)}"
log=regen-core/target/fuzz.log
mkdir -p regen-core/target
echo "fuzzing each target for $each s from seed $seed (log: $log)" >&2
status=0
./mvnw -q -B -pl regen-core test -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dregen.fuzz.seconds="$each" -Dregen.fuzz.seed="$seed" >"$log" 2>&1 || status=$?
grep -a '^fuzz ' "$log" || true
if [ "$status" -ne 0 ] && ! grep -aq ' failure: ' "$log"; then
  echo "the fuzz run failed before fuzzing; see $log" >&2
fi
exit "$status"

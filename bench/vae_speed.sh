#!/usr/bin/env bash
# Regen against the PyTorch reference (bench/reference_vae.py): the same conv VAE (Bernoulli
# likelihood, 16 latents, width 32) on the same data, batch and thread count, runs alternated A/B
# so that machine noise hits both. DATA is Fashion-MNIST's IDX folder (28x28x1) or an image folder
# with train/ and test/ (DIR/emoji/google of bench/install_data.sh: 64x64x3). Prints the table of
# bench/speed_table.py: images/s, their ratio, test -ELBO, peak memory (and resident memory by
# epoch), the share of Regen's training time spent waiting for data, each side's minor page faults,
# and the fraction of the machine's fp32 matmul ceiling that Regen's training reaches. First it
# prints which BLAS each side loads; the reference runs on OpenBLAS's OpenMP build or not at all
# (bench/reference_bench.sh).
#
# Needs: Debian's dataset-fashion-mnist, python3-torch and libopenblas0-openmp
#   (apt-get install dataset-fashion-mnist python3-torch libopenblas0-openmp)
# Usage: [SAME_ALLOCATOR=1] bench/vae_speed.sh [EPOCHS=3] [THREADS=2] [ROUNDS=2] [DATA=/usr/share/datasets/fashion-mnist]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EPOCHS=${1:-3}
THREADS=${2:-2}
ROUNDS=${3:-2}
DATA=${4:-/usr/share/datasets/fashion-mnist}
source "$ROOT/bench/reference_bench.sh"

for round in $(seq 1 "$ROUNDS"); do
  /usr/bin/time -f "%M %R" -o "$WORK/regen-$round.usage" "$ROOT/regen" train --data "$DATA" --epochs "$EPOCHS" \
    --threads "$THREADS" --batch 128 --out "$WORK/run-$round" >"$WORK/regen-$round.log" 2>&1
  cp "$WORK/run-$round/metrics.jsonl" "$WORK/regen-$round.jsonl"
  rm -rf "$WORK/run-$round"
  reference /usr/bin/time -f "%M %R" -o "$WORK/torch-$round.usage" "$PY" "$ROOT/bench/reference_vae.py" \
    --data "$DATA" --epochs "$EPOCHS" --threads "$THREADS" >"$WORK/torch-$round.jsonl"
done
"$PY" "$ROOT/bench/speed_table.py" "$WORK" "$ROUNDS" \
  "$(java -cp "$ROOT/regen-cli/target/lib/*" "$ROOT/bench/MatmulCeiling.java" "$THREADS")"

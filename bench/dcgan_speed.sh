#!/usr/bin/env bash
# Regen's dcgan against the PyTorch reference (bench/reference_dcgan.py): the same networks (64
# latents, width 32), the same data, batch and threads, runs alternated A/B. DATA is Fashion-MNIST's
# IDX folder (28x28x1) or an image folder with train/ (DIR/emoji/google: 64x64x3). Prints which BLAS
# each side loads (the reference runs on OpenBLAS's OpenMP build or not at all:
# bench/reference_bench.sh), then bench/speed_table.py's table: images/s, their ratio, peak and
# per-epoch memory, and the share of the fp32 matmul ceiling.
# Needs Debian's dataset-fashion-mnist, python3-torch and libopenblas0-openmp.
# ./regen tunes glibc's allocator (etc/allocator.sh); the reference runs with the system's
# defaults, as users run it, unless SAME_ALLOCATOR=1 gives it the same settings.
# Usage: [SAME_ALLOCATOR=1] bench/dcgan_speed.sh [EPOCHS=2] [THREADS=2] [ROUNDS=2] [DATA=/usr/share/datasets/fashion-mnist]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EPOCHS=${1:-2}
THREADS=${2:-2}
ROUNDS=${3:-2}
DATA=${4:-/usr/share/datasets/fashion-mnist}
source "$ROOT/bench/reference_bench.sh"
for round in $(seq 1 "$ROUNDS"); do
  /usr/bin/time -f "%M %R" -o "$WORK/regen-$round.usage" "$ROOT/regen" train --data "$DATA" --model dcgan \
    --latent 64 --width 32 --epochs "$EPOCHS" --threads "$THREADS" --batch 128 --out "$WORK/run-$round" \
    >"$WORK/regen-$round.log" 2>&1
  cp "$WORK/run-$round/metrics.jsonl" "$WORK/regen-$round.jsonl"
  rm -rf "$WORK/run-$round"
  reference /usr/bin/time -f "%M %R" -o "$WORK/torch-$round.usage" "$PY" "$ROOT/bench/reference_dcgan.py" \
    --data "$DATA" --epochs "$EPOCHS" --threads "$THREADS" >"$WORK/torch-$round.jsonl"
done
"$PY" "$ROOT/bench/speed_table.py" "$WORK" "$ROUNDS" \
  "$(java -cp "$ROOT/regen-cli/target/lib/*" "$ROOT/bench/MatmulCeiling.java" "$THREADS")"

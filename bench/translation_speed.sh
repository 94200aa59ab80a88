#!/usr/bin/env bash
# Regen's pix2pix or cyclegan against the PyTorch reference (bench/reference_translation.py): the
# same networks, data, batch, width and threads, runs alternated A/B. DATA and TARGET are image
# folders with train/ (by default the emoji sample that ships in data/: Noto and Twemoji, 400
# pairs at 64x64x3). Prints which BLAS each side loads (bench/reference_bench.sh), then
# bench/speed_table.py's table: items/s (a pair, or an image of each domain), their ratio, peak and
# per-epoch memory, and the share of the fp32 matmul ceiling.
# Needs Debian's python3-torch, python3-pil and libopenblas0-openmp.
# Usage: bench/translation_speed.sh [MODEL=pix2pix] [EPOCHS=3] [THREADS=2] [ROUNDS=2] [WIDTH=32] [BATCH=8]
#        [DATA=data/emoji/google] [TARGET=data/emoji/twitter]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODEL=${1:-pix2pix}
EPOCHS=${2:-3}
THREADS=${3:-2}
ROUNDS=${4:-2}
WIDTH=${5:-32}
BATCH=${6:-8}
DATA=${7:-$ROOT/data/emoji/google}
TARGET=${8:-$ROOT/data/emoji/twitter}
source "$ROOT/bench/reference_bench.sh"
for round in $(seq 1 "$ROUNDS"); do
  /usr/bin/time -f "%M %R" -o "$WORK/regen-$round.usage" "$ROOT/regen" train --model "$MODEL" --data "$DATA" \
    --target "$TARGET" --width "$WIDTH" --batch "$BATCH" --epochs "$EPOCHS" --threads "$THREADS" \
    --out "$WORK/run-$round" >"$WORK/regen-$round.log" 2>&1
  cp "$WORK/run-$round/metrics.jsonl" "$WORK/regen-$round.jsonl"
  rm -rf "$WORK/run-$round"
  reference /usr/bin/time -f "%M %R" -o "$WORK/torch-$round.usage" "$PY" "$ROOT/bench/reference_translation.py" \
    --model "$MODEL" --data "$DATA" --target "$TARGET" --width "$WIDTH" --batch "$BATCH" --epochs "$EPOCHS" \
    --threads "$THREADS" >"$WORK/torch-$round.jsonl"
done
"$PY" "$ROOT/bench/speed_table.py" "$WORK" "$ROUNDS" \
  "$(java -cp "$ROOT/regen-cli/target/lib/*" "$ROOT/bench/MatmulCeiling.java" "$THREADS")"

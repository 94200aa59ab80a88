#!/usr/bin/env bash
# Implementation check of Regen's dcgan against the PyTorch reference of the same networks
# (bench/reference_dcgan.py): for each seed both train on the same data for the same epochs, write
# the same number of samples, and `regen score` compares each set with the same real test images
# on the same feature classifier. Prints the Frechet distance per seed and the means; Regen's mean
# should be no worse than the reference's.
# Usage: bench/dcgan_reference_quality.sh DATA TEST CLASSIFIER [EPOCHS=1] [WIDTH=32] [SEEDS="1 2 3"] [N=10000]
#   Fashion-MNIST: DATA=TEST=/usr/share/datasets/fashion-mnist, CLASSIFIER from bench/generation_quality.sh
#   emoji:         DATA=DIR/emoji/google TEST=DIR/emoji/google/test N=359, CLASSIFIER from bench/emoji_classifier.sh
# Needs Debian's python3-torch and libopenblas0-openmp (bench/reference_bench.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA=${1:?usage: bench/dcgan_reference_quality.sh DATA TEST CLASSIFIER [EPOCHS] [WIDTH] [SEEDS] [N]}
TEST=${2:?test images}
CLASSIFIER=${3:?classifier model}
EPOCHS=${4:-1}
WIDTH=${5:-32}
SEEDS=${6:-"1 2 3"}
N=${7:-10000}
THREADS=2
source "$ROOT/bench/reference_bench.sh"
frechet() { "$ROOT/regen" score "$1" --classifier "$CLASSIFIER" --data "$TEST" --n "$N" | awk '/^Frechet/ {print $2}'; }
printf '%5s %10s %10s\n' seed regen pytorch
for seed in $SEEDS; do
  "$ROOT/regen" train --data "$DATA" --model dcgan --width "$WIDTH" --epochs "$EPOCHS" --seed "$seed" \
    --threads "$THREADS" --out "$WORK/regen-$seed" > "$WORK/regen-$seed.log" 2>&1
  reference "$PY" "$ROOT/bench/reference_dcgan.py" --data "$DATA" --width "$WIDTH" --epochs "$EPOCHS" \
    --seed "$seed" --threads "$THREADS" --samples "$WORK/torch-$seed.npy" --n "$N" > "$WORK/torch-$seed.jsonl"
  printf '%5s %10s %10s\n' "$seed" "$(frechet "$WORK/regen-$seed/model.regen")" "$(frechet "$WORK/torch-$seed.npy")"
done | tee "$WORK/table"
awk '{r += $2; t += $3; n++} END {printf " mean %10.3f %10.3f\n", r / n, t / n}' "$WORK/table"

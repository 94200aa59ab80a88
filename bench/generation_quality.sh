#!/usr/bin/env bash
# Trains the feature classifier and every generative model on full Fashion-MNIST with the same
# budget, then scores each against the 10,000 test images. Writes a table and sample grids to OUT.
# Needs Debian's dataset-fashion-mnist.
# Usage: bench/generation_quality.sh [EPOCHS=5] [OUT=runs/quality] [MODELS="conv-vae dcgan wgan-gp dcgan-conditional"]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EPOCHS=${1:-5}
OUT=${2:-runs/quality}
MODELS=${3:-"conv-vae dcgan wgan-gp dcgan-conditional"}
DATA=/usr/share/datasets/fashion-mnist
mkdir -p "$OUT"
[ -f "$OUT/classifier/model.regen" ] ||
  "$ROOT/regen" train-classifier --data "$DATA" --epochs 10 --out "$OUT/classifier" > "$OUT/classifier.txt"
for name in $MODELS; do
  model=${name%-conditional}
  extra=()
  [ "$name" != "$model" ] && extra=(--conditional)
  [ -f "$OUT/$name/model.regen" ] ||
    "$ROOT/regen" train --data "$DATA" --model "$model" "${extra[@]}" --epochs "$EPOCHS" --out "$OUT/$name" \
      > "$OUT/$name.txt" 2>&1
  "$ROOT/regen" score "$OUT/$name/model.regen" --classifier "$OUT/classifier/model.regen" --data "$DATA" \
    --n 10000 > "$OUT/$name.score"
done
grep "test accuracy" "$OUT/classifier.txt"
printf '%-20s %10s %10s %10s %8s %8s %s\n' model Frechet KID precision recall seconds "label accuracy"
for name in $MODELS; do
  s="$OUT/$name.score"
  labels=$(awk '/^label/ {printf "%s ", $4}' "$s")
  printf '%-20s %10s %10s %10s %8s %8s %s\n' "$name" "$(awk '/^Frechet/ {print $2}' "$s")" \
    "$(awk '/^KID/ {print $2}' "$s")" "$(awk '/^precision/ {print $2}' "$s")" "$(awk '/^recall/ {print $2}' "$s")" \
    "$(awk '/^epochs/ {print $6}' "$OUT/$name.txt")" "$labels"
done

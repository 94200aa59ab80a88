#!/usr/bin/env bash
# Sketch to image, as pix2pix's edges-to-shoes: `regen sketch` writes N Fashion-MNIST images per
# split with their Canny edges, pix2pix trains on the training pairs (edges -> images), and
# `regen eval-translate` scores the held-out translations against the true images (PSNR, SSIM),
# beside the sketch itself, a per-pixel colour mapping and the blurred-edge fill, both fitted on the
# training pairs. MODEL=cyclegan trains unpaired instead, on the sketches of the first half of the
# training images and the images of the second half, so that it sees no pair.
# Usage: bench/fashion_sketches.sh [DATA=/usr/share/datasets/fashion-mnist] [OUT=runs/sketches] [EPOCHS=5]
#        [N=10000] [TRAIN_OPTIONS="--width 32 --batch 16"] [MODEL=pix2pix]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA=${1:-/usr/share/datasets/fashion-mnist}
OUT=${2:-runs/sketches}
EPOCHS=${3:-5}
N=${4:-10000}
read -r -a TRAIN_OPTIONS <<< "${5:---width 32 --batch 16}"
MODEL=${6:-pix2pix}
[ -d "$OUT/pairs" ] || "$ROOT/regen" sketch --input "$DATA" --n "$N" --out "$OUT/pairs"
run="$OUT/$MODEL"
data="$OUT/pairs"
if [ "$MODEL" = cyclegan ]; then
  data="$OUT/halves"
  if [ ! -d "$data" ]; then
    mapfile -t names < <(ls "$OUT/pairs/edges/train")
    half=$(( ${#names[@]} / 2 ))
    mkdir -p "$data/edges/train" "$data/images/train"
    for ((i = 0; i < ${#names[@]}; i++)); do
      if (( i < half )); then kind=edges; else kind=images; fi
      ln -s "$(realpath "$OUT/pairs/$kind/train/${names[i]}")" "$data/$kind/train/${names[i]}"
    done
    for kind in edges images; do
      mkdir -p "$data/$kind/test"
      ln -s "$(realpath "$OUT/pairs/$kind/test")"/*.png "$data/$kind/test/"
    done
  fi
fi
[ -f "$run/model.regen" ] || "$ROOT/regen" train --model "$MODEL" --data "$data/edges" \
  --target "$data/images" "${TRAIN_OPTIONS[@]}" --epochs "$EPOCHS" --out "$run" > "$run.txt" 2>&1
grep "epochs \|test pairs\|test images" "$run.txt"
"$ROOT/regen" eval-translate "$run/model.regen" --input "$OUT/pairs/edges/test" --target "$OUT/pairs/images/test" \
  --fit-input "$OUT/pairs/edges/train" --fit-target "$OUT/pairs/images/train" --sketch-fill

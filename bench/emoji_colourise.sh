#!/usr/bin/env bash
# Colourisation of the Noto emoji, held out by base emoji: pix2pix learns grey -> colour on the
# training split (--input-channels 1, the same folder as data and target), and `regen
# eval-translate` scores the held-out colourisations against the true colour images (PSNR, SSIM),
# beside the grey image itself and a per-pixel colour mapping fitted on the training pairs (grey
# level to mean colour). Emoji come from bench/install_data.sh DIR.
# Usage: bench/emoji_colourise.sh [DIR=/tmp/datasets] [OUT=runs/translation] [EPOCHS=15]
#        [TRAIN_OPTIONS="--width 32 --batch 8"]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR=${1:-/tmp/datasets}
OUT=${2:-runs/translation}
EPOCHS=${3:-15}
read -r -a TRAIN_OPTIONS <<< "${4:---width 32 --batch 8}"
"$ROOT/bench/emoji_flat.sh" "$DIR" "$OUT"
run="$OUT/pix2pix-colourise"
[ -f "$run/model.regen" ] || "$ROOT/regen" train --model pix2pix --data "$DIR/emoji/google" \
  --target "$DIR/emoji/google" --input-channels 1 "${TRAIN_OPTIONS[@]}" --epochs "$EPOCHS" --out "$run" \
  > "$run.txt" 2>&1
grep "epochs \|test pairs" "$run.txt"
"$ROOT/regen" eval-translate "$run/model.regen" --input "$OUT/flat/google/test" --target "$OUT/flat/google/test" \
  --fit-input "$OUT/flat/google/train" --fit-target "$OUT/flat/google/train"

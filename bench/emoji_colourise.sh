#!/usr/bin/env bash
# Colourisation of the Noto emoji, held out by base emoji, and scored by `regen eval-translate`
# against the true colour images (PSNR, SSIM), beside the grey image itself and a per-pixel colour
# mapping fitted on the training pairs (grey level to mean colour).
# - pix2pix learns grey -> colour from pairs: the training split as both data and target, read grey
#   on the input side (--input-channels 1).
# - cyclegan learns it without pairs: the first half of the training emoji (by name) read grey, the
#   second half in colour, so that it never sees both forms of one emoji.
# Emoji come from bench/install_data.sh DIR.
# Usage: bench/emoji_colourise.sh [DIR=/tmp/datasets] [OUT=runs/translation] [EPOCHS=15] [MODEL=pix2pix]
#        [TRAIN_OPTIONS="--width 32 --batch 8" for pix2pix, "--width 16 --batch 4" for cyclegan]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR=${1:-/tmp/datasets}
OUT=${2:-runs/translation}
EPOCHS=${3:-15}
MODEL=${4:-pix2pix}
case "$MODEL" in
  pix2pix) defaults="--width 32 --batch 8" ;;
  cyclegan) defaults="--width 16 --batch 4" ;;
  *) echo "MODEL must be pix2pix or cyclegan, not $MODEL" >&2; exit 1 ;;
esac
read -r -a TRAIN_OPTIONS <<< "${5:-$defaults}"
"$ROOT/bench/emoji_flat.sh" "$DIR" "$OUT"
run="$OUT/$MODEL-colourise"
if [ "$MODEL" = pix2pix ]; then
  data="$DIR/emoji/google"
  target="$DIR/emoji/google"
else
  data="$OUT/colour-halves/grey"
  target="$OUT/colour-halves/colour"
  if [ ! -d "$OUT/colour-halves" ]; then
    mapfile -t names < <(ls "$OUT/flat/google/train")
    half=$(( ${#names[@]} / 2 ))
    mkdir -p "$data/train" "$target/train"
    for ((i = 0; i < ${#names[@]}; i++)); do
      if (( i < half )); then side=$data; else side=$target; fi
      cp -P "$OUT/flat/google/train/${names[i]}" "$side/train/"
    done
    cp -rP "$OUT/flat/google/test" "$data/test"
    cp -rP "$OUT/flat/google/test" "$target/test"
  fi
fi
[ -f "$run/model.regen" ] || "$ROOT/regen" train --model "$MODEL" --data "$data" --target "$target" \
  --input-channels 1 "${TRAIN_OPTIONS[@]}" --epochs "$EPOCHS" --out "$run" > "$run.txt" 2>&1
grep "epochs \|test pairs\|test images" "$run.txt"
"$ROOT/regen" eval-translate "$run/model.regen" --input "$OUT/flat/google/test" --target "$OUT/flat/google/test" \
  --fit-input "$OUT/flat/google/train" --fit-target "$OUT/flat/google/train"

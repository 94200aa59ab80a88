#!/usr/bin/env bash
# Style transfer between the two emoji designs without pairs: CycleGAN trains on the first half of
# the Noto training emoji (by name) and the second half of the Twemoji ones, so that it never sees
# both designs of one emoji; `regen eval-translate` then scores both directions on the held-out
# emoji against their true counterparts (PSNR, SSIM), beside the input itself and a per-pixel
# colour mapping fitted on the training pairs (which CycleGAN does not get). Emoji come from
# bench/install_data.sh DIR.
# Usage: bench/emoji_cyclegan.sh [DIR=/tmp/datasets] [OUT=runs/translation] [EPOCHS=10]
#        [TRAIN_OPTIONS="--width 16 --batch 4"]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR=${1:-/tmp/datasets}
OUT=${2:-runs/translation}
EPOCHS=${3:-10}
read -r -a TRAIN_OPTIONS <<< "${4:---width 16 --batch 4}"
EMOJI="$DIR/emoji"

"$ROOT/bench/emoji_flat.sh" "$DIR" "$OUT"
# halves/DESIGN/train: Noto's first half of the training emoji by name, Twemoji's second half.
if [ ! -d "$OUT/halves" ]; then
  mapfile -t names < <(ls "$OUT/flat/google/train")
  half=$(( ${#names[@]} / 2 ))
  mkdir -p "$OUT/halves/google/train" "$OUT/halves/twitter/train"
  for ((i = 0; i < ${#names[@]}; i++)); do
    if (( i < half )); then design=google; else design=twitter; fi
    cp -P "$OUT/flat/$design/train/${names[i]}" "$OUT/halves/$design/train/"
  done
  cp -rP "$OUT/flat/google/test" "$OUT/halves/google/test"
  cp -rP "$OUT/flat/twitter/test" "$OUT/halves/twitter/test"
fi
run="$OUT/cyclegan-google-twitter"
[ -f "$run/model.regen" ] || "$ROOT/regen" train --model cyclegan --data "$OUT/halves/google" \
  --target "$OUT/halves/twitter" "${TRAIN_OPTIONS[@]}" --epochs "$EPOCHS" --out "$run" > "$run.txt" 2>&1
grep "training cyclegan\|epochs \|test images" "$run.txt"
"$ROOT/regen" eval-translate "$run/model.regen" --input "$OUT/flat/google/test" --target "$OUT/flat/twitter/test" \
  --fit-input "$OUT/flat/google/train" --fit-target "$OUT/flat/twitter/train"
"$ROOT/regen" eval-translate "$run/model.regen" --direction b2a --input "$OUT/flat/twitter/test" \
  --target "$OUT/flat/google/test" --fit-input "$OUT/flat/twitter/train" --fit-target "$OUT/flat/google/train"

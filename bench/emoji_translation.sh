#!/usr/bin/env bash
# Style transfer between the two emoji designs, held out by base emoji: pix2pix trains on the pairs
# of the training split (Noto -> Twemoji, and with BACK=1 also Twemoji -> Noto), then
# `regen eval-translate` scores the held-out translations against their true counterparts (PSNR,
# SSIM), beside the input itself and a per-pixel colour mapping fitted on the training pairs; with a
# CLASSIFIER (bench/emoji_classifier.sh's) also the Frechet distance of the translations, and of the
# inputs themselves, to the real held-out emoji of the target design. With SEEDS above 1 it also
# trains the same model with seeds 2..SEEDS (in RUN-seedS) and scores them alone and, with
# `--ensemble`, the mean of all their translations.
# Emoji come from bench/install_data.sh DIR.
# Usage: bench/emoji_translation.sh [DIR=/tmp/datasets] [OUT=runs/translation] [EPOCHS=15]
#        [TRAIN_OPTIONS="--width 32 --batch 8"] [BACK=0] [CLASSIFIER=""] [SEEDS=1]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR=${1:-/tmp/datasets}
OUT=${2:-runs/translation}
EPOCHS=${3:-15}
read -r -a TRAIN_OPTIONS <<< "${4:---width 32 --batch 8}"
BACK=${5:-0}
CLASSIFIER=${6:-}
SEEDS=${7:-1}
EMOJI="$DIR/emoji"

"$ROOT/bench/emoji_flat.sh" "$DIR" "$OUT"
pairs="google:twitter"
[ "$BACK" = 1 ] && pairs="$pairs twitter:google"
for pair in $pairs; do
  from=${pair%%:*}
  to=${pair##*:}
  run="$OUT/pix2pix-$from-to-$to"
  ensemble=()
  for seed in $(seq 1 "$SEEDS"); do
    member="$run"
    [ "$seed" = 1 ] || member="$run-seed$seed"
    [ -f "$member/model.regen" ] || "$ROOT/regen" train --model pix2pix --data "$EMOJI/$from" --target "$EMOJI/$to" \
      "${TRAIN_OPTIONS[@]}" --epochs "$EPOCHS" --seed "$seed" --out "$member" > "$member.txt" 2>&1
    grep "epochs \|test pairs" "$member.txt"
    [ "$seed" = 1 ] || { ensemble+=(--ensemble "$member/model.regen");
      "$ROOT/regen" eval-translate "$member/model.regen" --input "$OUT/flat/$from/test" \
        --target "$OUT/flat/$to/test" | tail -2; }
  done
  "$ROOT/regen" eval-translate "$run/model.regen" "${ensemble[@]}" --input "$OUT/flat/$from/test" \
    --target "$OUT/flat/$to/test" --fit-input "$OUT/flat/$from/train" --fit-target "$OUT/flat/$to/train"
  if [ -n "$CLASSIFIER" ]; then
    rm -rf "$run-translated"
    "$ROOT/regen" translate "$run/model.regen" "${ensemble[@]}" --input "$OUT/flat/$from/test" --out "$run-translated" |
      head -1
    for images in "$run-translated" "$OUT/flat/$from/test"; do
      echo "Frechet of $images to $to's held-out emoji:"
      "$ROOT/regen" score "$images" --classifier "$CLASSIFIER" --data "$OUT/flat/$to/test" --n 359 | grep -i frechet
    done
  fi
done

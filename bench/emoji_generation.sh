#!/usr/bin/env bash
# Generation quality on colour images: trains each generator on the Noto emoji's training split
# (3,422 images, 64x64x3, data from bench/install_data.sh DIR) for the same number of epochs and
# scores it against the 359 held-out test emoji on the feature classifier of
# bench/emoji_classifier.sh (both designs, 9 categories): Frechet, KID, precision, recall and the
# memorisation ratio, the same number of generated images (359) for every row. Sample grids are
# copied to OUT/grids. Rows: NAME:MODEL[:OPTION+OPTION...], options joined by '+'; a row's own
# --epochs=N replaces EPOCHS (to compare widths at the same training time).
# Usage: bench/emoji_generation.sh DIR [EPOCHS=20] [OUT=runs/emoji-generation] [ROWS...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR=${1:?usage: bench/emoji_generation.sh DIR [EPOCHS] [OUT] [ROWS...]}
EPOCHS=${2:-20}
OUT=${3:-runs/emoji-generation}
shift $(( $# < 3 ? $# : 3 ))
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(conv-vae:conv-vae:--likelihood=logistic
  conditional-vae:conv-vae:--likelihood=logistic+--conditional
  dcgan:dcgan dcgan-diffaugment:dcgan:--diff-augment=color,translation,cutout
  sngan:sngan sngan-diffaugment:sngan:--diff-augment=color,translation,cutout
  wgan-gp:wgan-gp wgan-gp-diffaugment:wgan-gp:--diff-augment=color,translation,cutout
  vae-gan:vae-gan)
DATA="$DIR/emoji/google"
[ -d "$DATA/train" ] || { echo "needs the emoji data: run bench/install_data.sh $DIR first" >&2; exit 1; }
mkdir -p "$OUT/grids"
[ -f "$OUT/classifier/model.regen" ] ||
  "$ROOT/bench/emoji_classifier.sh" "$DIR" 10 "$OUT/classifier" > "$OUT/classifier.txt"
for row in "${ROWS[@]}"; do
  IFS=: read -r name model options <<< "$row"
  IFS=+ read -r -a extra <<< "${options:-}"
  [[ "${options:-}" == *--epochs=* ]] || extra+=(--epochs "$EPOCHS")
  if [ ! -f "$OUT/$name/model.regen" ]; then
    "$ROOT/regen" train --data "$DATA" --model "$model" "${extra[@]}" --out "$OUT/$name" \
      > "$OUT/$name.txt" 2>&1
  fi
  "$ROOT/regen" score "$OUT/$name/model.regen" --classifier "$OUT/classifier/model.regen" \
    --data "$DATA/test" --train "$DATA/train" --n 359 > "$OUT/$name.score"
  cp "$OUT/$name/samples.png" "$OUT/grids/$name.png"
done
grep "test accuracy" "$OUT/classifier.txt" || true
printf '%-22s %9s %9s %9s %7s %12s %8s\n' row Frechet KID precision recall memorisation seconds
for row in "${ROWS[@]}"; do
  name=${row%%:*}
  s="$OUT/$name.score"
  printf '%-22s %9s %9s %9s %7s %12s %8s\n' "$name" "$(awk '/^Frechet/ {print $2}' "$s")" \
    "$(awk '/^KID/ {print $2}' "$s")" "$(awk '/^precision/ {print $2}' "$s")" "$(awk '/^recall/ {print $2}' "$s")" \
    "$(awk '/^memorisation/ {print $2}' "$s")" "$(awk '/^epochs/ {print $6}' "$OUT/$name/summary.txt")"
done

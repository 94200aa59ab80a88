#!/usr/bin/env bash
# Attribute editing against a ground truth: the emoji that come in five skin tones. A model trained
# on the Google design's training split (a conv VAE unless TRAIN_OPTIONS say otherwise) finds the
# tone direction in the codes of its training emoji of tones FROM and TO (one class folder each; a
# GAN's codes by inverting its generator, INVERSION its options), then edits each held-out tone-FROM
# emoji to tone TO; every edit is compared with the real tone-TO emoji (PSNR, SSIM), beside the
# unedited image and a per-pixel colour mapping fitted on the training pairs. Emoji come from
# bench/install_data.sh DIR.
# Usage: bench/emoji_tone_edit.sh [DIR=/tmp/datasets] [OUT=runs/tone-edit] [EPOCHS=20] [FROM=1] [TO=4]
#        [AMOUNTS="1"] [NAME=vae] [TRAIN_OPTIONS="--likelihood logistic --latent 64"] [INVERSION=""]
# e.g. bench/emoji_tone_edit.sh /tmp/datasets /tmp/tone 20 1 4 "0.5 1 1.5" dcgan "--model dcgan"
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR=${1:-/tmp/datasets}
OUT=${2:-runs/tone-edit}
EPOCHS=${3:-20}
FROM=${4:-1}
TO=${5:-4}
AMOUNTS=${6:-1}
NAME=${7:-vae}
read -r -a TRAIN_OPTIONS <<< "${8:---likelihood logistic --latent 64}"
read -r -a INVERSION <<< "${9:-}"
MODEL="$OUT/$NAME/model.regen"
EMOJI="$DIR/emoji/google"
TONES=(1f3fb 1f3fc 1f3fd 1f3fe 1f3ff)   # Fitzpatrick types 1-2, 3, 4, 5, 6 as Unicode's tones 1 to 5

# tones/SPLIT/toneN: the emoji whose every skin-tone modifier is tone N; pairs/SPLIT/{from,to}: the
# tone-FROM emoji and its tone-TO counterpart under one name.
if [ ! -d "$OUT/tones" ]; then
  for split in train test; do
    for n in 1 2 3 4 5; do mkdir -p "$OUT/tones/$split/tone$n"; done
    mkdir -p "$OUT/pairs/$split/from" "$OUT/pairs/$split/to"
    for file in "$EMOJI/$split"/*/*.png; do
      name=$(basename "$file" .png)
      found=$(grep -o '1f3f[b-f]' <<< "$name" | sort -u || true)
      [ "$(wc -w <<< "$found")" = 1 ] || continue
      for n in 1 2 3 4 5; do
        [ "$found" = "${TONES[n - 1]}" ] && ln -s "$file" "$OUT/tones/$split/tone$n/$name.png"
      done
      if [ "$found" = "${TONES[FROM - 1]}" ]; then
        twin="$(dirname "$file")/${name//${TONES[FROM - 1]}/${TONES[TO - 1]}}.png"
        if [ -f "$twin" ]; then
          ln -s "$file" "$OUT/pairs/$split/from/$name.png"
          ln -s "$twin" "$OUT/pairs/$split/to/$name.png"
        fi
      fi
    done
  done
fi
TWO="$OUT/tones-$FROM-$TO"
if [ ! -d "$TWO" ]; then
  for n in "$FROM" "$TO"; do
    mkdir -p "$TWO/tone$n"
    cp -P "$OUT/tones/train/tone$n"/*.png "$TWO/tone$n/"
  done
fi
echo "tone-$FROM emoji with a tone-$TO twin: $(ls "$OUT/pairs/train/from" | wc -l) training, $(ls "$OUT/pairs/test/from" | wc -l) held out"
[ -f "$MODEL" ] ||
  "$ROOT/regen" train --data "$EMOJI" "${TRAIN_OPTIONS[@]}" --epochs "$EPOCHS" --out "$OUT/$NAME" > "$OUT/$NAME.txt" 2>&1
grep "test -ELBO\|last epoch" "$OUT/$NAME.txt" | tail -1 || true
"$ROOT/regen" attributes "$MODEL" --data "$TWO" "${INVERSION[@]}" | head -1
for amount in $AMOUNTS; do
  "$ROOT/regen" eval-edit "$MODEL" --input "$OUT/pairs/test/from" --target "$OUT/pairs/test/to" \
    --direction "tone$FROM-to-tone$TO" --amount "$amount" "${INVERSION[@]}" \
    --fit-input "$OUT/pairs/train/from" --fit-target "$OUT/pairs/train/to"
done
"$ROOT/regen" edit "$MODEL" --input "$OUT/pairs/test/from" --direction "tone$FROM-to-tone$TO" "${INVERSION[@]}" \
  --strip 0,0.5,1,1.5 --out "$OUT/strips-$NAME" | tail -1

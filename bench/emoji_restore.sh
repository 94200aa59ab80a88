#!/usr/bin/env bash
# Colour restoration on the held-out Noto emoji (64x64x3, data from bench/install_data.sh DIR)
# against OpenCV's colour baselines (non-local means for colour, Telea and Navier-Stokes inpainting
# per channel, bicubic upscaling): Gaussian noise 0.2, a missing 24x24 centre box, 2x and 4x
# downsampling, scored by PSNR/SSIM on the first N test images. CLEAN is a conv VAE trained on the
# clean training split (bench/emoji_generation.sh's conv-vae); with EPOCHS > 0 a VAE is also trained
# for each task (damaged inputs, clean targets) with LATENT latents and scored beside it. Tables and
# side-by-side PNGs go to OUT.
# Usage: bench/emoji_restore.sh DIR CLEAN [EPOCHS=0] [OUT=runs/emoji-restore] [N=359] [STEPS=200] [LATENT=16]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR=${1:?usage: bench/emoji_restore.sh DIR CLEAN [EPOCHS] [OUT] [N] [STEPS]}
CLEAN=${2:?a conv VAE trained on the clean emoji}
EPOCHS=${3:-0}
OUT=${4:-runs/emoji-restore}
N=${5:-359}
STEPS=${6:-200}
LATENT=${7:-16}
DATA="$DIR/emoji/google"
mkdir -p "$OUT"
score() { # model, corruption, methods, table name
  "$ROOT/regen" eval-restore "$1" --data "$DATA/test" --corruption "$2" --n "$N" --steps "$STEPS" \
    --methods "$3" --out "$OUT/$4.png" > "$OUT/$4.txt"
  echo "== $4"
  cat "$OUT/$4.txt"
}
tasks=("noise:0.2 denoise" "box:24 inpaint" "down:2 superres" "down:4 superres")
for t in "${tasks[@]}"; do
  read -r corruption task <<< "$t"
  name=${corruption/:/-}
  score "$CLEAN" "$corruption" projection,optimisation "$name-clean"
  if [ "$EPOCHS" -gt 0 ]; then
    [ -f "$OUT/$name/model.regen" ] ||
      "$ROOT/regen" train --data "$DATA" --likelihood logistic --task "$task" --corruption "$corruption" \
        --epochs "$EPOCHS" --latent "$LATENT" --out "$OUT/$name" > "$OUT/$name.txt" 2>&1
    score "$OUT/$name/model.regen" "$corruption" projection "$name-$task"
  fi
done

#!/usr/bin/env bash
# Restoration against classical methods on full Fashion-MNIST: trains a conv VAE on clean images and
# one each for denoising (latent 32, three times the epochs) and inpainting (damaged inputs, clean
# targets), then scores every method by
# PSNR/SSIM on the first N test images for Gaussian noise 0.3, a missing 14x14 centre box and 2x
# downsampling. Writes tables and side-by-side PNGs to OUT. Needs Debian's dataset-fashion-mnist.
# Usage: bench/restore_quality.sh [EPOCHS=5] [OUT=runs/restore] [N=500] [STEPS=200]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EPOCHS=${1:-5}
OUT=${2:-runs/restore}
N=${3:-500}
STEPS=${4:-200}
DATA=/usr/share/datasets/fashion-mnist
mkdir -p "$OUT"
train() { # name, epochs, extra options
  local name=$1 epochs=$2; shift 2
  [ -f "$OUT/$name/model.regen" ] ||
    "$ROOT/regen" train --data "$DATA" --epochs "$epochs" --out "$OUT/$name" "$@" > "$OUT/$name.txt" 2>&1
}
train clean "$EPOCHS"
train denoise $((3 * EPOCHS)) --task denoise --latent 32
train inpaint "$EPOCHS" --task inpaint
score() { # model, corruption, methods, table name
  "$ROOT/regen" eval-restore "$OUT/$1/model.regen" --data "$DATA" --corruption "$2" --n "$N" --steps "$STEPS" \
    --methods "$3" --out "$OUT/$4.png" > "$OUT/$4.txt"
  cat "$OUT/$4.txt"
}
score clean noise:0.3 projection,optimisation noise-clean
score denoise noise:0.3 projection,posterior noise-denoise
score clean box:14 projection,optimisation box-clean
score inpaint box:14 projection,optimisation box-inpaint
score clean down:2 projection,optimisation down-clean

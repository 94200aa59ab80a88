#!/usr/bin/env bash
# The binarized-MNIST likelihood table (Burda et al. 2015, Table 1): trains Burda et al.'s MLP VAE
# (784-200-200-50, tanh, ELBO) and Regen's default conv VAE (ELBO, latent 32, Adam 2e-3, a learned
# prior of 500 Gaussians) on dynamically binarized MNIST with a cosine schedule, then estimates
# each one's negative log-likelihood with K importance samples on the test images (one seeded
# binarization). Prints training seconds and evaluation seconds beside the nats. Install the data
# first: bench/install_data.sh DIR.
# Cost on 2 cores: the MLP trains 3.5 to 6 s an epoch and its K=5000 estimate on all 10,000 test
# images takes 8 to 9 minutes; the conv VAE trains 13 to 31 s an epoch and the same estimate takes
# 31 to 95 minutes (pass a LIMIT to estimate on the first test images only).
# Usage: bench/binarized_mnist.sh [DATA=datasets/mnist] [OUT=runs/mnist] [MLP_EPOCHS=1000]
#        [CONV_EPOCHS=215] [K=5000] [LIMIT=10000]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA=${1:-datasets/mnist}
OUT=${2:-runs/mnist}
MLP_EPOCHS=${3:-1000}
CONV_EPOCHS=${4:-215}
K=${5:-5000}
LIMIT=${6:-10000}
mkdir -p "$OUT"
# Runs a command with its standard output in LOG and its progress and errors in LOG.err; on
# failure shows the end of both and stops the script.
logged() {
  local log=$1; shift
  if ! "$@" > "$log" 2> "$log.err"; then
    echo "failed: $*" >&2
    tail -n 20 "$log" "$log.err" >&2
    exit 1
  fi
}
train() {
  local name=$1; shift
  [ -f "$OUT/$name/model.regen" ] || logged "$OUT/$name.train.txt" "$ROOT/regen" train --data "$DATA" \
    --binarize --lr-schedule cosine --out "$OUT/$name" "$@"
}
train mlp-vae --model mlp-vae --width 200 --latent 50 --batch 100 --epochs "$MLP_EPOCHS"
train conv-vae --latent 32 --lr 2e-3 --prior-components 500 --epochs "$CONV_EPOCHS"
printf '%-12s %8s %14s %10s %10s\n' model epochs "train seconds" "NLL nats" "eval s"
for name in mlp-vae conv-vae; do
  start=$(date +%s)
  logged "$OUT/$name.eval.txt" "$ROOT/regen" eval "$OUT/$name/model.regen" --data "$DATA" \
    --samples "$K" --limit "$LIMIT"
  seconds=$(( $(date +%s) - start ))
  printf '%-12s %8s %14s %10s %10s\n' "$name" "$(awk '/^epochs/ {print $2}' "$OUT/$name/summary.txt")" \
    "$(awk '/^epochs/ {for (i = 1; i < NF; i++) if ($(i + 1) == "s,") print $i}' "$OUT/$name/summary.txt")" \
    "$(awk '/^NLL/ {print $3}' "$OUT/$name.eval.txt")" "$seconds"
done

#!/usr/bin/env bash
# The tied conv VAE (--tied: the decoder's transposed convolutions reuse the encoder's weights)
# against the untied one on full Fashion-MNIST, the same epochs and seeds, runs alternating: test
# -ELBO, the last epoch's images/s and the size of the weights in the model file.
# Usage: bench/tied_vae.sh [EPOCHS=10] [OUT=runs/tied] [SEEDS="1 2"] [OPTIONS="--latent 16"]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EPOCHS=${1:-10}
OUT=${2:-runs/tied}
SEEDS=${3:-1 2}
read -r -a OPTIONS <<< "${4:---latent 16}"
DATA=/usr/share/datasets/fashion-mnist
mkdir -p "$OUT"
printf "%-8s %-5s %10s %12s %14s\n" model seed "test -ELBO" "images/s" "weights bytes"
for seed in $SEEDS; do
  for variant in untied tied; do
    run="$OUT/$variant-s$seed"
    flag=(); [ "$variant" = tied ] && flag=(--tied)
    [ -f "$run/model.regen" ] ||
      "$ROOT/regen" train --data "$DATA" "${OPTIONS[@]}" "${flag[@]}" --epochs "$EPOCHS" --seed "$seed" \
        --out "$run" > "$run.txt" 2>&1
    elbo=$(sed -n 's/^test -ELBO *\([0-9.]*\).*/\1/p' "$run.txt")
    speed=$(sed -n 's/.*, \([0-9]*\) images\/s in the last epoch.*/\1/p' "$run.txt")
    bytes=$("$ROOT/regen" info "$run/model.regen" | sed -n 's/^entry weights.pt *\([0-9,]*\) bytes/\1/p')
    printf "%-8s %-5s %10s %12s %14s\n" "$variant" "$seed" "$elbo" "$speed" "$bytes"
  done
done

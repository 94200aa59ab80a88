#!/usr/bin/env bash
# Data augmentation with generated images, measured as papers do: on 100 real Fashion-MNIST
# training images per class (a seeded draw), a classifier trained on them alone, and on them plus
# SYN synthetic images from a conditional generator trained on the same 1,000 images; test accuracy
# on all 10,000 test images, for each of the seeds. Also the Classification Accuracy Score (Ravuri
# and Vinyals 2019): the classifier trained on the synthetic images only. Each classifier makes
# about the same number of steps (CLS_EPOCHS over 1,000 images, proportionally fewer epochs over
# more). The generators' per-epoch test passes use the 2,000-image sample in data/. Generators and
# classifiers already in OUT are reused, so a second SYN reuses the generators.
# With FILTER=filter, augment keeps only the samples the real-only classifier of the same seed assigns
# to the class they were drawn for.
# Usage: bench/augmentation.sh [OUT=runs/augmentation] [SYN=10000] [VAE_EPOCHS=100] [GAN_EPOCHS=100]
#        [CLS_EPOCHS=100] [SEEDS="1 2 3"] [GENERATORS="conv-vae dcgan"] [FILTER=]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT=${1:-runs/augmentation}
SYN=${2:-10000}
VAE_EPOCHS=${3:-100}
GAN_EPOCHS=${4:-100}
CLS_EPOCHS=${5:-100}
SEEDS=${6:-1 2 3}
GENERATORS=${7:-conv-vae dcgan}
FILTER=${8:-}
DATA=/usr/share/datasets/fashion-mnist
SAMPLE="$ROOT/data/fashion-mnist/t10k-images-idx3-ubyte.gz"
TEST="$DATA/t10k-images-idx3-ubyte.gz"
MIX_EPOCHS=$(( (CLS_EPOCHS * 1000 + (1000 + SYN) / 2) / (1000 + SYN) ))
SYN_EPOCHS=$(( (CLS_EPOCHS * 1000 + SYN / 2) / SYN ))
mkdir -p "$OUT"

accuracy() { sed -n 's/^test accuracy *\([0-9.]*\)%.*/\1/p' "$1"; }

classifier() {   # NAME SEED EPOCHS DATA-OPTIONS...
  local name=$1 seed=$2 epochs=$3; shift 3
  [ -f "$OUT/$name/model.regen" ] ||
    "$ROOT/regen" train-classifier "$@" --epochs "$epochs" --seed "$seed" --out "$OUT/$name" > "$OUT/$name.txt" 2>&1
  accuracy "$OUT/$name.txt"
}

printf "%-10s %-5s %10s %14s %10s\n" generator seed "real only" "real + synth" "synth (CAS)"
for seed in $SEEDS; do
  real=$(classifier "real-s$seed" "$seed" "$CLS_EPOCHS" --data "$DATA" --per-class 100)
  for gen in $GENERATORS; do
    epochs=$VAE_EPOCHS; [[ $gen == *vae* ]] || epochs=$GAN_EPOCHS
    model="$OUT/$gen-s$seed"
    [ -f "$model/model.regen" ] ||
      "$ROOT/regen" train --model "$gen" --conditional --data "$DATA" --per-class 100 --test-data "$SAMPLE" \
        --epochs "$epochs" --seed "$seed" --out "$model" > "$model.txt" 2>&1
    synthetic="$model-synthetic$SYN$FILTER"
    filter=(); [ -z "$FILTER" ] || filter=(--filter "$OUT/real-s$seed/model.regen")
    [ -d "$synthetic" ] ||
      "$ROOT/regen" augment "$model/model.regen" --n "$SYN" --seed "$seed" "${filter[@]}" --out "$synthetic" \
        > "$synthetic.txt"
    mixed=$(classifier "$gen-s$seed-mixed$SYN$FILTER" "$seed" "$MIX_EPOCHS" --data "$DATA" --per-class 100 \
      --add-train "$synthetic")
    cas=$(classifier "$gen-s$seed-cas$SYN$FILTER" "$seed" "$SYN_EPOCHS" --data "$synthetic" --test-data "$TEST")
    printf "%-10s %-5s %9s%% %13s%% %9s%%\n" "$gen" "$seed" "$real" "$mixed" "$cas" | tee -a "$OUT/table$SYN$FILTER.txt"
  done
done

#!/usr/bin/env bash
# Anomaly detection with VAEs on full Fashion-MNIST. One-class protocol: a conv VAE trained on the
# training images of one class scores all 10,000 test images, the test images of that class being
# normal, AUROC per class and mean for each score. Then Nalisnick et al.'s failure and its
# correction: a logistic-likelihood VAE trained on all of Fashion-MNIST scores its test set (normal)
# against MNIST's (anomalous) by raw likelihood and by Serra et al.'s complexity-corrected score.
# MNIST comes from bench/install_data.sh DIR (DIR/mnist).
# OPTIONS go to the one-class runs' `regen train`, such as "--likelihood logistic" (which adds the
# complexity-corrected score). Every score that applies is compared, RaPP's pathway scores included
# (pathway-whitened fitted on each class's own training images).
# Usage: bench/anomaly_detection.sh [EPOCHS=20] [OUT=runs/anomaly] [K=20] [MNIST=/tmp/datasets/mnist] [ALL_EPOCHS=10] [OPTIONS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EPOCHS=${1:-20}
OUT=${2:-runs/anomaly}
K=${3:-20}
MNIST=${4:-/tmp/datasets/mnist}
ALL_EPOCHS=${5:-10}
read -r -a OPTIONS <<< "${6:-}"
DATA=/usr/share/datasets/fashion-mnist
mkdir -p "$OUT"
for c in 0 1 2 3 4 5 6 7 8 9; do
  [ -f "$OUT/class$c/model.regen" ] ||
    "$ROOT/regen" train --data "$DATA" --labels "$c" --epochs "$EPOCHS" "${OPTIONS[@]}" --out "$OUT/class$c" > "$OUT/class$c.txt" 2>&1
  [ -s "$OUT/class$c.auroc" ] ||
    "$ROOT/regen" eval-anomaly "$OUT/class$c/model.regen" --data "$DATA" --normal-labels "$c" --k "$K" \
      > "$OUT/class$c.auroc"
done
echo "one-class AUROC (normal class: rows), $EPOCHS epochs, K = $K ${OPTIONS[*]}"
awk 'FNR == 1 { file++ } FNR > 1 { auroc[file, $1] = $2; names[$1] = 1; order[FNR] = $1 }
     END {
       printf "%-6s", "class"; for (i = 2; i in order; i++) printf " %14s", order[i]; printf "\n"
       for (f = 1; f <= file; f++) {
         printf "%-6d", f - 1
         for (i = 2; i in order; i++) { printf " %14.4f", auroc[f, order[i]]; sum[order[i]] += auroc[f, order[i]] }
         printf "\n"
       }
       printf "%-6s", "mean"; for (i = 2; i in order; i++) printf " %14.4f", sum[order[i]] / file; printf "\n"
     }' "$OUT"/class{0,1,2,3,4,5,6,7,8,9}.auroc
[ -f "$OUT/all-logistic/model.regen" ] ||
  "$ROOT/regen" train --data "$DATA" --likelihood logistic --epochs "$ALL_EPOCHS" --out "$OUT/all-logistic" \
    > "$OUT/all-logistic.txt" 2>&1
echo "Fashion-MNIST test (normal) against MNIST test (anomalous), logistic likelihood, $ALL_EPOCHS epochs, K = $K"
"$ROOT/regen" eval-anomaly "$OUT/all-logistic/model.regen" --data "$DATA" --anomalous "$MNIST" --k "$K" \
  | tee "$OUT/fashion-vs-mnist.auroc"

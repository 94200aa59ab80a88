#!/usr/bin/env bash
# Data-parallel training on one machine: the conv VAE on full Fashion-MNIST, one process with
# THREADS threads against --processes 2 with THREADS/2 each (the same cores, the same global batch),
# rounds alternated. Prints each side's steady images/s (epochs 2..) and rank 0's time in allreduce,
# from which a cluster's scaling can be estimated (the exchange per step against the step itself).
# Usage: bench/distributed_speed.sh [DATA=/tmp/datasets/fashion-mnist] [EPOCHS=3] [ROUNDS=2] [THREADS=2] [BATCH=128]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA=${1:-/tmp/datasets/fashion-mnist}
EPOCHS=${2:-3}
ROUNDS=${3:-2}
THREADS=${4:-2}
BATCH=${5:-128}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
rate() {
  python3 -c "
import json, sys
epochs = [json.loads(l) for l in open(sys.argv[1])][1:]
print('%.0f' % (sum(e['imagesPerSecond'] for e in epochs) / len(epochs)))" "$1"
}
for round in $(seq 1 "$ROUNDS"); do
  "$ROOT/regen" train --data "$DATA" --epochs "$EPOCHS" --batch "$BATCH" --threads "$THREADS" \
    --out "$WORK/one-$round" > "$WORK/one-$round.log" 2>&1
  "$ROOT/regen" train --data "$DATA" --epochs "$EPOCHS" --batch "$BATCH" --threads $((THREADS / 2)) --processes 2 \
    --out "$WORK/two-$round" > "$WORK/two-$round.log" 2>&1
  steps=$(python3 -c "import json; print([json.loads(l) for l in open('$WORK/two-$round/metrics.jsonl')][-1]['step'])")
  echo "round $round: 1 x $THREADS threads $(rate "$WORK/one-$round/metrics.jsonl") img/s;" \
    "2 x $((THREADS / 2)) $(rate "$WORK/two-$round/metrics.jsonl") img/s; rank 0: $(grep allreduce "$WORK/two-$round.log")" \
    "over $steps steps"
done

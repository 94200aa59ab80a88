#!/usr/bin/env bash
# Whole training runs in fp32 and with --precision bf16 (autocast), alternated run by run (the
# order swapped every round), on the Noto emoji of bench/install_data.sh DIR (64x64x3). Prints each
# run's images/s per epoch, its training seconds and last test loss; with a feature classifier
# (bench/emoji_classifier.sh), also each run's Frechet distance and KID on the 359 test emoji.
# Usage: bench/bf16_runs.sh DIR [ROUNDS=3] [EPOCHS=3] [MODEL=conv-vae] [CLASSIFIER] [OUT=runs/bf16]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR=${1:?usage: bench/bf16_runs.sh DIR [ROUNDS] [EPOCHS] [MODEL] [CLASSIFIER] [OUT]}
ROUNDS=${2:-3}
EPOCHS=${3:-3}
MODEL=${4:-conv-vae}
CLASSIFIER=${5:-}
OUT=${6:-runs/bf16}
DATA="$DIR/emoji/google"
[ -d "$DATA/train" ] || { echo "needs the emoji data: run bench/install_data.sh $DIR first" >&2; exit 1; }
mkdir -p "$OUT"
printf '%-6s %5s %8s %8s %10s %10s  %s\n' format round seconds test Frechet KID 'images/s by epoch'
for round in $(seq "$ROUNDS"); do
  order=(fp32 bf16)
  (( round % 2 == 0 )) && order=(bf16 fp32)
  for precision in "${order[@]}"; do
    run="$OUT/$MODEL-$precision-$round"
    rm -rf "$run"
    "$ROOT/regen" train --data "$DATA" --model "$MODEL" --epochs "$EPOCHS" --precision "$precision" \
      --out "$run" > "$run.txt" 2>&1
    frechet=- kid=-
    if [ -n "$CLASSIFIER" ]; then
      "$ROOT/regen" score "$run/model.regen" --classifier "$CLASSIFIER" --data "$DATA/test" --n 359 > "$run.score"
      frechet=$(awk '/^Frechet/ {print $2}' "$run.score")
      kid=$(awk '/^KID/ {print $2}' "$run.score")
    fi
    python3 - "$run/metrics.jsonl" "$precision" "$round" "$frechet" "$kid" <<'PY'
import json, sys
epochs = [json.loads(line) for line in open(sys.argv[1])]
test = epochs[-1]["test"]
loss = next(iter(test.values())) if test else float("nan")
speeds = " ".join(f"{e['imagesPerSecond']:.0f}" for e in epochs)
seconds = sum(e["seconds"] for e in epochs)
print(f"{sys.argv[2]:<6} {sys.argv[3]:>5} {seconds:8.1f} {loss:8.2f} {sys.argv[4]:>10} {sys.argv[5]:>10}  {speeds}")
PY
  done
done

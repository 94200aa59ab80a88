#!/usr/bin/env bash
# The same restoration of N images by `regen restore` and by `regen spark restore` on local[2]:
# a conv VAE trained EPOCHS epochs on Fashion-MNIST denoises N noisy test images (noise:0.2) by
# METHOD; prints both wall times, the Spark job's overhead, and how far its images are from the
# CLI's (bench/SparkCompare.java). Run it alone.
# Usage: bench/spark_restore.sh [DATA=/tmp/datasets/fashion-mnist] [N=10000] [METHOD=projection] [EPOCHS=5] [WORK=/tmp/spark-restore]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA=${1:-/tmp/datasets/fashion-mnist}
N=${2:-10000}
METHOD=${3:-projection}
EPOCHS=${4:-5}
WORK=${5:-/tmp/spark-restore}
mkdir -p "$WORK"
[ -f "$WORK/vae/model.regen" ] || "$ROOT/regen" train --data "$DATA" --epochs "$EPOCHS" --out "$WORK/vae" > "$WORK/train.log" 2>&1
[ -d "$WORK/noisy" ] || "$ROOT/regen" corrupt --input "$DATA" --corruption noise:0.2 --n "$N" --out "$WORK/noisy" > /dev/null
rm -rf "$WORK/cli" "$WORK/table"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $N images, $METHOD"
start=$(date +%s.%N)
"$ROOT/regen" restore "$WORK/vae/model.regen" --input "$WORK/noisy" --task denoise --sigma 0.2 --method "$METHOD" \
  --out "$WORK/cli" | tail -1
cli=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
"$ROOT/regen" spark restore "$WORK/vae/model.regen" --input "$WORK/noisy" --task denoise --sigma 0.2 \
  --method "$METHOD" --out "$WORK/table" --master 'local[2]'
spark=$(echo "$(date +%s.%N) - $start" | bc)
printf 'regen restore %.1f s, regen spark restore on local[2] %.1f s: %.2fx the time\n' "$cli" "$spark" \
  "$(echo "$spark / $cli" | bc -l)"
java -cp "$ROOT/regen-spark/target/lib/*" "$ROOT/bench/SparkCompare.java" "$WORK/table" "$WORK/cli" 2>/dev/null \
  | grep compared

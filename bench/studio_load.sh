#!/usr/bin/env bash
# Load test of Regen Studio on loopback: starts `regen studio` over a folder with a conv VAE
# (trained for one epoch on the Fashion-MNIST sample in data/ if the folder has none), then
# bench/StudioLoad.java runs CLIENTS clients for SECONDS seconds, each alternating a 64-image 28x28
# sample grid and four slider updates; prints p50/p95 latency, throughput, errors and the server's
# resident memory every 10 s. Run it alone on the machine.
# Usage: bench/studio_load.sh [CLIENTS=8] [SECONDS=600] [DIR=/tmp/studio-load] [PORT=7871]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLIENTS=${1:-8}
SECONDS_=${2:-600}
DIR=${3:-/tmp/studio-load}
PORT=${4:-7871}
if [ ! -f "$DIR/vae/model.regen" ]; then
  "$ROOT/regen" train --data "$ROOT/data/fashion-mnist" --epochs 1 --out "$DIR/vae" > "$DIR.train.log" 2>&1
fi
"$ROOT/regen" studio --models "$DIR" --port "$PORT" > "$DIR/studio.log" 2>&1 &
LAUNCHER=$!
trap 'kill "$LAUNCHER" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/api/models" > /dev/null 2>&1 && break
  sleep 0.2
done
PID=$LAUNCHER   # ./regen execs java
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
java "$ROOT/bench/StudioLoad.java" "http://127.0.0.1:$PORT/" vae/model.regen "$CLIENTS" "$SECONDS_" "$PID"

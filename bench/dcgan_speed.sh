#!/usr/bin/env bash
# Regen's dcgan against the PyTorch reference (bench/reference_dcgan.py): same networks, full
# Fashion-MNIST, same batch and threads, runs alternated A/B. Prints which BLAS each side loads
# (the reference runs on OpenBLAS's OpenMP build or not at all: bench/reference_bench.sh), then
# images/s and their ratio.
# Needs Debian's dataset-fashion-mnist, python3-torch and libopenblas0-openmp.
# ./regen tunes glibc's allocator (etc/allocator.sh); the reference runs with the system's
# defaults, as users run it, unless SAME_ALLOCATOR=1 gives it the same settings.
# Usage: [SAME_ALLOCATOR=1] bench/dcgan_speed.sh [EPOCHS=2] [THREADS=2] [ROUNDS=2] [DATA=/usr/share/datasets/fashion-mnist]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EPOCHS=${1:-2}
THREADS=${2:-2}
ROUNDS=${3:-2}
DATA=${4:-/usr/share/datasets/fashion-mnist}
source "$ROOT/bench/reference_bench.sh"
for round in $(seq 1 "$ROUNDS"); do
  "$ROOT/regen" train --data "$DATA" --model dcgan --latent 64 --width 32 --epochs "$EPOCHS" --threads "$THREADS" \
    --batch 128 --out "$WORK/run-$round" >"$WORK/regen-$round.log" 2>&1
  cp "$WORK/run-$round/metrics.jsonl" "$WORK/regen-$round.jsonl"
  rm -rf "$WORK/run-$round"
  reference "$PY" "$ROOT/bench/reference_dcgan.py" --data "$DATA" --epochs "$EPOCHS" --threads "$THREADS" \
    >"$WORK/torch-$round.jsonl"
done
"$PY" - "$WORK" "$ROUNDS" <<'PYEOF'
import json, sys
work, rounds = sys.argv[1], int(sys.argv[2])
lines = lambda p: [json.loads(l) for l in open(p) if l.strip()]
steady = lambda xs: xs[1:] if len(xs) > 1 else xs
print("round  regen img/s  torch img/s  ratio")
ratios = []
for r in range(1, rounds + 1):
    g = steady(lines(f"{work}/regen-{r}.jsonl")); t = steady(lines(f"{work}/torch-{r}.jsonl"))
    gr = sum(e["imagesPerSecond"] for e in g) / len(g); tr = sum(e["imagesPerSecond"] for e in t) / len(t)
    ratios.append(gr / tr)
    print(f"{r:5d}  {gr:11.0f}  {tr:11.0f}  {gr / tr:5.2f}")
print(f"mean ratio {sum(ratios) / len(ratios):.2f}x")
PYEOF

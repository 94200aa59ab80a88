#!/usr/bin/env bash
# Regen's conv VAE and the PyTorch reference traced block by block (50 training steps a block),
# alternated A/B: this VM runs in fast and slow spells of seconds to minutes, and a run-long mean
# mixes them. Prints each side's block speeds, their ratio in the fast spells (upper quartile of
# blocks) and the slow ones (lower quartile), and Regen's training FLOP/s as a share of the matmul
# ceiling measured right after each of its blocks (bench/StepTrace.java).
#
# First it prints which BLAS each side loads; the reference runs on OpenBLAS's OpenMP build or not
# at all (bench/reference_bench.sh).
#
# Needs what bench/vae_speed.sh needs (Debian's dataset-fashion-mnist, python3-torch,
# libopenblas0-openmp) and a JDK's javac.
# Usage: [SAME_ALLOCATOR=1] bench/speed_modes.sh [ROUNDS=2] [THREADS=2] [DATA=/usr/share/datasets/fashion-mnist]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=${1:-2}
THREADS=${2:-2}
DATA=${3:-/usr/share/datasets/fashion-mnist}
# Regen's blocks per round: about a minute, as long as two epochs of the reference.
BLOCKS=40
source "$ROOT/bench/reference_bench.sh"
LIB="$ROOT/regen-cli/target/lib/*"
javac -d "$WORK/classes" -cp "$LIB" "$ROOT/bench/MatmulCeiling.java" "$ROOT/bench/StepTrace.java"

for round in $(seq 1 "$ROUNDS"); do
  (source "$ROOT/etc/allocator.sh" && java -cp "$WORK/classes:$LIB" StepTrace "$THREADS" "$BLOCKS" "$DATA") \
    >"$WORK/regen-$round.jsonl"
  reference "$PY" "$ROOT/bench/reference_vae.py" --data "$DATA" --epochs 2 --threads "$THREADS" --trace-every 50 \
    2>"$WORK/torch-$round.jsonl" >"$WORK/torch-$round.epochs"
done

"$PY" - "$WORK" "$ROUNDS" <<'PYEOF'
import json, sys
work, rounds = sys.argv[1], int(sys.argv[2])
lines = lambda path: [json.loads(l) for l in open(path) if l.strip()]
# The training FLOPs per image, counted layer by layer by the reference (reference_common.multiply_adds).
flops = lines(f"{work}/torch-1.epochs")[0]["flopsPerImage"]
quantile = lambda xs, q: sorted(xs)[min(len(xs) - 1, int(q * len(xs)))]
regen, torch, shares = [], [], []
for r in range(1, rounds + 1):
    # The first blocks of each side include warm-up (JIT compilation, first allocations).
    g = lines(f"{work}/regen-{r}.jsonl")[2:]
    t = [e for e in lines(f"{work}/torch-{r}.jsonl") if not (e["epoch"] == 1 and e["step"] <= 100)]
    regen += [e["imagesPerSecond"] for e in g]
    torch += [e["imagesPerSecond"] for e in t]
    shares += [e["imagesPerSecond"] * flops / 1e9 / e["ceilingGflops"] for e in g]
    print(f"round {r} Regen img/s by block: " + " ".join(f"{e['imagesPerSecond']:.0f}" for e in g))
    print(f"round {r} PyTorch img/s by block: " + " ".join(f"{e['imagesPerSecond']:.0f}" for e in t))
for name, q in (("fast spells (upper quartile)", 0.75), ("median", 0.5), ("slow spells (lower quartile)", 0.25)):
    a, b = quantile(regen, q), quantile(torch, q)
    print(f"{name}: Regen {a:.0f} img/s, PyTorch {b:.0f} img/s, ratio {a / b:.2f}")
print("Regen's share of the ceiling beside each block: lower quartile {:.0f}%, median {:.0f}%, upper quartile {:.0f}%"
      .format(*(100 * quantile(shares, q) for q in (0.25, 0.5, 0.75))))
PYEOF

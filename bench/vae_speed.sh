#!/usr/bin/env bash
# Regen against the PyTorch reference (bench/reference_vae.py): the same conv VAE on full
# Fashion-MNIST, same batch and thread count, runs alternated A/B so that machine noise hits both.
# Prints images/s, their ratio, test -ELBO, peak memory, the share of Regen's training time spent
# waiting for data, each side's minor page faults, and the fraction of the machine's fp32 matmul
# ceiling that its training reaches. First it prints which BLAS each side loads; the reference runs
# on OpenBLAS's OpenMP build or not at all (bench/reference_bench.sh).
#
# Needs: Debian's dataset-fashion-mnist, python3-torch and libopenblas0-openmp
#   (apt-get install dataset-fashion-mnist python3-torch libopenblas0-openmp)
# Usage: [SAME_ALLOCATOR=1] bench/vae_speed.sh [EPOCHS=3] [THREADS=2] [ROUNDS=2] [DATA=/usr/share/datasets/fashion-mnist]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EPOCHS=${1:-3}
THREADS=${2:-2}
ROUNDS=${3:-2}
DATA=${4:-/usr/share/datasets/fashion-mnist}
source "$ROOT/bench/conv_vae_bench.sh"

for round in $(seq 1 "$ROUNDS"); do
  /usr/bin/time -f "%M %R" -o "$WORK/regen-$round.usage" "$ROOT/regen" train --data "$DATA" --epochs "$EPOCHS" \
    --threads "$THREADS" --batch 128 --out "$WORK/run-$round" >"$WORK/regen-$round.log" 2>&1
  cp "$WORK/run-$round/metrics.jsonl" "$WORK/regen-$round.jsonl"
  rm -rf "$WORK/run-$round"
  reference /usr/bin/time -f "%M %R" -o "$WORK/torch-$round.usage" "$PY" "$ROOT/bench/reference_vae.py" \
    --data "$DATA" --epochs "$EPOCHS" --threads "$THREADS" >"$WORK/torch-$round.jsonl"
done
CEILING=$(java -cp "$ROOT/regen-cli/target/lib/*" "$ROOT/bench/MatmulCeiling.java" "$THREADS")

"$PY" - "$WORK" "$ROUNDS" "$CEILING" "$FLOPS_PER_IMAGE" <<'PYEOF'
import json, sys
work, rounds, ceiling, flops = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]), int(sys.argv[4])
def lines(path):
    return [json.loads(l) for l in open(path) if l.strip()]
print("round  regen img/s  torch img/s  ratio  regen -ELBO  torch -ELBO  regen MB  torch MB  data wait  "
      "regen faults  torch faults  regen RSS by epoch")
ratios, rates = [], []
for r in range(1, rounds + 1):
    g, t = lines(f"{work}/regen-{r}.jsonl"), lines(f"{work}/torch-{r}.jsonl")
    # Epoch 1 includes warm-up (JIT, allocator); the steady state is epochs 2.. when there are several.
    steady = lambda xs: xs[1:] if len(xs) > 1 else xs
    gr = sum(e["imagesPerSecond"] for e in steady(g)) / len(steady(g))
    tr = sum(e["imagesPerSecond"] for e in steady(t)) / len(steady(t))
    # /usr/bin/time's last line: peak resident KB, minor page faults.
    grss, gfaults = (int(x) for x in open(f"{work}/regen-{r}.usage").read().split()[-2:])
    trss, tfaults = (int(x) for x in open(f"{work}/torch-{r}.usage").read().split()[-2:])
    wait = sum(e["dataWaitSeconds"] for e in g) / sum(e["seconds"] for e in g)
    ratios.append(gr / tr); rates.append(gr)
    print(f"{r:5d}  {gr:11.0f}  {tr:11.0f}  {gr / tr:5.2f}  {g[-1]['test']['-elbo']:11.2f}  "
          f"{t[-1]['testNegativeElbo']:11.2f}  {grss / 1024:8.0f}  {trss / 1024:8.0f}  {100 * wait:8.2f}%  "
          f"{gfaults:12d}  {tfaults:12d}  "
          + " ".join(f"{e['residentMegabytes']:.0f}" for e in g))
mean_rate = sum(rates) / len(rates)
print(f"mean ratio {sum(ratios) / len(ratios):.2f}x; matmul ceiling {ceiling['matmulGflops']:.1f} GFLOP/s "
      f"(OpenBLAS {ceiling['blasGflops']:.1f}, oneDNN {ceiling['onednnGflops']:.1f}; {ceiling['threads']} threads); "
      f"Regen training at {mean_rate * flops / 1e9:.1f} GFLOP/s = "
      f"{100 * mean_rate * flops / 1e9 / ceiling['matmulGflops']:.0f}% of it")
PYEOF

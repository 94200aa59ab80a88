#!/usr/bin/env bash
# Step-by-step implementation check of Regen's dcgan against the PyTorch reference: both start from
# the same weights (PyTorch's initialisation), train on the same real batches and draw the same
# noise (each engine's generator seeded alike), and print their discriminator and generator losses
# per step side by side with the largest relative difference. One thread each; for scale, the
# reference again at 2 threads, whose other reduction order is a difference of float rounding alone
# (last column). DATA as bench/dcgan_reference_quality.sh's; STEPS batches must fit in one epoch.
# Usage: bench/dcgan_trace.sh DATA [STEPS=20] [WIDTH=32] [BATCH=128] [SEED=1]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA=${1:?usage: bench/dcgan_trace.sh DATA [STEPS] [WIDTH] [BATCH] [SEED]}
STEPS=${2:-20}
WIDTH=${3:-32}
BATCH=${4:-128}
SEED=${5:-1}
THREADS=1
LATENT=64
NOISE_SEED=7
source "$ROOT/bench/reference_bench.sh"
LIB="$ROOT/regen-cli/target/lib/*"
reference "$PY" "$ROOT/bench/dcgan_trace.py" --data "$DATA" --out "$WORK" --steps "$STEPS" --width "$WIDTH" \
  --batch "$BATCH" --latent "$LATENT" --seed "$SEED" --noise-seed "$NOISE_SEED" > "$WORK/torch.jsonl"
mkdir "$WORK/threads2"
reference "$PY" "$ROOT/bench/dcgan_trace.py" --data "$DATA" --out "$WORK/threads2" --steps "$STEPS" --width "$WIDTH" \
  --batch "$BATCH" --latent "$LATENT" --seed "$SEED" --noise-seed "$NOISE_SEED" --threads 2 > "$WORK/torch2.jsonl"
javac -d "$WORK/classes" -cp "$LIB" "$ROOT/bench/DcganTrace.java"
(source "$ROOT/etc/allocator.sh" && java -cp "$WORK/classes:$LIB" dev.regen.train.DcganTrace "$WORK" "$WIDTH" \
  "$LATENT" "$BATCH" "$STEPS" "$NOISE_SEED") > "$WORK/regen.jsonl"
"$PY" - "$WORK/torch.jsonl" "$WORK/regen.jsonl" "$WORK/torch2.jsonl" <<'PY'
import json, sys
torch_steps, regen_steps, threads2 = ([json.loads(line) for line in open(f)] for f in sys.argv[1:4])
diff = lambda a, b: max(abs(a[k] - b[k]) / abs(a[k]) for k in ("d", "g"))
print(f"{'step':>4} {'d pytorch':>11} {'d regen':>11} {'g pytorch':>11} {'g regen':>11} {'regen diff':>10} "
      f"{'2-thread diff':>13}")
for t, r, t2 in zip(torch_steps, regen_steps, threads2):
    print(f"{t['step']:>4} {t['d']:>11.6f} {r['d']:>11.6f} {t['g']:>11.6f} {r['g']:>11.6f} {diff(t, r):>10.2e} "
          f"{diff(t, t2):>13.2e}")
PY

#!/usr/bin/env bash
# Two builds of Regen against each other (say, a change against the commit before it): the same
# training run from each checkout's ./regen, alternated A/B for ROUNDS rounds. Prints each round's
# steady images/s (epochs 2..), whole-run seconds (start-up, checkpoints and reports included), peak
# RSS, test loss and the B/A speed ratio.
# Usage: bench/checkout_ab.sh A_ROOT B_ROOT [EPOCHS=3] [ROUNDS=3] [DATA=/usr/share/datasets/fashion-mnist] [TRAIN OPTIONS...]
# (each ROOT a checkout, e.g. from `git worktree add /tmp/a COMMIT`)
set -euo pipefail
A=${1:?usage: bench/checkout_ab.sh A_ROOT B_ROOT [EPOCHS] [ROUNDS] [DATA] [TRAIN OPTIONS...]}
B=${2:?a second checkout}
EPOCHS=${3:-3}
ROUNDS=${4:-3}
DATA=${5:-/usr/share/datasets/fashion-mnist}
shift $(( $# < 5 ? $# : 5 ))
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for side in A B; do "${!side}/regen" --version >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    /usr/bin/time -f "%e %M" -o "$WORK/$side-$round.usage" "${!side}/regen" train --data "$DATA" --epochs "$EPOCHS" \
      --threads 2 "$@" --out "$WORK/run" >/dev/null 2>&1
    cp "$WORK/run/metrics.jsonl" "$WORK/$side-$round.jsonl"
    rm -rf "$WORK/run"
  done
done
python3 - "$WORK" "$ROUNDS" <<'PYEOF'
import json, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def side(name, r):
    epochs = [json.loads(l) for l in open(f"{work}/{name}-{r}.jsonl") if l.strip()]
    steady = epochs[1:] if len(epochs) > 1 else epochs
    rate = sum(e["imagesPerSecond"] for e in steady) / len(steady)
    loss = next(iter(epochs[-1]["test"].values()), float("nan"))
    wall, rss = open(f"{work}/{name}-{r}.usage").read().split()[-2:]
    return rate, float(wall), int(rss) / 1024, loss
print("round  A img/s  B img/s  B/A   A s    B s    A MB   B MB   A test  B test")
ratios = []
for r in range(1, rounds + 1):
    (ra, wa, ma, la), (rb, wb, mb, lb) = side("A", r), side("B", r)
    ratios.append(rb / ra)
    print(f"{r:5d}  {ra:7.0f}  {rb:7.0f}  {rb / ra:4.2f}  {wa:5.1f}  {wb:5.1f}  {ma:5.0f}  {mb:5.0f}"
          f"  {la:7.2f}  {lb:7.2f}")
print(f"mean B/A {sum(ratios) / len(ratios):.3f}")
PYEOF

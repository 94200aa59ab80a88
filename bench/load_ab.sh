#!/usr/bin/env bash
# Two builds of Regen loading the same model files: `regen translate` of a folder from each
# checkout's ./regen, alternated A/B for ROUNDS rounds, for each MODEL file named (a model and its
# checkpoint, say). Prints each run's peak RSS and seconds.
# Usage: bench/load_ab.sh A_ROOT B_ROOT INPUT_DIR ROUNDS MODEL...
# (each ROOT a checkout, e.g. from `git worktree add /tmp/a COMMIT`; each MODEL a pix2pix or CycleGAN file)
set -euo pipefail
A=${1:?usage: bench/load_ab.sh A_ROOT B_ROOT INPUT_DIR ROUNDS MODEL...}
B=${2:?a second checkout}
INPUT=${3:?a folder of images to translate}
ROUNDS=${4:?rounds}
shift 4
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for side in A B; do "${!side}/regen" --version >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    for model in "$@"; do
      /usr/bin/time -f "%M %e" -o "$WORK/usage" "${!side}/regen" translate "$model" --input "$INPUT" \
        --out "$WORK/out" >/dev/null
      read -r kb seconds < "$WORK/usage"
      echo "round $round $side $(basename "$model"): peak $((kb / 1024)) MB, $seconds s"
      rm -rf "$WORK/out"
    done
  done
done

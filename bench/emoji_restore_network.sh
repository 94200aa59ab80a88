#!/usr/bin/env bash
# Restoration networks on colour emoji: for each damage (noise 0.2, 2x and 4x downsampling, a 24x24
# centre box), pix2pix trained with --task on the clean Noto training images (each step's inputs
# damaged afresh), then `regen eval-restore` on the first N held-out images (359: all) against
# OpenCV's colour baselines. Prints each table; writes OUT/<task>-<damage>/ runs and OUT/<task>-<damage>.png.
# Noise and 4x train EPOCHS epochs, 2x and the box twice as many (what each needed to pass 2 dB on
# the whole test split, docs/BENCHMARKS.md).
# Usage: bench/emoji_restore_network.sh DIR [OUT=/tmp/emoji-restore-network] [EPOCHS=6] [N=100] [WIDTH=32]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR=${1:?usage: bench/emoji_restore_network.sh DIR [OUT] [EPOCHS] [N] [WIDTH]}
OUT=${2:-/tmp/emoji-restore-network}
EPOCHS=${3:-6}
N=${4:-100}
WIDTH=${5:-32}
DATA="$DIR/emoji/google"
if [ ! -d "$DATA/train" ]; then
  echo "needs the emoji data: run bench/install_data.sh $DIR first" >&2
  exit 1
fi
mkdir -p "$OUT"
# The box is trained as pure regression: an L1 weight of 1e5 leaves the adversarial term nothing
# to say (docs/BENCHMARKS.md, restoration networks), and the rate decays to zero over the second half.
for job in "denoise noise:0.2 1" "superres down:2 2" "superres down:4 1" \
    "inpaint box:24 2 --lambda-l1 100000 --lr-schedule linear"; do
  read -r task damage times options <<< "$job"
  read -r -a options <<< "$options"
  name="$task-${damage//:/}"
  "$ROOT/regen" train --data "$DATA" --model pix2pix --task "$task" --corruption "$damage" --width "$WIDTH" \
    --batch 8 --epochs $((EPOCHS * times)) "${options[@]}" --out "$OUT/$name" | tail -4
  "$ROOT/regen" eval-restore "$OUT/$name/model.regen" --data "$DATA/test" --corruption "$damage" --n "$N" \
    --out "$OUT/$name.png"
done

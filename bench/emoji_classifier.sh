#!/usr/bin/env bash
# The feature classifier for scoring emoji generators: `regen train-classifier` on the 9 categories
# of both designs together (Noto and Twemoji, the same held-out base emoji), from the data that
# bench/install_data.sh DIR installs. Prints the run's summary, test accuracy included.
# Usage: bench/emoji_classifier.sh DIR [EPOCHS=10] [OUT=runs/emoji-classifier]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR=${1:?usage: bench/emoji_classifier.sh DIR [EPOCHS] [OUT]}
EPOCHS=${2:-10}
OUT=${3:-runs/emoji-classifier}
if [ ! -d "$DIR/emoji/google/train" ] || [ ! -d "$DIR/emoji/twitter/train" ]; then
  echo "needs the emoji data: run bench/install_data.sh $DIR first" >&2
  exit 1
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# One image folder holding both designs, each file linked under its design's initial.
for design in google twitter; do
  for split in train test; do
    for category in "$DIR/emoji/$design/$split"/*/; do
      name=$(basename "$category")
      mkdir -p "$WORK/both/$split/$name"
      for file in "$category"*.png; do
        ln -s "$(realpath "$file")" "$WORK/both/$split/$name/${design:0:1}-$(basename "$file")"
      done
    done
  done
done
"$ROOT/regen" train-classifier --data "$WORK/both" --epochs "$EPOCHS" --out "$OUT"

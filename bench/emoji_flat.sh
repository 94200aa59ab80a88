#!/usr/bin/env bash
# OUT/flat/DESIGN/SPLIT: every emoji of a split in one folder of links, for the commands that read
# a flat folder (translate, eval-translate). Emoji come from bench/install_data.sh DIR.
# Usage: bench/emoji_flat.sh DIR OUT
set -euo pipefail
for design in google twitter; do
  for split in train test; do
    if [ ! -d "$2/flat/$design/$split" ]; then
      mkdir -p "$2/flat/$design/$split"
      ln -s "$1/emoji/$design/$split"/*/*.png "$2/flat/$design/$split/"
    fi
  done
done

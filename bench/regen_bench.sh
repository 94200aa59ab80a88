# shellcheck shell=bash
# Set-up shared by the benchmarks that run Regen's engine on Fashion-MNIST, sourced after they set
# ROOT and DATA: checks the data (Fashion-MNIST's IDX files, or an image folder with train/ for the
# scripts that take one), builds Regen, and makes a work folder ($WORK) removed on exit.
[ -f "$DATA/train-images-idx3-ubyte.gz" ] || [ -d "$DATA/train" ] ||
  { echo "needs Fashion-MNIST (or an image folder with train/) at $DATA" >&2; exit 1; }
"$ROOT/regen" --version >/dev/null
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

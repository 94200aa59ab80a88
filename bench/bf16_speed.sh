#!/usr/bin/env bash
# bf16 autocast against fp32 for the default conv VAE's training step (bench/Bf16Step.java),
# alternated block by block on the same batches. DATA: an image folder (DIR/emoji/google of
# bench/install_data.sh: 64x64x3) or Fashion-MNIST's IDX folder. Needs a JDK's javac.
# Usage: bench/bf16_speed.sh [THREADS=2] [BLOCKS=10] [DATA=/tmp/datasets/emoji/google]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
THREADS=${1:-2}
BLOCKS=${2:-10}
DATA=${3:-/tmp/datasets/emoji/google}
source "$ROOT/bench/regen_bench.sh"
LIB="$ROOT/regen-cli/target/lib/*"
javac -d "$WORK" -cp "$LIB" "$ROOT/bench/MatmulCeiling.java" "$ROOT/bench/StepTrace.java" "$ROOT/bench/Bf16Step.java"
source "$ROOT/etc/allocator.sh"
java -cp "$WORK:$LIB" Bf16Step "$THREADS" "$BLOCKS" "$DATA"

#!/usr/bin/env bash
# Where the default conv VAE's training step spends its time: each layer's engine kernels against
# the matmul ceiling, then the library's whole step in the same process (bench/LayerCost.java).
# Needs Fashion-MNIST (bench/install_data.sh) and a JDK's javac.
# Usage: bench/layer_cost.sh [THREADS=2] [DATA=/usr/share/datasets/fashion-mnist]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
THREADS=${1:-2}
DATA=${2:-/usr/share/datasets/fashion-mnist}
source "$ROOT/bench/regen_bench.sh"
LIB="$ROOT/regen-cli/target/lib/*"
javac -d "$WORK" -cp "$LIB" "$ROOT/bench/MatmulCeiling.java" "$ROOT/bench/StepTrace.java" "$ROOT/bench/LayerCost.java"
source "$ROOT/etc/allocator.sh"
java -cp "$WORK:$LIB" LayerCost "$THREADS" "$DATA"

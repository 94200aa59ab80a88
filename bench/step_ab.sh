#!/usr/bin/env bash
# Two ways of running (part of) a training step against each other, alternated block by block on
# the same real batches, in one JVM: CLASS is Bf16Step (the default conv VAE's step in fp32 against
# bf16 autocast) or ScriptedLikelihood (the discretised logistic log-likelihood eager against
# TorchScript). DATA: an image folder (DIR/emoji/google of bench/install_data.sh: 64x64x3) or
# Fashion-MNIST's IDX folder. Needs a JDK's javac.
# Usage: bench/step_ab.sh CLASS [THREADS=2] [BLOCKS=10] [DATA=/tmp/datasets/emoji/google]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLASS=${1:?usage: bench/step_ab.sh Bf16Step|ScriptedLikelihood [THREADS] [BLOCKS] [DATA]}
THREADS=${2:-2}
BLOCKS=${3:-10}
DATA=${4:-/tmp/datasets/emoji/google}
source "$ROOT/bench/regen_bench.sh"
LIB="$ROOT/regen-cli/target/lib/*"
javac -d "$WORK" -cp "$LIB" "$ROOT/bench/MatmulCeiling.java" "$ROOT/bench/StepTrace.java" "$ROOT/bench/$CLASS.java"
source "$ROOT/etc/allocator.sh"
java -cp "$WORK:$LIB" "$CLASS" "$THREADS" "$BLOCKS" "$DATA"

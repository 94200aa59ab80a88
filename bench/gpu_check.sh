#!/usr/bin/env bash
# Regen on a GPU against the PyTorch references on the same GPU, for a machine with an NVIDIA
# driver, CUDA 13.1 with cuDNN 9 and NCCL 2 (README: CUDA) and a build of the gpu profile
# (./mvnw -Pgpu -DskipTests package). Trains the conv VAE and the width-32 DCGAN for EPOCHS on
# DATA with --device cuda, then bench/reference_vae.py and bench/reference_dcgan.py with --device
# cuda (PY: a CUDA build of PyTorch), the conv VAE again with --precision bf16, then the conv VAE on the CPU for scale; checks that a model
# trained on the GPU loads and samples on the CPU. Prints each run's epochs (images/s, losses).
# Usage: bench/gpu_check.sh [DATA=/usr/share/datasets/fashion-mnist] [EPOCHS=2] [PY=python3] [OUT=/tmp/gpu-check]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA=${1:-/usr/share/datasets/fashion-mnist}
EPOCHS=${2:-2}
PY=${3:-python3}
OUT=${4:-/tmp/gpu-check}
rm -rf "$OUT" && mkdir -p "$OUT"
"$PY" -c "import torch; assert torch.cuda.is_available(), 'this PyTorch sees no GPU'; print('reference:', torch.__version__, torch.cuda.get_device_name(0))"

regen() {
  "$ROOT/regen" "$@"
}
epochs() {
  echo "== $1"
  "$PY" -c "import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    print({k: round(v, 2) if isinstance(v, float) else v for k, v in e.items() if k != 'flopsPerImage'})" "$2"
}

regen --device cuda train --data "$DATA" --epochs "$EPOCHS" --batch 128 --out "$OUT/vae-cuda" > "$OUT/vae-cuda.log"
epochs "Regen conv VAE, cuda" "$OUT/vae-cuda/metrics.jsonl"
regen --device cuda train --data "$DATA" --epochs "$EPOCHS" --batch 128 --precision bf16 --out "$OUT/vae-cuda-bf16" \
  > "$OUT/vae-cuda-bf16.log"
epochs "Regen conv VAE, cuda, bf16 autocast" "$OUT/vae-cuda-bf16/metrics.jsonl"
"$PY" "$ROOT/bench/reference_vae.py" --data "$DATA" --epochs "$EPOCHS" --device cuda > "$OUT/vae-torch.jsonl"
epochs "PyTorch conv VAE, cuda" "$OUT/vae-torch.jsonl"
regen --device cuda train --data "$DATA" --model dcgan --epochs "$EPOCHS" --batch 128 --out "$OUT/dcgan-cuda" \
  > "$OUT/dcgan-cuda.log"
epochs "Regen DCGAN, cuda" "$OUT/dcgan-cuda/metrics.jsonl"
"$PY" "$ROOT/bench/reference_dcgan.py" --data "$DATA" --epochs "$EPOCHS" --device cuda > "$OUT/dcgan-torch.jsonl"
epochs "PyTorch DCGAN, cuda" "$OUT/dcgan-torch.jsonl"
regen train --data "$DATA" --epochs 1 --batch 128 --out "$OUT/vae-cpu" > "$OUT/vae-cpu.log"
epochs "Regen conv VAE, cpu (1 epoch)" "$OUT/vae-cpu/metrics.jsonl"
regen sample "$OUT/vae-cuda/model.regen" --out "$OUT/cuda-model-on-cpu.png"
regen --device cuda eval "$OUT/vae-cuda/model.regen" --data "$DATA"

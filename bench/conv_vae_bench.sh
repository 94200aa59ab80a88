# Set-up shared by the conv-VAE speed benchmarks against the PyTorch reference (vae_speed.sh,
# speed_modes.sh), sourced after they set ROOT and DATA: checks the reference's needs, then
# bench/regen_bench.sh.
PY=/usr/bin/python3
# FLOPs per training image of the default conv VAE on 28x28x1 (bench/reference_vae.py's network),
# forward + backward: 3 x 2 x 3,562,496 multiply-adds (conv 100,352 + conv 1,605,632 + linear 100,352
# + linear 50,176 + deconv 1,605,632 + deconv 100,352).
FLOPS_PER_IMAGE=21374976

"$PY" -c "import torch" 2>/dev/null || { echo "needs Debian's python3-torch" >&2; exit 1; }
source "$ROOT/bench/regen_bench.sh"

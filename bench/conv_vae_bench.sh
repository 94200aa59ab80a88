# shellcheck shell=bash
# Set-up shared by the conv-VAE speed benchmarks against the PyTorch reference (vae_speed.sh,
# speed_modes.sh), sourced after they set ROOT, DATA and THREADS: the FLOPs per image, then
# bench/reference_bench.sh (the reference's needs and BLAS, Regen's build, $WORK).
# FLOPs per training image of the default conv VAE on 28x28x1 (bench/reference_vae.py's network),
# forward + backward: 3 x 2 x 3,562,496 multiply-adds (conv 100,352 + conv 1,605,632 + linear 100,352
# + linear 50,176 + deconv 1,605,632 + deconv 100,352).
# shellcheck disable=SC2034 # read by the scripts that source this one
FLOPS_PER_IMAGE=21374976

source "$ROOT/bench/reference_bench.sh"

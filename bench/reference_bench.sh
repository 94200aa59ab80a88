# shellcheck shell=bash
# Set-up shared by the benchmarks that time the PyTorch reference beside Regen (vae_speed.sh,
# speed_modes.sh, dcgan_speed.sh, dcgan_reference_quality.sh), sourced after they set ROOT, DATA
# and THREADS: checks the reference's needs, runs bench/regen_bench.sh (data, build, $WORK) and
# prints which BLAS each side loads.
#
# Every reference command runs through `reference`, which puts Debian's OpenMP build of OpenBLAS
# first on the library path, whatever libblas.so.3 the system's alternatives pick: the pthreads
# build (the default once libopenblas-dev is installed) runs its own threads against torch's OpenMP
# pool and slowed the reference about 3x. With SAME_ALLOCATOR=1 the reference also gets Regen's
# allocator settings (etc/allocator.sh); by default it runs with glibc's, as users run it.
PY=/usr/bin/python3
REFERENCE_BLAS=/usr/lib/x86_64-linux-gnu/openblas-openmp
"$PY" -c "import torch" 2>/dev/null || { echo "needs Debian's python3-torch (apt-get install python3-torch)" >&2; exit 1; }
[ -f "$REFERENCE_BLAS/libblas.so.3" ] || {
  echo "needs Debian's libopenblas0-openmp (apt-get install libopenblas0-openmp): the PyTorch reference is timed only on OpenBLAS's OpenMP build" >&2
  exit 1
}
reference() {
  if [ "${SAME_ALLOCATOR:-0}" = 1 ]; then
    (source "$ROOT/etc/allocator.sh" && LD_LIBRARY_PATH="$REFERENCE_BLAS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$@")
  else
    LD_LIBRARY_PATH="$REFERENCE_BLAS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$@"
  fi
}
source "$ROOT/bench/regen_bench.sh"
# Which BLAS each side loads, from processes started the way the timed ones are. The reference's
# report refuses (exit 1) anything but the OpenMP build; Regen's only reports.
reference "$PY" "$ROOT/bench/blas_report.py" --threads "$THREADS" --require-openmp
java -cp "$ROOT/regen-cli/target/lib/*" "$ROOT/bench/BlasReport.java" "$THREADS"

"""Which BLAS the PyTorch reference runs on: imports torch, sets its threads, does one matrix
product, then lists the BLAS, LAPACK, oneDNN and OpenMP libraries mapped into this process
(/proc/self/maps) and asks each OpenBLAS found how it was built (openblas_get_parallel) and how
many threads it uses. Run it exactly as the reference is run (bench/reference_bench.sh does), so
the dynamic loader makes the same choices.

With --require-openmp it exits 1, with one line on stderr, unless every BLAS and LAPACK library
mapped is OpenBLAS's OpenMP build: the pthreads build's own threads fight torch's OpenMP pool and
slow the reference about 3x.
"""
import argparse
import ctypes
import os
import re
import sys

import torch

# Library file names worth reporting; the OpenBLAS ones are asked about themselves.
LIBRARY = re.compile(r"(blas|lapack|blis|mkl|dnnl|mkldnn|gomp|iomp|omp)", re.IGNORECASE)
BLAS = re.compile(r"(blas|lapack|blis|mkl_)", re.IGNORECASE)
PARALLEL = {0: "sequential build", 1: "pthreads build", 2: "OpenMP build"}


def mapped_libraries():
    seen = []
    with open("/proc/self/maps") as maps:
        for line in maps:
            fields = line.split(maxsplit=5)
            if len(fields) == 6 and fields[5].startswith("/"):
                path = fields[5].strip()
                if LIBRARY.search(os.path.basename(path)) and path not in seen:
                    seen.append(path)
    return seen


def openblas_build(path):
    """(build, threads, config) as the OpenBLAS at path reports them, or None if it is not one."""
    try:
        lib = ctypes.CDLL(path)
        lib.openblas_get_config.restype = ctypes.c_char_p
        return (PARALLEL.get(lib.openblas_get_parallel(), "unknown build"), lib.openblas_get_num_threads(),
                lib.openblas_get_config().decode())
    except (OSError, AttributeError):
        return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--require-openmp", action="store_true")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.mm(torch.rand(256, 256), torch.rand(256, 256)).sum().item()

    libraries = mapped_libraries()
    print(f"PyTorch reference: torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"oneDNN {'on' if torch.backends.mkldnn.is_available() else 'off'}")
    wrong = []
    for path in libraries:
        build = openblas_build(path) if "openblas" in os.path.basename(path).lower() else None
        if build:
            print(f"  {path}: OpenBLAS, {build[0]}, {build[1]} threads ({build[2]})")
            if build[0] != PARALLEL[2]:
                wrong.append(path)
        else:
            print(f"  {path}")
            if BLAS.search(os.path.basename(path)) and "/openblas-openmp/" not in path:
                wrong.append(path)
    if not any(BLAS.search(os.path.basename(path)) for path in libraries):
        wrong.append("no BLAS library found in /proc/self/maps")
    if a.require_openmp and wrong:
        print("the PyTorch reference would run on " + ", ".join(wrong) + ", not OpenBLAS's OpenMP build "
              "(Debian's libopenblas0-openmp): refusing to time it", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

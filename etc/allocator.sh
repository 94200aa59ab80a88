# glibc malloc settings for processes that run libtorch; sourced by ./regen (and by
# bench/reference_bench.sh for the PyTorch reference when SAME_ALLOCATOR=1). pom.xml gives the
# tests the same values.
#
# One arena for all threads. One per thread lets native memory creep up across epochs; with two,
# some runs fell at random into a mode of 1.4-2.9 million page faults where others had 0.1-0.2
# million (seen as a 10-20% slower run; likely a second arena's heaps being handed back and faulted
# in again), which one arena never did (docs/BENCHMARKS.md).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
# By default glibc maps every large tensor fresh and hands freed memory straight back, so each step
# page-faults its activations in again: millions of faults an epoch, 15-20% of a DCGAN's time.
# Serving blocks up to 32 MiB (mallopt's ceiling on 64-bit) from the heap and keeping freed memory
# for reuse removes them.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-1073741824}"

"""The table of bench/vae_speed.sh, bench/dcgan_speed.sh and bench/translation_speed.sh, from the
files their rounds leave in WORK: regen-R.jsonl (Regen's metrics.jsonl), torch-R.jsonl (the reference's epoch lines, which
carry the training FLOPs per image) and each side's /usr/bin/time "%M %R" usage file.
Usage: speed_table.py WORK ROUNDS CEILING_JSON (bench/MatmulCeiling.java's line)
"""
import json
import sys

work, rounds, ceiling = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])


def lines(path):
    return [json.loads(l) for l in open(path) if l.strip()]


def steady(epochs):
    """Epoch 1 includes warm-up (JIT, allocator); the steady state is epochs 2.. when there are several."""
    return epochs[1:] if len(epochs) > 1 else epochs


def usage(path):
    """/usr/bin/time's last line: peak resident KB, minor page faults."""
    return [int(x) for x in open(path).read().split()[-2:]]


print("round  regen img/s  torch img/s  ratio  regen -ELBO  torch -ELBO  regen MB  torch MB  data wait  "
      "regen faults  torch faults  RSS by epoch: regen | torch")
ratios, rates = [], []
for r in range(1, rounds + 1):
    g, t = lines(f"{work}/regen-{r}.jsonl"), lines(f"{work}/torch-{r}.jsonl")
    gr = sum(e["imagesPerSecond"] for e in steady(g)) / len(steady(g))
    tr = sum(e["imagesPerSecond"] for e in steady(t)) / len(steady(t))
    grss, gfaults = usage(f"{work}/regen-{r}.usage")
    trss, tfaults = usage(f"{work}/torch-{r}.usage")
    wait = sum(e["dataWaitSeconds"] for e in g) / sum(e["seconds"] for e in g)
    elbo = lambda e, key: f"{e[key]:11.2f}" if key in e else f"{'-':>11}"
    ratios.append(gr / tr)
    rates.append(gr)
    print(f"{r:5d}  {gr:11.0f}  {tr:11.0f}  {gr / tr:5.2f}  {elbo(g[-1]['test'], '-elbo')}  "
          f"{elbo(t[-1], 'testNegativeElbo')}  {grss / 1024:8.0f}  {trss / 1024:8.0f}  {100 * wait:8.2f}%  "
          f"{gfaults:12d}  {tfaults:12d}  "
          + " ".join(f"{e['residentMegabytes']:.0f}" for e in g) + " | "
          + " ".join(f"{e['peakRssMb']:.0f}" for e in t))
flops = lines(f"{work}/torch-1.jsonl")[0]["flopsPerImage"]
gflops = sum(rates) / len(rates) * flops / 1e9
print(f"mean ratio {sum(ratios) / len(ratios):.2f}x; {flops / 1e6:.1f} MFLOP per training image; matmul ceiling "
      f"{ceiling['matmulGflops']:.1f} GFLOP/s (OpenBLAS {ceiling['blasGflops']:.1f}, oneDNN "
      f"{ceiling['onednnGflops']:.1f}; {ceiling['threads']} threads); Regen training at {gflops:.1f} GFLOP/s = "
      f"{100 * gflops / ceiling['matmulGflops']:.0f}% of it")

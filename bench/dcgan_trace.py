"""Step-by-step check of Regen's dcgan against the PyTorch reference (issue 19), the half in PyTorch.

Builds the reference networks (bench/reference_dcgan.py) with PyTorch's initialisation, writes
their parameters in the order Regen's Gan holds them (OUT/generator.f32, OUT/discriminator.f32,
little-endian float32) and the first STEPS real batches of a shuffled epoch (OUT/batches.f32, NCHW; their
channels, height and width in OUT/shape.txt),
then seeds PyTorch with NOISE_SEED and trains STEPS steps with the reference's own step, printing
one JSON line per step. bench/DcganTrace.java replays the same steps through Regen's
(bench/dcgan_trace.sh runs both).
"""
import argparse
import json

import numpy as np
import torch

from reference_common import geometry, read_images
from reference_dcgan import Discriminator, Generator, optimizers, step


def regen_order(g, d):
    """Parameters as Regen registers them: the generator's stem, then per level its batch norm and
    transposed convolution; the discriminator's convolutions, each but the first followed by its
    batch norm, then the head."""
    gen = [g.stem.weight, g.stem.bias]
    for norm, deconv in zip(g.norms, g.deconvs):
        gen += [norm.weight, norm.bias, deconv.weight, deconv.bias]
    dis = [d.convs[0].weight, d.convs[0].bias]
    for conv, norm in zip(d.convs[1:], d.norms):
        dis += [conv.weight, conv.bias, norm.weight, norm.bias]
    return gen, dis + [d.head.weight, d.head.bias]


def write(path, tensors):
    np.concatenate([t.detach().numpy().ravel() for t in tensors]).astype("<f4").tofile(path)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--width", type=int, default=32)
    p.add_argument("--latent", type=int, default=64)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--noise-seed", type=int, default=7)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    train = read_images(a.data, "train")
    if a.steps * a.batch > len(train):
        raise SystemExit(f"{a.steps} steps of {a.batch} need more than the {len(train)} training images")
    levels = geometry(train.shape[2], train.shape[3], train.shape[1], a.width)
    g, d = Generator(levels, a.latent), Discriminator(levels)
    gen, dis = regen_order(g, d)
    assert len(gen) == len(list(g.parameters())) and len(dis) == len(list(d.parameters()))
    write(f"{a.out}/generator.f32", gen)
    write(f"{a.out}/discriminator.f32", dis)
    batches = train[torch.randperm(len(train))[:a.steps * a.batch]]
    write(f"{a.out}/batches.f32", [batches])
    with open(f"{a.out}/shape.txt", "w") as f:
        f.write(" ".join(str(n) for n in train.shape[1:]))
    g_opt, d_opt = optimizers(g, d)
    torch.manual_seed(a.noise_seed)
    for i in range(a.steps):
        d_loss, g_loss = step(g, d, g_opt, d_opt, batches[i * a.batch:(i + 1) * a.batch], a.latent)
        print(json.dumps({"step": i + 1, "d": round(d_loss.item(), 7), "g": round(g_loss.item(), 7)}), flush=True)


if __name__ == "__main__":
    main()

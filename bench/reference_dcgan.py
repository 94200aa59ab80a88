"""PyTorch reference of Regen's dcgan, for speed (issue 3) and for an implementation check (issue 19).

The same networks as Regen's dcgan for any image size, channel count and width, laid out as
ConvGeometry lays them out: one 4x4 stride-2 level per halving until the smaller side drops below
8, filters starting at the width and doubling per level (at most 8x). Generator Linear(latent ->
smallest map), then per level BatchNorm, ReLU, ConvTranspose k4 s2 p1 (output padding for odd
sizes), sigmoid; discriminator Conv k4 s2 p1 with LeakyReLU 0.2 and BatchNorm on every conv but
the first, Linear(-> 1). At 28x28x1 and width 32 (the defaults): latent 64 -> 64x7x7 -> 32x14x14
-> 1x28x28. Non-saturating loss, Adam 2e-4 with betas (0.5, 0.999), batch 128, PyTorch's default
initialisation (Regen's too); one discriminator step then one generator step per batch.
Data: an IDX folder (train-images-idx3-ubyte[.gz]) or an image folder, PNGs composited onto white
as Regen does by default (sub-folders are read recursively; a train/ sub-folder is used when there).
Prints one JSON line per epoch; --samples FILE writes that many generated images as an NPY
(uint8, NHWC, or NHW for grey), sampled as Regen samples them (batch-norm statistics of each batch of 500), for
`regen score`.
"""
import argparse
import json
import os
import time

import numpy as np

import torch
import torch.nn as nn
import torch.nn.functional as F

from reference_common import geometry, multiply_adds, peak_rss_mb, read_images


class Generator(nn.Module):
    def __init__(self, levels, latent):
        super().__init__()
        self.smallest = levels[-1]
        h, w, c = self.smallest
        self.stem = nn.Linear(latent, c * h * w)
        self.norms = nn.ModuleList()
        self.deconvs = nn.ModuleList()
        for i in range(len(levels) - 1, 0, -1):
            (ho, wo, co), (hi, wi, ci) = levels[i - 1], levels[i]
            self.norms.append(nn.BatchNorm2d(ci))
            self.deconvs.append(nn.ConvTranspose2d(ci, co, 4, 2, 1, output_padding=(ho - 2 * hi, wo - 2 * wi)))

    def forward(self, z):
        h, w, c = self.smallest
        x = self.stem(z).reshape(-1, c, h, w)
        for norm, deconv in zip(self.norms, self.deconvs):
            x = deconv(F.relu(norm(x)))
        return torch.sigmoid(x)


class Discriminator(nn.Module):
    def __init__(self, levels):
        super().__init__()
        self.convs = nn.ModuleList(nn.Conv2d(levels[i][2], levels[i + 1][2], 4, 2, 1) for i in range(len(levels) - 1))
        self.norms = nn.ModuleList(nn.BatchNorm2d(levels[i + 1][2]) for i in range(1, len(levels) - 1))
        h, w, c = levels[-1]
        self.head = nn.Linear(c * h * w, 1)

    def forward(self, x):
        for i, conv in enumerate(self.convs):
            x = conv(x)
            if i > 0:
                x = self.norms[i - 1](x)
            x = F.leaky_relu(x, 0.2)
        return self.head(x.flatten(1)).flatten()


def optimizers(g, d):
    """Adam 2e-4 with betas (0.5, 0.999) for each network (Radford et al. 2016)."""
    return (torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999)),
            torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999)))


def step(g, d, g_opt, d_opt, real, latent):
    """One discriminator step on real images and detached fakes, then one generator step on fresh
    noise (non-saturating loss); returns both losses as tensors."""
    with torch.no_grad():
        fake = g(torch.randn(len(real), latent, device=real.device))
    d_loss = -(F.logsigmoid(d(real)) + F.logsigmoid(-d(fake))).mean()
    d_opt.zero_grad()
    d_loss.backward()
    d_opt.step()
    g_loss = -F.logsigmoid(d(g(torch.randn(len(real), latent, device=real.device)))).mean()
    g_opt.zero_grad()
    g_loss.backward()
    g_opt.step()
    d_opt.zero_grad()
    return d_loss, g_loss


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--width", type=int, default=32)
    p.add_argument("--latent", type=int, default=64)
    p.add_argument("--size", type=int, default=0, help="resize image folders to SIZE x SIZE")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--samples", help="write generated images to this NPY after training")
    p.add_argument("--n", type=int, default=10000, help="how many images --samples writes")
    p.add_argument("--device", default="cpu", help="cpu or cuda")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    train = read_images(a.data, "train", a.size)
    levels = geometry(train.shape[2], train.shape[3], train.shape[1], a.width)
    g, d = Generator(levels, a.latent), Discriminator(levels)
    # Per image: the discriminator's forward and backward on a real and a fake (2 x 3), and again
    # in the generator's step (3); the generator's forward for the fake (1), and its own step (3).
    g_macs, fake = multiply_adds(g, torch.zeros(2, a.latent))
    flops = 2 * (9 * multiply_adds(d, fake)[0] + 4 * g_macs)
    g, d, train = g.to(a.device), d.to(a.device), train.to(a.device)
    g_opt, d_opt = optimizers(g, d)
    for epoch in range(1, a.epochs + 1):
        order = torch.randperm(len(train), device=a.device)
        start = time.perf_counter()
        for i in range(0, len(train), a.batch):
            d_loss, g_loss = step(g, d, g_opt, d_opt, train[order[i:i + a.batch]], a.latent)
        if a.device != "cpu":
            torch.cuda.synchronize()
        seconds = time.perf_counter() - start
        print(json.dumps({"epoch": epoch, "imagesPerSecond": len(train) / seconds, "d": d_loss.item(),
                          "g": g_loss.item(), "peakRssMb": peak_rss_mb(), "flopsPerImage": flops}), flush=True)
    if a.samples:
        with torch.no_grad():
            batches = [g(torch.randn(min(500, a.n - i), a.latent, device=a.device)).cpu()
                       for i in range(0, a.n, 500)]
        images = (torch.cat(batches).permute(0, 2, 3, 1) * 255).round().to(torch.uint8).numpy()
        if images.shape[3] == 1:
            images = images[..., 0]  # NHW: grey images as IDX and Regen's own NPY hold them
        tmp = a.samples + ".tmp.npy"
        np.save(tmp, images)
        os.replace(tmp, a.samples)


if __name__ == "__main__":
    main()

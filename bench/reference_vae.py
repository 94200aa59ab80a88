"""PyTorch reference of Regen's default conv VAE, for speed and ELBO comparison.

The same network as Regen's conv-vae for any image size and channel count, with 16 latents and
width 32: per level of Regen's conv geometry a Conv k4 s2 p1 with ReLU, Linear to 2x16; decoder
Linear to the smallest map with ReLU, then ConvTranspose k4 s2 p1 per level (ReLU between).
At 28x28x1: Conv 32, Conv 64, Linear 3136 -> 32; Linear 16 -> 64x7x7, ConvTranspose 32, 1.
At 64x64x3: 32x32x32 -> 64x16x16 -> 128x8x8 -> 256x4x4 and back. Bernoulli likelihood, Adam
1e-3, batch 128. Data: Fashion-MNIST's IDX folder or an image folder with train/ and test/
(reference_common.read_images). Prints one JSON line per epoch with the training FLOPs per image
(3 x 2 x the forward multiply-adds); with --trace-every N, also the speed of every N steps on
stderr (bench/speed_modes.sh).
"""
import argparse
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from reference_common import geometry, multiply_adds, peak_rss_mb, read_images


class Vae(nn.Module):
    def __init__(self, levels, latent=16):
        super().__init__()
        self.smallest = levels[-1]
        h, w, c = self.smallest
        self.convs = nn.ModuleList(nn.Conv2d(levels[i][2], levels[i + 1][2], 4, 2, 1) for i in range(len(levels) - 1))
        self.head = nn.Linear(c * h * w, 2 * latent)
        self.stem = nn.Linear(latent, c * h * w)
        self.deconvs = nn.ModuleList()
        for i in range(len(levels) - 1, 0, -1):
            (ho, wo, co), (hi, wi, ci) = levels[i - 1], levels[i]
            self.deconvs.append(nn.ConvTranspose2d(ci, co, 4, 2, 1, output_padding=(ho - 2 * hi, wo - 2 * wi)))

    def forward(self, x):
        """The negative ELBO per image, averaged over the batch."""
        h = x
        for conv in self.convs:
            h = F.relu(conv(h))
        mean, log_var = self.head(h.flatten(1)).chunk(2, 1)
        z = mean + torch.exp(0.5 * log_var) * torch.randn_like(mean)
        height, width, channels = self.smallest
        h = self.stem(z).reshape(-1, channels, height, width)
        for deconv in self.deconvs:
            h = deconv(F.relu(h))
        recon = F.binary_cross_entropy_with_logits(h, x, reduction="none").sum((1, 2, 3)).mean()
        kl = (-0.5 * (1 + log_var - mean.pow(2) - log_var.exp())).sum(1).mean()
        return recon + kl


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--trace-every", type=int, default=0)
    p.add_argument("--device", default="cpu", help="cpu or cuda")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    train, test = read_images(a.data, "train"), read_images(a.data, "test")
    model = Vae(geometry(train.shape[2], train.shape[3], train.shape[1], 32))
    flops = 6 * multiply_adds(model, train[:2])[0]
    model, train, test = model.to(a.device), train.to(a.device), test.to(a.device)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(1, a.epochs + 1):
        order = torch.randperm(len(train), device=a.device)
        start = time.perf_counter()
        block_start = start
        for step, i in enumerate(range(0, len(train), a.batch), 1):
            loss = model(train[order[i:i + a.batch]])
            opt.zero_grad()
            loss.backward()
            opt.step()
            if a.trace_every and step % a.trace_every == 0:
                now = time.perf_counter()
                print(json.dumps({"epoch": epoch, "step": step,
                                  "imagesPerSecond": a.trace_every * a.batch / (now - block_start)}),
                      file=sys.stderr, flush=True)
                block_start = now
        if a.device != "cpu":
            torch.cuda.synchronize()
        seconds = time.perf_counter() - start
        with torch.no_grad():
            test_loss = sum(model(test[i:i + 500]).item() * len(test[i:i + 500])
                            for i in range(0, len(test), 500)) / len(test)
        print(json.dumps({"epoch": epoch, "imagesPerSecond": len(train) / seconds, "testNegativeElbo": test_loss,
                          "peakRssMb": peak_rss_mb(), "flopsPerImage": flops}), flush=True)


if __name__ == "__main__":
    main()

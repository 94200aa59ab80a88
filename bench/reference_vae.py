"""PyTorch reference of Regen's default conv VAE, for speed and ELBO comparison.

Same network as Regen's conv-vae on 28x28x1 with 16 latents: Conv 32 k4 s2 p1, Conv 64 k4 s2 p1,
Linear to 2x16; decoder Linear to 64x7x7, ConvTranspose 32 k4 s2 p1, ConvTranspose 1 k4 s2 p1;
Bernoulli likelihood, Adam 1e-3, batch 128. Prints one JSON line per epoch; with --trace-every N,
also the speed of every N steps on stderr (bench/speed_modes.sh).
"""
import argparse
import gzip
import json
import resource
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    rank = raw[3]
    dims = struct.unpack(">" + "I" * rank, raw[4:4 + 4 * rank])
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank)
    return data.reshape(dims).astype(np.float32) / 255.0


class Vae(nn.Module):
    def __init__(self, latent=16):
        super().__init__()
        self.conv0 = nn.Conv2d(1, 32, 4, 2, 1)      # 32 x 14 x 14
        self.conv1 = nn.Conv2d(32, 64, 4, 2, 1)     # 64 x 7 x 7
        self.head = nn.Linear(64 * 7 * 7, 2 * latent)
        self.stem = nn.Linear(latent, 64 * 7 * 7)
        self.deconv1 = nn.ConvTranspose2d(64, 32, 4, 2, 1)  # 32 x 14 x 14
        self.deconv0 = nn.ConvTranspose2d(32, 1, 4, 2, 1)   # 1 x 28 x 28

    def loss(self, x):
        h = F.relu(self.conv1(F.relu(self.conv0(x))))
        mean, log_var = self.head(h.flatten(1)).chunk(2, 1)
        z = mean + torch.exp(0.5 * log_var) * torch.randn_like(mean)
        h = F.relu(self.stem(z)).reshape(-1, 64, 7, 7)
        logits = self.deconv0(F.relu(self.deconv1(h)))
        recon = F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum((1, 2, 3)).mean()
        kl = (-0.5 * (1 + log_var - mean.pow(2) - log_var.exp())).sum(1).mean()
        return recon + kl


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--trace-every", type=int, default=0)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    train = torch.from_numpy(read_idx(a.data + "/train-images-idx3-ubyte.gz")).unsqueeze(1)
    test = torch.from_numpy(read_idx(a.data + "/t10k-images-idx3-ubyte.gz")).unsqueeze(1)
    model = Vae()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(1, a.epochs + 1):
        order = torch.randperm(len(train))
        start = time.perf_counter()
        block_start = start
        for step, i in enumerate(range(0, len(train), a.batch), 1):
            loss = model.loss(train[order[i:i + a.batch]])
            opt.zero_grad()
            loss.backward()
            opt.step()
            if a.trace_every and step % a.trace_every == 0:
                now = time.perf_counter()
                print(json.dumps({"epoch": epoch, "step": step,
                                  "imagesPerSecond": a.trace_every * a.batch / (now - block_start)}),
                      file=sys.stderr, flush=True)
                block_start = now
        seconds = time.perf_counter() - start
        with torch.no_grad():
            test_loss = sum(model.loss(test[i:i + 500]).item() * len(test[i:i + 500])
                            for i in range(0, len(test), 500)) / len(test)
        print(json.dumps({"epoch": epoch, "imagesPerSecond": len(train) / seconds, "testNegativeElbo": test_loss,
                          "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)


if __name__ == "__main__":
    main()

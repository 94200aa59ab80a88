"""PyTorch reference of Regen's dcgan, for speed comparison (issue 3).

Same networks as Regen's dcgan on 28x28x1 with 64 latents and width 32:
generator Linear(64 -> 64x7x7), BatchNorm, ReLU, ConvTranspose 64->32 k4 s2 p1, BatchNorm, ReLU,
ConvTranspose 32->1 k4 s2 p1, sigmoid; discriminator Conv 1->32 k4 s2 p1, LeakyReLU 0.2,
Conv 32->64 k4 s2 p1, BatchNorm, LeakyReLU 0.2, Linear(64x7x7 -> 1). Non-saturating loss, Adam
2e-4 with betas (0.5, 0.999), batch 128; one discriminator step then one generator step per batch.
Prints one JSON line per epoch.
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from reference_vae import read_idx


class Generator(nn.Module):
    def __init__(self, latent=64):
        super().__init__()
        self.stem = nn.Linear(latent, 64 * 7 * 7)
        self.norm2 = nn.BatchNorm2d(64)
        self.deconv1 = nn.ConvTranspose2d(64, 32, 4, 2, 1)  # 32 x 14 x 14
        self.norm1 = nn.BatchNorm2d(32)
        self.deconv0 = nn.ConvTranspose2d(32, 1, 4, 2, 1)   # 1 x 28 x 28

    def forward(self, z):
        h = F.relu(self.norm2(self.stem(z).reshape(-1, 64, 7, 7)))
        h = F.relu(self.norm1(self.deconv1(h)))
        return torch.sigmoid(self.deconv0(h))


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv0 = nn.Conv2d(1, 32, 4, 2, 1)   # 32 x 14 x 14
        self.conv1 = nn.Conv2d(32, 64, 4, 2, 1)  # 64 x 7 x 7
        self.norm1 = nn.BatchNorm2d(64)
        self.head = nn.Linear(64 * 7 * 7, 1)

    def forward(self, x):
        h = F.leaky_relu(self.conv0(x), 0.2)
        h = F.leaky_relu(self.norm1(self.conv1(h)), 0.2)
        return self.head(h.flatten(1)).flatten()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=128)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    train = torch.from_numpy(read_idx(a.data + "/train-images-idx3-ubyte.gz")).unsqueeze(1)
    g, d = Generator(), Discriminator()
    g_opt = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    d_opt = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    for epoch in range(1, a.epochs + 1):
        order = torch.randperm(len(train))
        start = time.perf_counter()
        for i in range(0, len(train), a.batch):
            real = train[order[i:i + a.batch]]
            with torch.no_grad():
                fake = g(torch.randn(len(real), 64))
            d_loss = -(F.logsigmoid(d(real)) + F.logsigmoid(-d(fake))).mean()
            d_opt.zero_grad()
            d_loss.backward()
            d_opt.step()
            g_loss = -F.logsigmoid(d(g(torch.randn(len(real), 64)))).mean()
            g_opt.zero_grad()
            g_loss.backward()
            g_opt.step()
            d_opt.zero_grad()
        seconds = time.perf_counter() - start
        print(json.dumps({"epoch": epoch, "imagesPerSecond": len(train) / seconds, "d": d_loss.item(),
                          "g": g_loss.item()}), flush=True)


if __name__ == "__main__":
    main()

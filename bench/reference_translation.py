"""PyTorch reference of Regen's pix2pix and cyclegan, for speed (issue 21).

The same networks as Regen's for any image size, channel count and width:
- pix2pix: the U-Net of UNet.java (4x4 stride-2 convolutions down while both sides stay at least 1,
  at most 8 levels, filters doubling from the width up to 8x; leaky ReLU 0.2 down, ReLU up, skips
  concatenated; every convolution but the first and the innermost normalised, every transposed one
  but the last; dropout 0.5 on the levels from the fifth to the one next to the innermost; tanh)
  and the PatchGAN of PatchDiscriminator.java (three 4x4 stride-2 convolutions, fewer for small
  images, then two of stride 1; leaky ReLU 0.2; all but the first and last normalised) on input and
  output stacked; vanilla GAN loss plus 100 x L1 on [-1, 1], the discriminator's loss halved.
- cyclegan: ResnetGenerator.java both ways (reflection-padded 7x7 convolution, two 3x3 stride-2
  down, 6 residual blocks up to 128 pixels a side, else 9, two 3x3 stride-2 transposed up, 7x7 out,
  tanh), a PatchGAN per domain, least-squares loss, cycle 10, identity 0.5 x 10, pools of 50 past
  fakes; the generators' step, then the discriminators'.
Instance norm without affine parameters (both originals' default for CycleGAN, Regen's for both).
Adam 2e-4 with betas (0.5, 0.999). Images in [0, 1] are mapped to [-1, 1] at each network's input
and tanh back to [0, 1] at the generators' output, as Regen does.
Data: two image folders (--data and --target, the train/ split when there), read as
reference_common.read_images reads them; pix2pix pairs them in sorted-name order (the emoji
designs hold the same names), cyclegan takes them unpaired, the smaller cycling.
Prints one JSON line per epoch (items per second: a pair, or an image of each domain).
"""
import argparse
import json
import random
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from reference_common import multiply_adds, peak_rss_mb, read_images


def norm(channels):
    return nn.InstanceNorm2d(channels)


class UNet(nn.Module):
    def __init__(self, c_in, c_out, height, width, base):
        super().__init__()
        sides = [(height, width)]
        while len(sides) - 1 < 8 and min(sides[-1]) >= 2:
            sides.append((sides[-1][0] // 2, sides[-1][1] // 2))
        self.levels = levels = len(sides) - 1
        f = [c_in] + [min(base << (k - 1), 8 * base) for k in range(1, levels + 1)]
        self.downs = nn.ModuleList(nn.Conv2d(f[k - 1], f[k], 4, 2, 1) for k in range(1, levels + 1))
        self.down_norms = nn.ModuleList(nn.Identity() if k in (1, levels) else norm(f[k]) for k in range(1, levels + 1))
        self.ups, self.up_norms = nn.ModuleList(), nn.ModuleList()
        for k in range(levels, 0, -1):
            cin = f[k] if k == levels else 2 * f[k]
            cout = c_out if k == 1 else f[k - 1]
            extra = (sides[k - 1][0] - 2 * sides[k][0], sides[k - 1][1] - 2 * sides[k][1])
            self.ups.append(nn.ConvTranspose2d(cin, cout, 4, 2, 1, output_padding=extra))
            self.up_norms.append(nn.Identity() if k == 1 else norm(cout))

    def forward(self, x):
        h, skips = x * 2 - 1, []
        for k in range(1, self.levels + 1):
            h = self.down_norms[k - 1](self.downs[k - 1](h if k == 1 else F.leaky_relu(h, 0.2)))
            skips.append(h)
        for i, k in enumerate(range(self.levels, 0, -1)):
            h = self.up_norms[i](self.ups[i](F.relu(h if k == self.levels else torch.cat([h, skips[k - 1]], 1))))
            if 5 <= k < self.levels:
                h = F.dropout(h, 0.5, self.training)
        return (torch.tanh(h) + 1) / 2


class Patch(nn.Module):
    def __init__(self, c_in, height, width, base):
        super().__init__()
        strided, side = 0, min(height, width)
        while strided < 3 and side // 2 >= 3:
            strided, side = strided + 1, side // 2
        layers, cin, cout = [], c_in, base
        for i in range(strided + 1):
            layers.append(nn.Conv2d(cin, cout, 4, 2 if i < strided else 1, 1))
            if i > 0:
                layers.append(norm(cout))
            layers.append(nn.LeakyReLU(0.2))
            cin, cout = cout, min(cout * 2, 8 * base)
        layers.append(nn.Conv2d(cin, 1, 4, 1, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x * 2 - 1)


class Resnet(nn.Module):
    def __init__(self, c_in, c_out, height, width, base):
        super().__init__()
        self.first = nn.Sequential(nn.ReflectionPad2d(3), nn.Conv2d(c_in, base, 7), norm(base), nn.ReLU())
        self.downs = nn.Sequential(*[m for i in range(2) for m in (
            nn.Conv2d(base << i, base << (i + 1), 3, 2, 1), norm(base << (i + 1)), nn.ReLU())])
        inner = 4 * base
        self.blocks = nn.ModuleList(nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(inner, inner, 3), norm(inner), nn.ReLU(),
            nn.ReflectionPad2d(1), nn.Conv2d(inner, inner, 3), norm(inner))
            for _ in range(6 if max(height, width) <= 128 else 9))
        self.ups = nn.ModuleList(nn.ConvTranspose2d(inner >> i, inner >> (i + 1), 3, 2, 1) for i in range(2))
        self.up_norms = nn.ModuleList(norm(inner >> (i + 1)) for i in range(2))
        self.last = nn.Sequential(nn.ReflectionPad2d(3), nn.Conv2d(base, c_out, 7))

    def forward(self, x):
        h = self.first(x * 2 - 1)
        sizes = [h.shape[2:]]
        for i in range(0, len(self.downs), 3):
            h = self.downs[i + 2](self.downs[i + 1](self.downs[i](h)))
            sizes.append(h.shape[2:])
        for block in self.blocks:
            h = h + block(h)
        for i in range(2):
            target = sizes[1 - i]
            extra = (target[0] - (2 * h.shape[2] - 1), target[1] - (2 * h.shape[3] - 1))
            up = self.ups[i]
            h = F.relu(self.up_norms[i](F.conv_transpose2d(h, up.weight, up.bias, 2, 1, extra)))
        return (torch.tanh(self.last(h)) + 1) / 2


class Pool:
    def __init__(self, size):
        self.size, self.images = size, []

    def query(self, fakes):
        out = []
        for fake in fakes.detach():
            if len(self.images) < self.size:
                self.images.append(fake.clone())
                out.append(fake)
            elif random.random() < 0.5:
                slot = random.randrange(self.size)
                out.append(self.images[slot].clone())
                self.images[slot] = fake.clone()
            else:
                out.append(fake)
        return torch.stack(out)


def adam(*modules):
    return torch.optim.Adam([p for m in modules for p in m.parameters()], lr=2e-4, betas=(0.5, 0.999))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", choices=["pix2pix", "cyclegan"], required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--target", required=True)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--width", type=int, default=32)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    A, B = read_images(a.data, "train"), read_images(a.target, "train")
    (ca, h, w), cb = A.shape[1:], B.shape[1]
    items = len(A) if a.model == "pix2pix" else max(len(A), len(B))
    mse, bce = F.mse_loss, F.binary_cross_entropy_with_logits
    if a.model == "pix2pix":
        g, d = UNet(ca, cb, h, w, a.width), Patch(ca + cb, h, w, a.width)
        g_macs, fake = multiply_adds(g, A[:2])
        d_macs = multiply_adds(d, torch.cat([A[:2], fake], 1))[0]
        # G forward twice (discriminator's fake, its own step) and backward once; D on two pairs
        # forward and backward, then on one pair forward and backward for the generator's step.
        flops = 2 * (4 * g_macs + 9 * d_macs)
        g_opt, d_opt = adam(g), adam(d)
    else:
        gab, gba = Resnet(ca, cb, h, w, a.width), Resnet(cb, ca, h, w, a.width)
        da, db = Patch(ca, h, w, a.width), Patch(cb, h, w, a.width)
        g_macs = multiply_adds(gab, A[:2])[0] + multiply_adds(gba, B[:2])[0]
        d_macs = multiply_adds(da, A[:2])[0] + multiply_adds(db, B[:2])[0]
        # Per direction: fake, cycle and identity passes forward and backward (9), the
        # discriminators once in the generators' step and twice in their own, forward and backward.
        flops = 2 * (9 * g_macs + 9 * d_macs)
        g_opt, d_opt = adam(gab, gba), adam(da, db)
        pool_a, pool_b = Pool(50), Pool(50)
    for epoch in range(1, a.epochs + 1):
        order = torch.randperm(items)
        start = time.perf_counter()
        for i in range(0, items, a.batch):
            rows = order[i:i + a.batch]
            x, y = A[rows % len(A)], B[rows % len(B)]
            if a.model == "pix2pix":
                with torch.no_grad():
                    fake = g(x)
                real_score, fake_score = d(torch.cat([x, y], 1)), d(torch.cat([x, fake], 1))
                d_loss = 0.5 * (bce(real_score, torch.ones_like(real_score))
                                + bce(fake_score, torch.zeros_like(fake_score)))
                d_opt.zero_grad()
                d_loss.backward()
                d_opt.step()
                fake = g(x)
                score = d(torch.cat([x, fake], 1))
                g_loss = bce(score, torch.ones_like(score)) + 200 * F.l1_loss(fake, y)
                g_opt.zero_grad()
                g_loss.backward()
                g_opt.step()
                d_opt.zero_grad()
            else:
                for m in (da, db):
                    m.requires_grad_(False)
                fake_b, fake_a = gab(x), gba(y)
                sa, sb = da(fake_a), db(fake_b)
                cycle = F.l1_loss(gba(fake_b), x) + F.l1_loss(gab(fake_a), y)
                identity = F.l1_loss(gab(y), y) + F.l1_loss(gba(x), x)
                g_loss = mse(sb, torch.ones_like(sb)) + mse(sa, torch.ones_like(sa)) + 20 * cycle + 10 * identity
                g_opt.zero_grad()
                g_loss.backward()
                g_opt.step()
                for m in (da, db):
                    m.requires_grad_(True)
                pa, pb = pool_a.query(fake_a), pool_b.query(fake_b)
                ra, fa, rb, fb = da(x), da(pa), db(y), db(pb)
                d_loss = 0.5 * (mse(ra, torch.ones_like(ra)) + mse(fa, torch.zeros_like(fa))) \
                    + 0.5 * (mse(rb, torch.ones_like(rb)) + mse(fb, torch.zeros_like(fb)))
                d_opt.zero_grad()
                d_loss.backward()
                d_opt.step()
        seconds = time.perf_counter() - start
        print(json.dumps({"epoch": epoch, "imagesPerSecond": items / seconds, "d": d_loss.item(), "g": g_loss.item(),
                          "peakRssMb": peak_rss_mb(), "flopsPerImage": flops}), flush=True)


if __name__ == "__main__":
    main()

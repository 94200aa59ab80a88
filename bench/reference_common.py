"""What the PyTorch references (reference_vae.py, reference_dcgan.py) share: reading the data as
Regen reads it, Regen's conv geometry, the training FLOPs of a network and the peak memory."""
import glob
import gzip
import os
import resource
import struct

import numpy as np
import torch
import torch.nn as nn


def read_idx(path):
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    rank = raw[3]
    dims = struct.unpack(">" + "I" * rank, raw[4:4 + 4 * rank])
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank)
    return data.reshape(dims).astype(np.float32) / 255.0


def read_images(path, split="train", size=0):
    """Images [N, C, H, W] in [0, 1] of a split ("train" or "test") from an IDX folder
    (Fashion-MNIST's file names) or an image folder, PNGs composited onto white as Regen does by
    default (sub-folders read recursively; the split's sub-folder used when there); size resizes
    image folders to size x size."""
    prefix = "train" if split == "train" else "t10k"
    idx = [os.path.join(path, f"{prefix}-images-idx3-ubyte{end}") for end in (".gz", "")]
    idx = [p for p in idx if os.path.exists(p)]
    if idx:
        return torch.from_numpy(read_idx(idx[0])).unsqueeze(1)
    from PIL import Image
    root = os.path.join(path, split) if os.path.isdir(os.path.join(path, split)) else path
    files = sorted(glob.glob(os.path.join(root, "**", "*.png"), recursive=True))
    images = []
    for f in files:
        rgba = Image.open(f).convert("RGBA")
        if size and rgba.size != (size, size):
            rgba = rgba.resize((size, size), Image.BICUBIC)
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        images.append(np.asarray(Image.alpha_composite(white, rgba).convert("RGB"), dtype=np.float32) / 255.0)
    return torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).contiguous()


def geometry(height, width, channels, base):
    """Per level (height, width, filters) from the image down, as Regen's ConvGeometry: one 4x4
    stride-2 level per halving until the smaller side drops below 8, filters starting at the
    width and doubling per level (at most 8x)."""
    levels, f = [(height, width, channels)], base
    while min(height, width) >= 8 and len(levels) <= 6:
        height, width = height // 2, width // 2
        levels.append((height, width, f))
        f = min(f * 2, base * 8)
    return levels


def multiply_adds(module, *inputs):
    """Multiply-adds of one forward pass of module on inputs, per image, counted over its
    convolutions, transposed convolutions and linear layers (the rest is a few percent). Leaves
    the module and the random stream as they were, so counting changes no seeded run."""
    total = [0]

    def count(layer, args, out):
        if isinstance(layer, nn.Linear):
            total[0] += layer.in_features * layer.out_features * out.shape[0]
        elif isinstance(layer, nn.Conv2d):
            total[0] += out.numel() * layer.in_channels * layer.kernel_size[0] * layer.kernel_size[1]
        elif isinstance(layer, nn.ConvTranspose2d):
            total[0] += args[0].numel() * layer.out_channels * layer.kernel_size[0] * layer.kernel_size[1]

    hooks = [m.register_forward_hook(count) for m in module.modules()]
    training = module.training
    module.eval()
    with torch.no_grad(), torch.random.fork_rng():
        out = module(*inputs)
    module.train(training)
    for h in hooks:
        h.remove()
    return total[0] // len(inputs[0]), out


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

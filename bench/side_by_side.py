"""A grid of the same images from several folders, one row per folder, matched by file name: an
input, each model's translation of it, the truth. Needs Debian's python3-pil.
Usage: /usr/bin/python3 bench/side_by_side.py OUT.png N DIR [DIR ...]
(the first N names of the first folder, each cell 64x64)"""
import os
import sys

from PIL import Image

out, n, folders = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
names = sorted(f for f in os.listdir(folders[0]) if f.endswith(".png"))[:n]
cell, gap = 64, 2
grid = Image.new("RGB", (n * (cell + gap) + gap, len(folders) * (cell + gap) + gap), (64, 64, 64))
for row, folder in enumerate(folders):
    for column, name in enumerate(names):
        image = Image.open(os.path.join(folder, name)).convert("RGBA").resize((cell, cell), Image.BILINEAR)
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        grid.paste(Image.alpha_composite(white, image).convert("RGB"), (gap + column * (cell + gap), gap + row * (cell + gap)))
grid.save(out + ".tmp.png")
os.replace(out + ".tmp.png", out)

#!/usr/bin/env python3
"""Writes the first N images of one class of an IDX image file (with its label file beside it) as
8-bit grey PNGs, standard library only: inputs for `regen edit` in the benchmarks.
Usage: bench/export_class.py IMAGES.gz LABELS.gz CLASS N OUT_DIR"""
import gzip
import os
import struct
import sys
import zlib


def idx(path):
    with (gzip.open if path.endswith('.gz') else open)(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack('>' + 'I' * dims, data[4:4 + 4 * dims])
    return shape, data[4 + 4 * dims:]


def png(path, width, height, pixels):
    rows = b''.join(b'\x00' + pixels[r * width:(r + 1) * width] for r in range(height))
    chunk = lambda kind, body: (struct.pack('>I', len(body)) + kind + body
                                + struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff))
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 0, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))


def main(images, labels, wanted, count, out):
    (n, height, width), pixels = idx(images)
    _, classes = idx(labels)
    os.makedirs(out, exist_ok=True)
    written = 0
    for i in range(n):
        if classes[i] == int(wanted) and written < int(count):
            png(os.path.join(out, '%05d.png' % i), width, height, pixels[i * height * width:(i + 1) * height * width])
            written += 1
    print('wrote %d images of class %s to %s' % (written, wanted, out))


if __name__ == '__main__':
    main(*sys.argv[1:6])

package dev.regen.data.damage;

import dev.regen.Fuzz;
import dev.regen.config.ImageShape;
import net.jqwik.api.Example;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Fuzzes reading a user's mask PNG and turning it into known pixels, from black-and-white seeds. */
class MaskFuzzTest {
    /** As for any image: a header may claim up to 4096 x 4096 pixels before the data runs out. */
    private static final long ALLOCATION_LIMIT = 448L << 20;

    /** A 16 x 12 mask, white (missing) in a box, as {@code type} in {@code format}. */
    private static byte[] mask(int type, String format) {
        BufferedImage image = new BufferedImage(16, 12, type);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, x > 4 && x < 11 && y > 3 && y < 9 ? 0xffffff : 0);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Example
    void masksAreReadOrRefused() {
        List<byte[]> seeds = new ArrayList<>();
        for (int type : new int[]{BufferedImage.TYPE_BYTE_BINARY, BufferedImage.TYPE_BYTE_GRAY,
                BufferedImage.TYPE_INT_RGB}) {
            seeds.add(mask(type, "png"));
        }
        seeds.add(mask(BufferedImage.TYPE_BYTE_GRAY, "bmp"));
        Fuzz.run("mask", Fuzz.mutants(seeds), "mask.png", ALLOCATION_LIMIT, file -> {
            Mask.FromImage mask = Mask.FromImage.read(file);
            ImageShape shape = mask.mask().shape();
            mask.known(shape.height(), shape.width(), 0);
        });
    }
}

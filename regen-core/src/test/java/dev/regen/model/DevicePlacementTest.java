package dev.regen.model;

import dev.regen.RegenException;
import dev.regen.config.Augmentation;
import dev.regen.config.ImageShape;
import dev.regen.config.Likelihood;
import dev.regen.config.ModelConfig;
import dev.regen.config.ModelKind;
import dev.regen.nn.DiffAugment;
import dev.regen.nn.Noise;
import dev.regen.nn.Tensors;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device setting, checked without a GPU: libtorch's meta device holds shapes and no data, so
 * inputs and tensors made from nothing can be seen to follow the device. Models cannot: moving a
 * module's parameters in place to meta is refused (set_data needs a compatible tensor type, as CUDA's
 * is), so their placement is checked on a GPU (bench/gpu_check.sh).
 */
class DevicePlacementTest {
    private static final ImageShape COLOUR = new ImageShape(3, 32, 32);

    @BeforeAll
    static void start() {
        Torch.start(2);
    }

    @AfterEach
    void backToTheCpu() {
        Torch.useDevice("cpu");
        Torch.ensureStarted();
    }

    @Test
    void aCudaDeviceInACpuBuildOrANameThatIsNoDeviceIsRefusedInOneLine() {
        Torch.useDevice("cuda");
        RegenException cuda = assertThrows(RegenException.class, Torch::ensureStarted);
        assertTrue(cuda.getMessage().contains("this build of Regen is CPU-only"), cuda.getMessage());
        assertTrue(Torch.onCpu(), "a refused device leaves the CPU in place");
        assertThrows(RegenException.class, Torch::ensureStarted, "and is refused until another is chosen");
        Torch.useDevice("gpu0");
        RegenException name = assertThrows(RegenException.class, Torch::ensureStarted);
        assertEquals("--device gpu0 is no device: use cpu, cuda or cuda:N", name.getMessage());
        Torch.useDevice("cpu");
        Torch.ensureStarted();
        assertTrue(Torch.onCpu());
    }

    @Test
    void inputsNoiseAndAugmentationsFollowTheDevice() {
        Torch.useDevice("meta");
        Torch.ensureStarted();
        try (PointerScope scope = new PointerScope()) {
            ModelConfig labelled = new ModelConfig(ModelKind.DCGAN, COLOUR, 8, Likelihood.BERNOULLI, 8, 3);
            assertMeta(Tensors.labels(labelled, new int[]{0, 2}, 2));
            assertMeta(Noise.normal(2, 8));
            assertMeta(Noise.uniform(2, 8));
            Tensor images = Tensors.images(new float[2 * COLOUR.size()], 2, COLOUR);
            assertMeta(images);
            // Translation's grid sampler and cutout's logical_and have no meta kernels in this build.
            assertMeta(DiffAugment.apply(images, List.of(Augmentation.COLOR)));
        }
    }

    private static void assertMeta(Tensor tensor) {
        assertTrue(tensor.device().is_meta(), "a tensor on " + tensor.device().str().getString());
    }
}

import dev.regen.config.DataConfig;
import dev.regen.config.ImageShape;
import dev.regen.config.ModelConfig;
import dev.regen.data.DataSource;
import dev.regen.data.ImageDataset;
import dev.regen.model.Vae;
import dev.regen.nn.Torch;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Whether libtorch's CPU autocast to bfloat16 speeds up the default conv VAE's training step: two
 * identical models from one seed, one trained in fp32 and one with autocast (convolutions and
 * matrix products in bf16, the rest in fp32), in alternated blocks of steps on the same real
 * batches. Prints each block's images/s and mean loss per mode as JSON lines, then the ratio of
 * the medians. The autocast cache is off, so every step casts the weights Adam has just updated.
 *
 * <p>Run from the repository root after a build:
 * {@code java -cp "regen-cli/target/lib/*" bench/Bf16Step.java THREADS BLOCKS DATA}
 */
public class Bf16Step {
    private static final int STEPS_PER_BLOCK = 10;
    private static final int BATCHES = 20;

    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        int blocks = Integer.parseInt(args[1]);
        Torch.start(threads);
        ImageDataset train = DataSource.prepare(DataConfig.of(args[2]), 1).split().train();
        ImageShape shape = train.shape();
        Tensor[] batches = StepTrace.batches(train, BATCHES);
        torch.set_autocast_dtype(torch.DeviceType.CPU, torch.ScalarType.BFloat16);
        torch.set_autocast_cache_enabled(false);
        Trainee fp32 = new Trainee(shape, false);
        Trainee bf16 = new Trainee(shape, true);
        double[] fp32Rates = new double[blocks];
        double[] bf16Rates = new double[blocks];
        for (int block = 0; block < blocks; block++) {
            for (Trainee t : new Trainee[]{fp32, bf16}) {
                long start = System.nanoTime();
                double loss = 0;
                for (int s = 0; s < STEPS_PER_BLOCK; s++) {
                    loss += t.step(batches[(int) (t.steps % BATCHES)]);
                }
                double rate = STEPS_PER_BLOCK * StepTrace.BATCH / ((System.nanoTime() - start) / 1e9);
                (t == fp32 ? fp32Rates : bf16Rates)[block] = rate;
                System.out.printf("{\"block\": %d, \"mode\": \"%s\", \"imagesPerSecond\": %.1f, \"loss\": %.2f}%n",
                        block + 1, t.autocast ? "bf16" : "fp32", rate, loss / STEPS_PER_BLOCK);
            }
        }
        System.out.printf("median images/s: fp32 %.1f, bf16 autocast %.1f, ratio %.2f%n", StepTrace.median(fp32Rates),
                StepTrace.median(bf16Rates), StepTrace.median(bf16Rates) / StepTrace.median(fp32Rates));
    }

    /** A conv VAE and its Adam, trained with or without autocast. */
    private static final class Trainee {
        private final Vae vae;
        private final Adam adam;
        private final boolean autocast;
        private long steps;

        Trainee(ImageShape shape, boolean autocast) {
            torch.manual_seed(1);
            this.vae = new Vae(ModelConfig.convVae(shape));
            this.adam = new Adam(vae.parameters(), new AdamOptions(1e-3));
            this.autocast = autocast;
        }

        double step(Tensor batch) {
            steps++;
            try (PointerScope scope = new PointerScope()) {
                torch.set_autocast_enabled(torch.DeviceType.CPU, autocast);
                Tensor loss = vae.loss(batch, null, 1.0, 0).total();
                torch.set_autocast_enabled(torch.DeviceType.CPU, false);
                double value = loss.item_double();
                adam.zero_grad();
                loss.backward();
                adam.step();
                return value;
            }
        }
    }
}

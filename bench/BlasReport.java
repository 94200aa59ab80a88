import dev.regen.nn.Torch;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.presets.openblas_nolapack;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which BLAS Regen's engine runs on: starts it as training does ({@code Torch.start}), does one
 * convolution (oneDNN) and three 2048 x 2048 matrix products through libtorch's {@code mm}
 * (OpenBLAS), then prints the BLAS, oneDNN and OpenMP libraries mapped into this JVM
 * ({@code /proc/self/maps}), the OpenBLAS thread count the presets report, the mapped file that
 * holds {@code openblas_set_num_threads} (which Regen calls to keep OpenBLAS at one thread), and
 * the process's CPU time over wall time during the products: about 1 when OpenBLAS runs one thread.
 * A report only; it refuses nothing.
 *
 * <p>Run from the repository root after a build:
 * {@code java -cp "regen-cli/target/lib/*" bench/BlasReport.java THREADS}
 */
public class BlasReport {
    private static final Pattern LIBRARY = Pattern.compile("(?i).*(blas|lapack|mkl|dnnl|gomp|iomp|torch_cpu).*");

    public static void main(String[] args) throws IOException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Torch.start(threads);
        torch.conv2d(torch.rand(1, 8, 16, 16), torch.rand(8, 8, 3, 3)).sum().item_double();
        Tensor a = torch.rand(2048, 2048);
        Tensor b = torch.rand(2048, 2048);
        torch.mm(a, b).sum().item_double();
        double cpu = cpuSeconds();
        long start = System.nanoTime();
        for (int rep = 0; rep < 3; rep++) {
            torch.mm(a, b).sum().item_double();
        }
        double cpuPerWall = (cpuSeconds() - cpu) / ((System.nanoTime() - start) / 1e9);

        List<String[]> maps = new ArrayList<>();
        Set<String> libraries = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String[] fields = line.trim().split("\\s+", 6);
            if (fields.length == 6 && fields[5].startsWith("/")) {
                maps.add(fields);
                if (LIBRARY.matcher(Path.of(fields[5]).getFileName().toString()).matches()) {
                    libraries.add(fields[5]);
                }
            }
        }
        int blasThreads = openblas_nolapack.blas_get_num_threads();
        System.out.printf("Regen: libtorch (Bytedeco), %d threads, OpenMP %s, oneDNN %s; OpenBLAS at %d thread%s%n",
                torch.get_num_threads(), torch.hasOpenMP() ? "on" : "off", torch.hasMKLDNN() ? "on" : "off",
                blasThreads, blasThreads == 1 ? "" : "s");
        for (String library : libraries) {
            System.out.println("  " + library);
        }
        System.out.println("  openblas_set_num_threads is in "
                + fileHolding(maps, Loader.addressof("openblas_set_num_threads")));
        System.out.printf("  libtorch's mm (OpenBLAS), 2048 x 2048: CPU time / wall time %.2f%n", cpuPerWall);
    }

    /** User and system CPU seconds of this process, all threads (fields 14 and 15 of /proc/self/stat). */
    static double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** The mapped file whose address range holds {@code address}, or a note that none does. */
    static String fileHolding(List<String[]> maps, Pointer address) {
        if (address == null) {
            return "no mapped file (symbol not found)";
        }
        long at = address.address();
        for (String[] fields : maps) {
            String[] range = fields[0].split("-");
            if (Long.compareUnsigned(Long.parseUnsignedLong(range[0], 16), at) <= 0
                    && Long.compareUnsigned(at, Long.parseUnsignedLong(range[1], 16)) < 0) {
                return fields[5];
            }
        }
        return "no mapped file";
    }
}

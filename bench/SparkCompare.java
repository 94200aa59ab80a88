import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares the restorations of `regen spark restore` (a Parquet table of path, png) with those of
 * `regen restore` (a folder of NAME.png) pixel by pixel: how many images are identical, and the
 * largest difference in 8-bit levels.
 * Usage: java -cp "regen-spark/target/lib/*" bench/SparkCompare.java TABLE CLI_DIR
 */
public class SparkCompare {
    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("FATAL");
        int identical = 0;
        int compared = 0;
        int largest = 0;
        for (Row row : spark.read().parquet(args[0]).collectAsList()) {
            String path = row.getString(0);
            String name = path.substring(path.lastIndexOf('/') + 1);
            BufferedImage mine = ImageIO.read(new ByteArrayInputStream((byte[]) row.get(1)));
            BufferedImage cli = ImageIO.read(Files.newInputStream(Path.of(args[1], name)));
            int most = 0;
            for (int y = 0; y < cli.getHeight(); y++) {
                for (int x = 0; x < cli.getWidth(); x++) {
                    most = Math.max(most, Math.abs(mine.getRaster().getSample(x, y, 0) - cli.getRaster().getSample(x, y, 0)));
                }
            }
            compared++;
            identical += most == 0 ? 1 : 0;
            largest = Math.max(largest, most);
        }
        System.out.printf("compared %d images: %d identical, largest difference %d of 255%n", compared, identical,
                largest);
        spark.stop();
    }
}

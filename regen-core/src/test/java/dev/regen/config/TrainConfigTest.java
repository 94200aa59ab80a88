package dev.regen.config;

import dev.regen.RegenException;
import dev.regen.data.damage.Corruptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainConfigTest {
    @Test
    void theBuilderNamesEverySettingAndKeepsTheDefaultsOfWhatItIsNotGiven() {
        TrainConfig config = TrainConfig.builder().epochs(3).batchSize(64).learningRate(2e-3).criticSteps(5).build();
        assertEquals(new TrainConfig.Optimisation(3, 64, 2e-3, LearningRateSchedule.CONSTANT, 0.0, 0, 0.0),
                config.optimisation());
        assertEquals(new TrainConfig.Objective(1.0, 0.0, 0.0, 0, null), config.objective());
        assertEquals(new TrainConfig.Adversarial(5, 10.0, 20.0, java.util.List.of()), config.adversarial());
        assertEquals(new TrainConfig.Translation(GanLoss.VANILLA, 100, 0, 10, 0.5, 50, false), config.translation());
        assertEquals(1L, config.seed());
        assertEquals(0, config.threads());
        assertEquals(config, config.toBuilder().build());
        assertEquals(7, config.toBuilder().epochs(7).build().optimisation().epochs());
    }

    @Test
    void settingsRoundTripThroughJsonWithTheParsedDamage() throws Exception {
        TrainConfig config = TrainConfig.builder().inputDamage(Corruptions.parse("boxes:3x8")).iwaeSamples(5)
                .schedule(LearningRateSchedule.COSINE).binarize(true).build();
        String json = Json.MAPPER.writeValueAsString(config);
        assertTrue(json.contains("\"inputDamage\" : \"boxes:3x8\""), json);
        assertEquals(config, Json.MAPPER.readValue(json, TrainConfig.class));
        assertNull(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(TrainConfig.defaults()), TrainConfig.class)
                .objective().inputDamage());
        TrainConfig bf16 = config.toBuilder().precision(Precision.BF16).build();
        String written = Json.MAPPER.writeValueAsString(bf16);
        assertTrue(written.contains("\"precision\" : \"bf16\""), written);
        assertEquals(bf16, Json.MAPPER.readValue(written, TrainConfig.class));
        // Files written before precision was a setting trained in fp32.
        String older = written.replace(",\n  \"precision\" : \"bf16\"", "");
        assertEquals(Precision.FP32, Json.MAPPER.readValue(older, TrainConfig.class).precision());
        // Files written before the SSIM weight was a setting trained without the term.
        String ssim = Json.MAPPER.writeValueAsString(TrainConfig.builder().lambdaSsim(50).build());
        assertTrue(ssim.contains("\"lambdaSsim\" : 50.0,\n"), ssim);
        assertEquals(50, Json.MAPPER.readValue(ssim, TrainConfig.class).translation().lambdaSsim());
        String withoutSsim = ssim.replaceAll("\\s*\"lambdaSsim\" : 50.0,", "");
        assertEquals(0, Json.MAPPER.readValue(withoutSsim, TrainConfig.class).translation().lambdaSsim());
        // Files written before the weight average was a setting kept none.
        String ema = Json.MAPPER.writeValueAsString(TrainConfig.builder().emaDecay(0.999).build());
        assertTrue(ema.contains("\"emaDecay\" : 0.999\n"), ema);
        assertEquals(0.999, Json.MAPPER.readValue(ema, TrainConfig.class).optimisation().emaDecay());
        String withoutEma = ema.replaceAll(",\\s*\"emaDecay\" : 0.999", "");
        assertEquals(0, Json.MAPPER.readValue(withoutEma, TrainConfig.class).optimisation().emaDecay());
    }

    @Test
    void aStoredMaskIsReadOnlyWhenUsedSoTheSettingsLoadAfterTheMaskHasGone() throws Exception {
        String json = "{\"optimisation\":{\"epochs\":1,\"batchSize\":8,\"learningRate\":0.001,"
                + "\"schedule\":\"constant\",\"gradClip\":0.0},\"objective\":{\"beta\":1.0,\"klWarmupEpochs\":0.0,"
                + "\"freeBits\":0.0,\"iwaeSamples\":0,\"inputDamage\":\"mask:/no/such/mask.png\"},"
                + "\"adversarial\":{\"criticSteps\":1,\"gradientPenalty\":10.0,\"adversarialWeight\":20.0},"
                + "\"binarize\":false,\"seed\":1,\"threads\":0}";
        TrainConfig config = Json.MAPPER.readValue(json, TrainConfig.class);
        assertEquals("mask:/no/such/mask.png", config.objective().inputDamage().spec());
        RegenException use = assertThrows(RegenException.class,
                () -> config.objective().inputDamage().apply(new float[4], 0, new ImageShape(1, 2, 2), 1L));
        assertEquals("mask file /no/such/mask.png does not exist", use.getMessage());
        assertThrows(RegenException.class, () -> Corruptions.parse("mask:/no/such/mask.png"));
    }

    @Test
    void anOutOfRangeSettingIsNamedInWordsNotAsAFlag() {
        RegenException e = assertThrows(RegenException.class, () -> TrainConfig.builder().batchSize(0).build());
        assertEquals("batch size must be between 1 and 65536, got 0", e.getMessage());
    }
}

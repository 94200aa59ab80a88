/**
 * The maths of evaluation on plain arrays and numbers, without the engine: ELBO and IWAE bounds
 * in nats and bits, PSNR and SSIM, Frechet distance, KID and precision/recall of feature sets.
 */
package dev.regen.eval.metric;

/**
 * Restoration of damaged images with a trained model: projection through a VAE's encoder, latent
 * search and posterior sampling (one strategy each), a restorer for images of any size, the
 * classical OpenCV baselines, and their evaluation by PSNR and SSIM.
 */
package dev.regen.restore;

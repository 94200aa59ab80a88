/** Regen: train deep generative image models (VAE, GAN) and use them to generate and restore images. */
package dev.regen;

/** Using trained models: prior samples, reconstructions, latent interpolation. */
package dev.regen.sample;

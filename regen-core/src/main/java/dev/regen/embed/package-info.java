/** A use: the latent code of a trained VAE as features of images, for recognition and search. */
package dev.regen.embed;

/** Translating images of any size with a trained translation model (pix2pix). */
package dev.regen.translate;

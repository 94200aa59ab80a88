/**
 * A use: editing images through their latent code. Directions are found in the codes of labelled
 * images (the difference of class means) or of any images (their principal directions); an edit
 * encodes an image, moves its code along one, decodes, and adds the decoded change to the image.
 */
package dev.regen.edit;

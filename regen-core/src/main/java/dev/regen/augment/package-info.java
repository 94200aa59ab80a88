/**
 * A use: synthetic training data. A generative model's samples, labelled by the class a
 * conditional model drew, written as an image folder that training reads back
 * ({@code --add-train}).
 */
package dev.regen.augment;

/** Generative models built from the nn blocks; each computes its own named losses. */
package dev.regen.model;

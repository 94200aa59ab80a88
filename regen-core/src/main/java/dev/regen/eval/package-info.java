/** Evaluation: ELBO and importance-sampled likelihood bounds, unit conversions. */
package dev.regen.eval;

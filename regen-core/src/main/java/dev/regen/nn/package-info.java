/** Network building blocks on libtorch (encoders, decoders) and the engine's start-up. */
package dev.regen.nn;

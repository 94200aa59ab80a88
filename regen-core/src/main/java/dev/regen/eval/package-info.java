/**
 * Evaluation of trained models: passes of the engine over held-out images (likelihood bounds,
 * classifier accuracy, generation scores); the maths behind them is in {@code eval.metric}.
 */
package dev.regen.eval;

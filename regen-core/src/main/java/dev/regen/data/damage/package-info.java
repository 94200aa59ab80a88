/**
 * Damage models: the ways images are damaged (noise, missing pixels, low resolution, blur), each
 * stating in one class its forward operator, what an observation of it knows, its classical
 * baselines and its written form; and the restoration tasks that undo them. Plain arrays only,
 * no engine: restoration runs the same operators on tensors through {@link
 * dev.regen.data.damage.ObservationOps}.
 */
package dev.regen.data.damage;

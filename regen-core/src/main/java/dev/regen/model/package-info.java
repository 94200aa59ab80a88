/**
 * Models built from the nn blocks, one family per class, each computing its own named losses and
 * declaring its {@link dev.regen.model.ModelFamily} (defaults, validation, factory), listed in
 * {@link dev.regen.model.ModelFamilies}.
 */
package dev.regen.model;

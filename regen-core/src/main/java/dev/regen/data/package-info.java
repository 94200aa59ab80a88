/**
 * Datasets as plain float arrays: IDX, NPY and image-folder readers, shape conversion, splits and
 * a prefetching batch loader. Nothing here touches the tensor engine.
 */
package dev.regen.data;

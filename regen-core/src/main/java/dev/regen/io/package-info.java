/** Files: PNG images and grids, charts, model files, all written atomically. No engine here. */
package dev.regen.io;

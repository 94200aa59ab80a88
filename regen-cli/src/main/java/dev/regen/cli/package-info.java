/** The {@code regen} command line: thin picocli commands over the core library. */
package dev.regen.cli;

/**
 * Regen Studio: a Javalin server and one web page over the core library ({@link dev.regen.server.Studio}).
 * A front end like the command line: it calls core and maps its errors to HTTP statuses.
 */
package dev.regen.server;

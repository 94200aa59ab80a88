package dev.regen.config;

import dev.regen.RegenException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Settings chosen from a fixed list by a lower-case name, as written on the command line and in JSON. */
public interface Named {
    /** The name used on the command line and in model files. */
    String cliName();

    /** Finds the constant of {@code type} whose {@link #cliName()} is {@code name}. */
    static <E extends Enum<E> & Named> E parse(Class<E> type, String field, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.cliName().equalsIgnoreCase(name)) {
                return e;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Named::cliName).collect(Collectors.joining("|"));
        throw new RegenException(field + " must be one of " + allowed + ", got '" + name + "'");
    }
}

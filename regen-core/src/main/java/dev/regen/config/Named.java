package dev.regen.config;

import dev.regen.RegenException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Settings chosen from a fixed list by a lower-case name, as written in settings, model files and by front ends. */
public interface Named {
    /** The setting's name, as written in model files and accepted by every front end. */
    String id();

    /** Finds the constant of {@code type} whose {@link #id()} is {@code name}. */
    static <E extends Enum<E> & Named> E parse(Class<E> type, String field, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equalsIgnoreCase(name)) {
                return e;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Named::id).collect(Collectors.joining("|"));
        throw new RegenException(field + " must be one of " + allowed + ", got '" + name + "'");
    }
}

package org.ctrace.io;

/**
 * A column an input file may have.
 *
 * @param name the column name in lower case
 * @param required whether the header must name it
 */
public record Column(String name, boolean required) {

    public static Column required(String name) {
        return new Column(name, true);
    }

    public static Column optional(String name) {
        return new Column(name, false);
    }
}

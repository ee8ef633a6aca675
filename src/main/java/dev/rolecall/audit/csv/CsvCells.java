package dev.rolecall.audit.csv;

/** The cells of the audit module's CSV files. */
public final class CsvCells {

    private CsvCells() {}

    /**
     * Prefixes a cell that a spreadsheet would run as a formula (it starts with {@code = + - @}, a
     * tab or a carriage return) with a single quote, so it stays text.
     */
    public static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}

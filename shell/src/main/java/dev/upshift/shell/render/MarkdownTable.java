package dev.upshift.shell.render;

import java.util.ArrayList;
import java.util.List;

/** A table in the runbook's own Markdown style, columns padded so it also reads well in a terminal. */
public final class MarkdownTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... headers) {
        this.headers = List.of(headers);
    }

    public MarkdownTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell.toString().replace("|", "\\|").replace("\n", " "));
        }
        rows.add(row);
        return this;
    }

    public String render() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headers.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder table = new StringBuilder();
        line(table, headers, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(table, rule, widths);
        rows.forEach(row -> line(table, row, widths));
        return table.toString();
    }

    private static void line(StringBuilder table, List<String> cells, int[] widths) {
        table.append('|');
        for (int column = 0; column < widths.length; column++) {
            table.append(' ').append(pad(cells.get(column), widths[column])).append(" |");
        }
        table.append('\n');
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }
}

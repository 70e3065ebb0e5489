package io.wirebench.report.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of plain-text cells, the one model the report's tables share: Markdown and HTML each render it
 * (and escape its cells for themselves); nothing is parsed back out of a rendering.
 */
public final class Table {
    private final List<String> header;
    private final String align;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * {@code align}: one letter per column, {@code l} (text) or {@code r} (figures), e.g. {@code "llrr"};
     * then the column headings.
     */
    public Table(String align, String... header) {
        if (align.length() != header.length || !align.matches("[lr]*")) {
            throw new IllegalArgumentException("alignment '" + align + "' does not fit " + header.length + " columns");
        }
        this.align = align;
        this.header = List.of(header);
    }

    /** Adds a row; each cell is the text of its value. */
    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns (" + header + ")");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public List<List<String>> rows() {
        return rows;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        line(md, header);
        md.append('|');
        for (char a : align.toCharArray()) {
            md.append(a == 'r' ? "---:|" : "---|");
        }
        md.append('\n');
        rows.forEach(r -> line(md, r));
        return md.toString();
    }

    private static void line(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(Format.markdown(cell)).append(" |");
        }
        md.append('\n');
    }

    public String html() {
        StringBuilder h = new StringBuilder("<table>\n");
        htmlRow(h, "th", header);
        rows.forEach(r -> htmlRow(h, "td", r));
        return h.append("</table>\n").toString();
    }

    private static void htmlRow(StringBuilder h, String tag, List<String> cells) {
        h.append("<tr>");
        for (String cell : cells) {
            h.append('<').append(tag).append('>').append(Format.html(cell.strip())).append("</").append(tag).append('>');
        }
        h.append("</tr>\n");
    }
}

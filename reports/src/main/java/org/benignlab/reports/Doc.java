package org.benignlab.reports;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The report as a list of blocks, rendered once as HTML and once as Markdown so that both say the
 * same thing. Every string in a block is plain text and is escaped by the renderer: HTML escapes
 * {@code & < > " '}; Markdown backslash-escapes its punctuation (including {@code |} in table cells).
 */
final class Doc {
    /** A piece of inline text. */
    record Span(String text, boolean code, boolean bold) {
        static Span text(String t) {
            return new Span(t, false, false);
        }

        static Span code(String t) {
            return new Span(t, true, false);
        }

        static Span bold(String t) {
            return new Span(t, false, true);
        }
    }

    sealed interface Block permits Heading, Paragraph, Table, FigureBlock, Bullets {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(List<Span> spans) implements Block {
    }

    /** A table; {@code right[i]} right-aligns column i. */
    record Table(List<String> header, boolean[] right, List<List<String>> rows) implements Block {
    }

    /** A figure: PNG bytes inlined in HTML, {@code figures/<name>.png} in Markdown. */
    record FigureBlock(int number, String name, String title, String caption, byte[] png, int width, int height)
            implements Block {
    }

    record Bullets(List<List<Span>> items) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    Doc(String title) {
        this.title = title;
    }

    Doc heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    Doc paragraph(Span... spans) {
        blocks.add(new Paragraph(List.of(spans)));
        return this;
    }

    Doc paragraph(String text) {
        return paragraph(Span.text(text));
    }

    Doc add(Block b) {
        blocks.add(b);
        return this;
    }

    // ---------------------------------------------------------------- HTML

    static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = String.join("\n",
            "body{font-family:-apple-system,'Segoe UI',Roboto,'DejaVu Sans','Liberation Sans',Arial,sans-serif;",
            "margin:0;color:#111;background:#fff;line-height:1.45}",
            "main{max-width:1200px;margin:0 auto;padding:24px}",
            "h1{font-size:1.9em;margin:0.2em 0 0.4em}h2{margin-top:1.6em;border-bottom:1px solid #ccc}",
            "table{border-collapse:collapse;margin:0.8em 0;font-size:0.95em}",
            "th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}",
            "th{background:#f0f0f0}td.r,th.r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
            "tbody tr:nth-child(even){background:#fafafa}",
            "figure{margin:1.5em 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}",
            "figcaption{max-width:1100px;margin-top:0.4em}",
            "code{font-family:'DejaVu Sans Mono',Consolas,monospace;font-size:0.92em;background:#f4f4f4;padding:0 2px}",
            "li{margin:0.2em 0}");

    String toHtml() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(html(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n<main>\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("<h").append(h.level()).append('>').append(html(h.text())).append("</h").append(h.level())
                        .append(">\n");
            } else if (b instanceof Paragraph p) {
                sb.append("<p>").append(htmlSpans(p.spans())).append("</p>\n");
            } else if (b instanceof Table t) {
                sb.append("<table>\n<thead><tr>");
                for (int i = 0; i < t.header().size(); i++) {
                    sb.append(t.right()[i] ? "<th class=\"r\">" : "<th>").append(html(t.header().get(i))).append("</th>");
                }
                sb.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : t.rows()) {
                    sb.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        sb.append(t.right()[i] ? "<td class=\"r\">" : "<td>").append(html(row.get(i))).append("</td>");
                    }
                    sb.append("</tr>\n");
                }
                sb.append("</tbody>\n</table>\n");
            } else if (b instanceof FigureBlock f) {
                sb.append("<figure id=\"").append(html("fig-" + f.name())).append("\">\n<img src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(f.png())).append("\" alt=\"").append(html(f.title()))
                        .append("\" width=\"").append(f.width()).append("\" height=\"").append(f.height())
                        .append("\">\n<figcaption><strong>Figure ").append(f.number()).append(".</strong> ")
                        .append(html(f.caption())).append("</figcaption>\n</figure>\n");
            } else if (b instanceof Bullets l) {
                sb.append("<ul>\n");
                for (List<Span> item : l.items()) {
                    sb.append("<li>").append(htmlSpans(item)).append("</li>\n");
                }
                sb.append("</ul>\n");
            }
        }
        sb.append("</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static String htmlSpans(List<Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            if (s.code()) {
                sb.append("<code>").append(html(s.text())).append("</code>");
            } else if (s.bold()) {
                sb.append("<strong>").append(html(s.text())).append("</strong>");
            } else {
                sb.append(html(s.text()));
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- Markdown

    /** Markdown text: backslash before its punctuation, entities for {@code < > &}, no line breaks. */
    static String md(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|' -> sb.append('\\').append(c);
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\r', '\n' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An inline code span (paragraphs and lists only) whose fence is longer than any backtick run inside. */
    static String mdCode(String s) {
        String flat = s.replaceAll("[\\r\\n]+", " ");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < flat.length(); i++) {
            run = flat.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return fence + pad + flat + pad + fence;
    }

    String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Block b : blocks) {
            if (!first) {
                sb.append('\n');
            }
            first = false;
            if (b instanceof Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(md(h.text())).append('\n');
            } else if (b instanceof Paragraph p) {
                sb.append(mdSpans(p.spans())).append('\n');
            } else if (b instanceof Table t) {
                sb.append('|');
                for (String h : t.header()) {
                    sb.append(' ').append(md(h)).append(" |");
                }
                sb.append("\n|");
                for (int i = 0; i < t.header().size(); i++) {
                    sb.append(t.right()[i] ? "---:|" : "---|");
                }
                sb.append('\n');
                for (List<String> row : t.rows()) {
                    sb.append('|');
                    for (String cell : row) {
                        sb.append(' ').append(md(cell)).append(" |");
                    }
                    sb.append('\n');
                }
            } else if (b instanceof FigureBlock f) {
                sb.append("![").append(md(f.title())).append("](figures/").append(f.name()).append(".png)\n\n")
                        .append("*Figure ").append(f.number()).append(".* ").append(md(f.caption()))
                        .append(" Vector version (PDF, for LaTeX): ").append(mdCode("figures/" + f.name() + ".pdf"))
                        .append("; plotted numbers: ").append(mdCode("figures/" + f.name() + ".csv")).append(".\n");
            } else if (b instanceof Bullets l) {
                for (List<Span> item : l.items()) {
                    sb.append("- ").append(mdSpans(item)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String mdSpans(List<Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            if (s.code()) {
                sb.append(mdCode(s.text()));
            } else if (s.bold()) {
                sb.append("**").append(md(s.text())).append("**");
            } else {
                sb.append(md(s.text()));
            }
        }
        return sb.toString();
    }
}

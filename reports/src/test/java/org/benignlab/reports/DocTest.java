package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Escaping of text from result files in both renderings. */
class DocTest {
    @Test
    void htmlEscapesTheFiveSpecialCharacters() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; &amp;&quot;&#39;", Doc.html("<script>alert(1)</script> &\"'"));
        assertEquals("‖μ‖ = 31.6", Doc.html("‖μ‖ = 31.6"));
    }

    @Test
    void markdownEscapesPunctuationPipesAndLineBreaks() {
        assertEquals("a\\|b &lt;i&gt; \\*x\\* \\_y\\_ \\[l\\](u) c \\\\ d", Doc.md("a|b <i> *x* _y_ [l](u) c \\ d"));
        assertEquals("one two", Doc.md("one\ntwo"));
        assertEquals("`data.p`", Doc.mdCode("data.p"));
        assertEquals("``a`b``", Doc.mdCode("a`b"));
    }

    @Test
    void bothRenderingsCarryTheSameTable() {
        Doc d = new Doc("t").add(new Doc.Table(java.util.List.of("name", "value"), new boolean[] {false, true},
                java.util.List.of(java.util.List.of("x|y", "<1>"))));
        assertEquals("| name | value |\n|---|---:|\n| x\\|y | &lt;1&gt; |\n", d.toMarkdown());
        String html = d.toHtml();
        assertEquals(true, html.contains("<tr><td>x|y</td><td class=\"r\">&lt;1&gt;</td></tr>"), html);
    }
}

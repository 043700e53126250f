package org.pyport.kernel;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import jdk.jshell.JShell;

class JavadocTextTest {

    @Test
    void inlineTagsBecomeTheirText() {
        assertEquals("The String class; see Object.equals and the hash code; a < b",
                JavadocText.plain(" The {@code String} class; see {@link Object#equals} and {@linkplain #hashCode the hash code}; {@literal a < b}"));
    }

    @Test
    void htmlBecomesParagraphsListsAndEntities() {
        String text = JavadocText.plain(" First.\n <p>\n Second &amp; last:\n <ul><li>one</li><li>two</li></ul>");
        assertEquals("First.\n\nSecond & last:\n\n  - one\n  - two", text);
    }

    @Test
    void codeBlocksKeepTheirLinesAndBlockTagsStartALine() {
        String text = JavadocText.plain(" Example:\n <blockquote><pre>\n     String c = \"abc\";\n </pre></blockquote>\n @param x the value\n @return {@code true} if so");
        assertTrue(text.contains("\n    String c = \"abc\";\n"), text);
        assertTrue(text.contains("\n\n@param x the value\n@return true if so"), text);
        assertFalse(text.contains("<"), text);
    }

    @Test
    void jdkDocumentationOfStringReadsAsText() {
        try (var shell = JShell.create()) {
            var docs = shell.sourceCodeAnalysis().documentation("String", 6, true);
            Assumptions.assumeTrue(docs.get(0).javadoc() != null,
                    "this JDK has no lib/src.zip, so no Javadoc (Debian: apt-get install openjdk-17-source)");
            String text = JavadocText.plain(docs.get(0).javadoc());
            assertTrue(text.startsWith("The String class represents character strings."), text);
            assertFalse(text.contains("{@"), text);
            assertFalse(text.matches("(?s).*<(p|pre|blockquote)>.*"), text);
        }
    }
}

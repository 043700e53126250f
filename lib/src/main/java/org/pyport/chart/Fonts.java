package org.pyport.chart;

import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks a font family that renders CJK and ASCII: a known CJK family when installed, else the
 * logical "SansSerif" (which the JDK maps through fontconfig and SVG maps to sans-serif).
 */
final class Fonts {
    private static final List<String> CJK = List.of("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei",
            "WenQuanYi Micro Hei", "Source Han Sans SC", "Droid Sans Fallback", "AR PL UMing CN");
    private static volatile String family;

    private Fonts() {}

    static String family() {
        String f = family;
        if (f == null) {
            f = "SansSerif";
            try {
                Set<String> installed = new HashSet<>(Arrays.asList(
                        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
                for (String c : CJK) {
                    if (installed.contains(c)) {
                        f = c;
                        break;
                    }
                }
            } catch (RuntimeException | Error e) {
                // no fontconfig: keep the logical font
            }
            family = f;
        }
        return f;
    }

    /**
     * The CSS font-family list for an SVG text drawn in {@code family}: that family, the most common
     * CJK families, then the generic sans-serif, so a browser without the measured font still draws
     * Chinese and keeps the widths close.
     */
    static String cssFamilies(String family) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        if (family != null && !family.isEmpty() && !"SansSerif".equals(family) && !"Dialog".equals(family)) names.add(family);
        names.addAll(CJK.subList(0, 3));
        StringBuilder sb = new StringBuilder();
        for (String n : names) sb.append('"').append(n).append("\", ");
        return sb.append("sans-serif").toString();
    }
}

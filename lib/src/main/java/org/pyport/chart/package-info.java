/**
 * Static charts (line, bar, grouped bar) from Tablesaw tables, drawn by JFreeChart into SVG with
 * JFreeSVG: no scripts, no remote references, so rendered notebooks show them anywhere.
 */
package org.pyport.chart;

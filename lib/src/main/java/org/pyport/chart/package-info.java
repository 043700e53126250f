/**
 * Static charts (line, bar, grouped bar) from Tablesaw tables, drawn by JFreeChart into SVG with
 * JFreeSVG: no scripts, no remote references, so rendered notebooks show them anywhere. Every chart
 * is drawn for readers: axis titles as given (words with units), category labels whole, one
 * colour-blind-safe {@link org.pyport.chart.Palette} for the collection, its own white background, and
 * an SVG {@code <title>} and {@code <desc>}.
 */
package org.pyport.chart;

/**
 * The display bridge: {@link org.pyport.display.Show} sends MIME bundles to whichever kernel runs the
 * notebook (ours/JJava, IJava, rapaio, found at run time through {@link org.pyport.display.DisplaySink}),
 * or prints text outside a kernel; {@link org.pyport.display.Tables} shows Tablesaw tables as HTML (head, "…", tail
 * for long tables) plus text; {@link org.pyport.display.Progress} is a bar updated in place.
 */
package org.pyport.display;

/** Python's timeit / IPython's %timeit for Java: warm-up, autorange, repeats, IPython-style report. */
package org.pyport.timing;

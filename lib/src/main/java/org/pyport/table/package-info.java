/** Tablesaw tables as HTML (head, "…", tail for long tables) plus text, for notebook output. */
package org.pyport.table;

/**
 * Child JVMs running notebook-defined code, Java's answer to Python's multiprocessing: no fork, so a new
 * JVM starts on the kernel's classpath plus the folder of cell-compiled classes, and is always reaped.
 */
package org.pyport.child;

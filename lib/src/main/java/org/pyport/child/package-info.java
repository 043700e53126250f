/**
 * Child JVMs running notebook-defined code, Java's answer to Python's multiprocessing: no fork, so a new
 * JVM starts on the kernel's classpath plus the folder of cell-compiled classes, and is always reaped.
 * {@link org.pyport.child.JvmCommand} builds the command line of every child JVM this library starts.
 */
package org.pyport.child;

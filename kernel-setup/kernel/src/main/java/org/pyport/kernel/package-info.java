/**
 * The pyport Jupyter kernel: an IJava-compatible Java kernel on JJava's protocol library and {@code jdk.jshell}.
 * Entry point: {@link org.pyport.kernel.KernelMain#main(String[])}.
 */
package org.pyport.kernel;

/**
 * CPU use over time of this JVM, child processes, any PID or single threads, as a table
 * {@code (time_s, process, cpu_pct)} with 100 = one core; for the threads-vs-processes sections.
 */
package org.pyport.cpu;

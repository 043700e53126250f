/**
 * Ready-made programs for the notebook, the benchmark and the tests: the seed's taskworker as a
 * Java main, and a small launcher for child JVMs that run them.
 */
package org.pyport.distributed.demo;

/**
 * Ready-made programs for the notebook, the benchmark and the tests: the seed's taskworker as a
 * Java main, started in child JVMs with {@link org.pyport.child.ChildJvm} or
 * {@link org.pyport.child.JvmCommand}.
 */
package org.pyport.distributed.demo;

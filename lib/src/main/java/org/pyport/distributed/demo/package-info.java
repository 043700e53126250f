/** For the notebook and the tests: the tutorial's taskworker as a Java main, and measurements with it. */
package org.pyport.distributed.demo;

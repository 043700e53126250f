/** Running cells with JShell inside the kernel JVM: execution control, evaluation, error reporting. */
package org.pyport.kernel.exec;

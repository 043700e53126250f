/** The kernel's Jupyter sockets: JJava's connection with blocking shell/control loops. */
package org.pyport.kernel.net;

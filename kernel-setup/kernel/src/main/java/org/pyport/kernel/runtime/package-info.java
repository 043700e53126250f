/** Classes notebook code uses directly (statically imported display functions, value hand-over). */
package org.pyport.kernel.runtime;

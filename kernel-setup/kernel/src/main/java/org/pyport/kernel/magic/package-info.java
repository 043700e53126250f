/** Line and cell magics of the kernel ({@code %%python}, {@code %jars}, {@code %classpath}, ...). */
package org.pyport.kernel.magic;

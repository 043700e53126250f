/** IJava's display types (renderer registration, {@code DisplayData}, {@code MIMEType}) over the kernel's own. */
package io.github.spencerpark.jupyter.kernel.display;

/**
 * IJava's notebook-facing names ({@code IJava.getKernelInstance()}, its renderer, {@code runtime.Kernel},
 * {@code runtime.Display}, {@code runtime.Magics}), so that notebooks written for IJava run unchanged; they are thin
 * views of the kernel's own runtime API ({@code org.pyport.kernel.runtime}).
 */
package io.github.spencerpark.ijava;

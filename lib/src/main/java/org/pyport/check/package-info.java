/**
 * Checks that fail loudly ({@link org.pyport.check.Checks}, {@link org.pyport.check.AnyOrder} for output whose
 * lines interleave), output capture for comparing with CPython ({@link org.pyport.check.Capture}), and a
 * notebook's hygiene: the temp directory it writes into ({@link org.pyport.check.Sandbox}, shown to
 * {@code %%python} cells by {@link org.pyport.check.SandboxLink}) and the threads and child processes it must
 * not leave running ({@link org.pyport.check.LeakCheck}).
 */
package org.pyport.check;

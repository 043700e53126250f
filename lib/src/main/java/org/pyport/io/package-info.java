/**
 * File IO and serialization, Python's way, for the IO notebooks: {@link org.pyport.io.PyJson} (Jackson
 * printing exactly what {@code json.dumps} prints), {@link org.pyport.io.JavaSerial} and {@link org.pyport.io.SerialFilters} (pickle-shaped Java
 * serialization and the allow-list filter that makes reading it safe), {@link org.pyport.io.ReadBench}
 * (timed ways to read a file, down to an {@code O_DIRECT} disk read), {@link org.pyport.io.FileModes}
 * ({@code stat.filemode}), {@link org.pyport.io.PyPaths} ({@code os.path.split/splitext} rules) and
 * {@link org.pyport.io.SandboxLink} (how {@code %%python} cells find the notebook's sandbox).
 */
package org.pyport.io;

package org.pyport.kernel.runtime;

/**
 * Names the kernel's default imports inside JShell; it has no members. The default imports are evaluated as one
 * JShell snippet (one javac run instead of one per import) that starts with
 * {@code import static org.pyport.kernel.runtime.DefaultImports.*;}. JShell keys an import snippet by its first
 * import and replaces a snippet when a later one has the same key, so a key that no notebook writes keeps the
 * defaults in place when a cell imports one of them again (say {@code import java.io.*;}).
 */
public final class DefaultImports {
    private DefaultImports() {
    }
}

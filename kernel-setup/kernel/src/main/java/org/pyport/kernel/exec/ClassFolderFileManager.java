package org.pyport.kernel.exec;

import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The compiler's file manager for JShell, with one change: the {@code -classpath} option JShell sets. JShell always
 * compiles against the JVM's class path ({@code java.class.path}) first, then what was added to it; here what was
 * added (the notebook's jars and folders) comes first, so that a notebook's version of a library wins over the helper
 * library's copy at compile time as it does at run time ({@link CellClassLoader}), and the JVM's jars are replaced by
 * a folder holding the class files cells may compile against, when the installer made one.
 *
 * <p>That folder (the helper library's jars and the kernel's notebook API, unpacked) also makes the kernel start
 * sooner: javac opens every jar of its class path as a zip file system and walks all of its entries before the first
 * compilation, to index their packages; the kernel's jars (Tablesaw, Hazelcast and their dependencies) have 36,000.
 * A folder is looked into only for the packages a compilation needs. On two cores this is about a third of a second
 * of the kernel's start. Every other call goes to the standard file manager unchanged.
 */
final class ClassFolderFileManager implements StandardJavaFileManager {

    private final StandardJavaFileManager standard;
    private final Path folder;
    private final Set<Path> replaced;

    /**
     * @param standard the compiler's standard file manager
     * @param folder   the folder holding the class files cells compile against in place of {@code replaced}, or
     *                 null to keep those jars (after the notebook's entries)
     * @param replaced the JVM's class path entries (absolute, normalized)
     */
    ClassFolderFileManager(StandardJavaFileManager standard, Path folder, Set<Path> replaced) {
        this.standard = standard;
        this.folder = folder;
        this.replaced = Set.copyOf(replaced);
    }

    /**
     * @param classpath a class path
     * @return the class path with the entries that are not {@code replaced} first, in their order, then the folder
     * in place of the replaced ones (or those, when there is no folder)
     */
    String rewrite(String classpath) {
        List<String> added = new ArrayList<>();
        List<String> jvm = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            boolean isJvm = replaced.contains(Path.of(entry).toAbsolutePath().normalize());
            String kept = isJvm && folder != null ? folder.toString() : entry;
            List<String> side = isJvm ? jvm : added;
            if (!side.contains(kept)) {
                side.add(kept);
            }
        }
        added.addAll(jvm);
        return String.join(File.pathSeparator, added);
    }

    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        if (List.of("-classpath", "-cp", "--class-path").contains(current) && remaining.hasNext()) {
            return standard.handleOption(current, List.of(rewrite(remaining.next())).iterator());
        }
        return standard.handleOption(current, remaining);
    }

    // ---- the rest goes to the standard file manager ----

    @Override
    public int isSupportedOption(String option) {
        return standard.isSupportedOption(option);
    }

    @Override
    public ClassLoader getClassLoader(Location location) {
        return standard.getClassLoader(location);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                         boolean recurse) throws IOException {
        return standard.list(location, packageName, kinds, recurse);
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return standard.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        return standard.isSameFile(a, b);
    }

    @Override
    public boolean hasLocation(Location location) {
        return standard.hasLocation(location);
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind)
            throws IOException {
        return standard.getJavaFileForInput(location, className, kind);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                               FileObject sibling) throws IOException {
        return standard.getJavaFileForOutput(location, className, kind, sibling);
    }

    @Override
    public FileObject getFileForInput(Location location, String packageName, String relativeName) throws IOException {
        return standard.getFileForInput(location, packageName, relativeName);
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName, String relativeName, FileObject sibling)
            throws IOException {
        return standard.getFileForOutput(location, packageName, relativeName, sibling);
    }

    @Override
    public void flush() throws IOException {
        standard.flush();
    }

    @Override
    public void close() throws IOException {
        standard.close();
    }

    @Override
    public Location getLocationForModule(Location location, String moduleName) throws IOException {
        return standard.getLocationForModule(location, moduleName);
    }

    @Override
    public Location getLocationForModule(Location location, JavaFileObject fo) throws IOException {
        return standard.getLocationForModule(location, fo);
    }

    @Override
    public <S> ServiceLoader<S> getServiceLoader(Location location, Class<S> service) throws IOException {
        return standard.getServiceLoader(location, service);
    }

    @Override
    public String inferModuleName(Location location) throws IOException {
        return standard.inferModuleName(location);
    }

    @Override
    public Iterable<Set<Location>> listLocationsForModules(Location location) throws IOException {
        return standard.listLocationsForModules(location);
    }

    @Override
    public boolean contains(Location location, FileObject fo) throws IOException {
        return standard.contains(location, fo);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return standard.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return standard.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return standard.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return standard.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return standard.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return standard.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        standard.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        standard.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        standard.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return standard.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return standard.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return standard.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory f) {
        standard.setPathFactory(f);
    }
}

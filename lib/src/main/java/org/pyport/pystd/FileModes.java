package org.pyport.pystd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Python's {@code stat.filemode}: the {@code drwxr-xr-x} column of {@code ls -l}. The JDK has the pieces
 * ({@code unix:mode}, {@link PosixFilePermission}) but not this formatting.
 */
public final class FileModes {
    private FileModes() {}

    private static final int S_IFMT = 0170000;

    /** {@code stat.filemode(mode)}: file type letter, then rwx triplets with setuid/setgid/sticky letters. */
    public static String filemode(int mode) {
        StringBuilder sb = new StringBuilder(10);
        switch (mode & S_IFMT) {
            case 0140000: sb.append('s'); break; // socket
            case 0120000: sb.append('l'); break; // symlink
            case 0100000: sb.append('-'); break; // regular
            case 0060000: sb.append('b'); break; // block device
            case 0040000: sb.append('d'); break; // directory
            case 0020000: sb.append('c'); break; // char device
            case 0010000: sb.append('p'); break; // fifo
            default: sb.append('?'); // what CPython prints for an unknown type
        }
        sb.append((mode & 0400) != 0 ? 'r' : '-').append((mode & 0200) != 0 ? 'w' : '-');
        sb.append(exec(mode, 0100, 04000, 's', 'S'));
        sb.append((mode & 040) != 0 ? 'r' : '-').append((mode & 020) != 0 ? 'w' : '-');
        sb.append(exec(mode, 010, 02000, 's', 'S'));
        sb.append((mode & 04) != 0 ? 'r' : '-').append((mode & 02) != 0 ? 'w' : '-');
        sb.append(exec(mode, 01, 01000, 't', 'T'));
        return sb.toString();
    }

    private static char exec(int mode, int x, int special, char both, char onlySpecial) {
        boolean hasX = (mode & x) != 0, hasS = (mode & special) != 0;
        return hasS ? (hasX ? both : onlySpecial) : (hasX ? 'x' : '-');
    }

    /**
     * {@code os.lstat(p).st_mode}: from the {@code unix:mode} attribute where the platform has it
     * (Linux, macOS), otherwise rebuilt from the POSIX attributes; symbolic links are not followed.
     */
    public static int mode(Path p) {
        try {
            if (p.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            }
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            int m = a.isDirectory() ? 0040000 : a.isSymbolicLink() ? 0120000 : a.isRegularFile() ? 0100000 : 0;
            int bit = 0400;
            for (PosixFilePermission perm : PosixFilePermission.values()) { // declared in rwx rwx rwx order
                if (a.permissions().contains(perm)) m |= bit;
                bit >>= 1;
            }
            return m;
        } catch (UnsupportedOperationException e) {
            throw new UnsupportedOperationException("no POSIX file modes on this file system (" + p.getFileSystem()
                    + "): ls -l style modes need Linux or macOS", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + p, e);
        }
    }

    /** {@code stat.filemode(os.lstat(p).st_mode)}. */
    public static String filemode(Path p) {
        return filemode(mode(p));
    }
}

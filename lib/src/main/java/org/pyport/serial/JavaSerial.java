package org.pyport.serial;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Java serialization with {@code pickle}'s shape: {@link #dumps}/{@link #loads} for bytes,
 * {@link #dump}/{@link #load} for files. Reading resolves classes with the caller's class loader, so
 * classes defined in notebook cells load too (plain {@link ObjectInputStream} would look in this
 * library's loader). Failures are unchecked: {@link UncheckedIOException} whose cause is the JDK's
 * exception ({@code InvalidClassException}, {@code NotSerializableException}...).
 */
public final class JavaSerial {
    private JavaSerial() {}

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** {@code pickle.dumps(obj)}: the object graph as bytes; {@code obj} and what it holds must be Serializable. */
    public static byte[] dumps(Object obj) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(obj);
        } catch (NotSerializableException e) {
            throw new UncheckedIOException("cannot serialize: class " + e.getMessage()
                    + " does not implement java.io.Serializable", e);
        } catch (IOException e) {
            throw new UncheckedIOException("serialization failed: " + e, e);
        }
        return bytes.toByteArray();
    }

    /** {@code pickle.dump(obj, file)}. */
    public static void dump(Object obj, Path file) {
        byte[] b = dumps(obj);
        try {
            Files.write(file, b);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * {@code pickle.loads(data)}: as unsafe as pickle on untrusted bytes — only the JVM-wide filter
     * ({@code jdk.serialFilter}) applies. Prefer {@link #loads(byte[], ObjectInputFilter)}.
     */
    public static Object loads(byte[] data) {
        return read(new ByteArrayInputStream(data), null, WALKER.getCallerClass().getClassLoader());
    }

    /** {@code loads} that asks {@code filter} about every class, array and depth before creating anything. */
    public static Object loads(byte[] data, ObjectInputFilter filter) {
        Objects.requireNonNull(filter, "filter (use loads(data) to read without one)");
        return read(new ByteArrayInputStream(data), filter, WALKER.getCallerClass().getClassLoader());
    }

    /** {@code pickle.load(file)}, with {@code filter} (null: only the JVM-wide one). */
    public static Object load(Path file, ObjectInputFilter filter) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, filter, WALKER.getCallerClass().getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Object read(InputStream in, ObjectInputFilter filter, ClassLoader callerLoader) {
        try (ObjectInputStream ois = new CallerLoaderInputStream(in, callerLoader)) {
            if (filter != null) ois.setObjectInputFilter(filter);
            return ois.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("deserialization failed: " + e, e);
        } catch (ClassNotFoundException e) {
            throw new UncheckedIOException("deserialization failed: class " + e.getMessage()
                    + " is not on this JVM's classpath (serialized data needs the same classes on both sides)",
                    new IOException(e));
        }
    }

    /** The serialVersionUID Java uses for {@code c}: declared, or computed from the class's shape. */
    public static long serialVersionUID(Class<?> c) {
        ObjectStreamClass d = ObjectStreamClass.lookup(c);
        if (d == null) throw new IllegalArgumentException(c.getName() + " is not Serializable");
        return d.getSerialVersionUID();
    }

    /**
     * A copy of a serialized stream in which the class descriptor of {@code className} claims
     * serialVersionUID {@code uid}: what bytes written by another version of the class look like.
     * Fails if the stream holds no descriptor for that class.
     */
    public static byte[] withSerialVersionUID(byte[] stream, String className, long uid) {
        byte[] name = className.getBytes(StandardCharsets.UTF_8); // modified UTF-8 = UTF-8 for ordinary names
        // TC_CLASSDESC (0x72), u2 length, name bytes, then the 8-byte serialVersionUID
        outer:
        for (int i = 0; i + 3 + name.length + 8 <= stream.length; i++) {
            if (stream[i] != 0x72 || (((stream[i + 1] & 0xff) << 8) | (stream[i + 2] & 0xff)) != name.length) continue;
            for (int j = 0; j < name.length; j++) if (stream[i + 3 + j] != name[j]) continue outer;
            byte[] copy = stream.clone();
            int at = i + 3 + name.length;
            for (int k = 7; k >= 0; k--) {
                copy[at + k] = (byte) uid;
                uid >>>= 8;
            }
            return copy;
        }
        throw new IllegalArgumentException("no class descriptor for " + className + " in the stream");
    }

    /** Resolves classes in the caller's loader first (cell classes), then the JDK's usual way. */
    private static final class CallerLoaderInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        CallerLoaderInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // primitives and classes the caller cannot see: fall through to the default lookup
                }
            }
            return super.resolveClass(desc);
        }
    }
}

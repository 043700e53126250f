package org.pyport.concurrent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * The pool's wire format between parent and worker: {@code type:byte id:long length:int payload}.
 * Output, results and tasks share one socket so a task's printed lines always arrive before its result.
 */
final class Frames {
    private Frames() {}

    static final byte HELLO = 1;    // worker → parent, id = pid
    static final byte TASK = 2;     // parent → worker, payload = serialized task
    static final byte OUT = 3;      // worker → parent, payload = UTF-8 bytes printed to System.out
    static final byte ERR = 4;      // worker → parent, payload = UTF-8 bytes printed to System.err
    static final byte RESULT = 5;   // worker → parent, payload = serialized result
    static final byte FAIL = 6;     // worker → parent, payload = UTF-8 stack trace
    static final byte SHUTDOWN = 7; // parent → worker

    /** Hard limit on one frame, so a corrupt length cannot make us allocate gigabytes. */
    static final int MAX_FRAME = 64 * 1024 * 1024;

    record Frame(byte type, long id, byte[] payload) {}

    static void write(DataOutputStream out, byte type, long id, byte[] payload) throws IOException {
        synchronized (out) {
            out.writeByte(type);
            out.writeLong(id);
            out.writeInt(payload.length);
            out.write(payload);
            out.flush();
        }
    }

    static Frame read(DataInputStream in) throws IOException {
        byte type = in.readByte();
        long id = in.readLong();
        int len = in.readInt();
        if (len < 0 || len > MAX_FRAME) throw new IOException("corrupt frame: length " + len);
        byte[] payload = new byte[len];
        in.readFully(payload);
        return new Frame(type, id, payload);
    }

    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
            oos.writeObject(o);
        }
        return bytes.toByteArray();
    }

    /**
     * Deserializes with an explicit class loader: in a notebook the classes of a cell live in the
     * kernel's snippet class loader, which the default resolution (nearest user loader) may not see.
     */
    static Object deserialize(byte[] data, ClassLoader loader) throws IOException, ClassNotFoundException {
        try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(data)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return ois.readObject();
        }
    }

}

package org.pyport.kernel.exec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Redirects calls that would end the kernel's JVM, in cell-defined classes, to {@code ExitGuard}, which throws
 * instead. Works on any JDK (no SecurityManager, which is gone in JDK 24).
 * <ul>
 *   <li>{@code System.exit(int)}: only the constant pool changes: two entries are appended and the
 *       {@code java/lang/System.exit:(I)V} method references point at the guard class instead.</li>
 *   <li>{@code Runtime.getRuntime().exit(int)} and {@code halt(int)}, its twins: their {@code invokevirtual}
 *       instructions become {@code invokestatic ExitGuard.runtimeExit(Runtime, int)} (same length, same stack
 *       effect), and method handles to them ({@code runtime::exit}) handles to it.</li>
 * </ul>
 * No instruction moves and no stack map changes. Library code calling them is not affected.
 */
final class ExitCallRewriter {

    static final String GUARD = "org/pyport/kernel/runtime/ExitGuard";
    static final String RUNTIME_EXIT = "runtimeExit";
    static final String RUNTIME_EXIT_TYPE = "(Ljava/lang/Runtime;I)V";

    private static final int INVOKEVIRTUAL = 0xb6;
    private static final int INVOKESTATIC = 0xb8;
    private static final int REF_INVOKE_VIRTUAL = 5;
    private static final int REF_INVOKE_STATIC = 6;

    private ExitCallRewriter() {
    }

    /**
     * @param classFile a class file
     * @return the rewritten class file, or the same array if it calls none of the exits
     */
    static byte[] rewrite(byte[] classFile) {
        try {
            return rewriteOrThrow(classFile);
        } catch (IOException | RuntimeException e) {
            return classFile; // unknown format: leave the class alone rather than break it
        }
    }

    /** The constant pool, as far as the rewriting needs it. */
    private static final class Pool {
        int count;
        int end;
        int[] tags;
        int[] a;
        int[] b;
        String[] utf8;
        /** byte offset of an entry's first field (a Methodref's class_index, a MethodHandle's kind) */
        int[] offsets;

        boolean isMethod(int i, String owner, String name, String type) {
            return tags[i] == 10 && tags[a[i]] == 7 && owner.equals(utf8[a[a[i]]])
                    && tags[b[i]] == 12 && name.equals(utf8[a[b[i]]]) && type.equals(utf8[b[b[i]]]);
        }
    }

    private static Pool readPool(DataInputStream in) throws IOException {
        Pool pool = new Pool();
        pool.count = in.readUnsignedShort();
        int count = pool.count;
        pool.tags = new int[count];
        pool.a = new int[count];
        pool.b = new int[count];
        pool.utf8 = new String[count];
        pool.offsets = new int[count];
        int offset = 10;
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            pool.tags[i] = tag;
            offset++;
            pool.offsets[i] = offset;
            switch (tag) {
                case 1 -> {
                    int len = in.readUnsignedShort();
                    pool.utf8[i] = new String(in.readNBytes(len), StandardCharsets.UTF_8); // modified UTF-8; fine for names
                    offset += 2 + len;
                }
                case 3, 4 -> {
                    in.readInt();
                    offset += 4;
                }
                case 5, 6 -> {
                    in.readLong();
                    offset += 8;
                    i++;
                }
                case 7, 8, 16, 19, 20 -> {
                    pool.a[i] = in.readUnsignedShort();
                    offset += 2;
                }
                case 9, 10, 11, 12, 17, 18 -> {
                    pool.a[i] = in.readUnsignedShort();
                    pool.b[i] = in.readUnsignedShort();
                    offset += 4;
                }
                case 15 -> {
                    pool.a[i] = in.readUnsignedByte();
                    pool.b[i] = in.readUnsignedShort();
                    offset += 3;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        pool.end = offset;
        return pool;
    }

    private static byte[] rewriteOrThrow(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            return classFile;
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        Pool pool = readPool(in);
        int count = pool.count;
        Set<Integer> systemExits = new HashSet<>();
        Set<Integer> runtimeExits = new HashSet<>();
        for (int i = 1; i < count; i++) {
            if (pool.isMethod(i, "java/lang/System", "exit", "(I)V")) {
                systemExits.add(i);
            } else if (pool.isMethod(i, "java/lang/Runtime", "exit", "(I)V")
                    || pool.isMethod(i, "java/lang/Runtime", "halt", "(I)V")) {
                runtimeExits.add(i);
            }
        }
        int added = runtimeExits.isEmpty() ? 2 : 6;
        if (systemExits.isEmpty() && runtimeExits.isEmpty() || count + added > 0xFFFF) {
            return classFile;
        }
        byte[] patched = classFile.clone();
        int guardClass = count + 1; // the new Utf8 takes index count, the new Class count + 1
        int runtimeExit = count + 5; // then two Utf8s, a NameAndType and the Methodref
        for (int ref : systemExits) {
            putShort(patched, pool.offsets[ref], guardClass);
        }
        if (!runtimeExits.isEmpty()) {
            for (int i = 1; i < count; i++) {
                if (pool.tags[i] == 15 && pool.a[i] == REF_INVOKE_VIRTUAL && runtimeExits.contains(pool.b[i])) {
                    patched[pool.offsets[i]] = REF_INVOKE_STATIC;
                    putShort(patched, pool.offsets[i] + 1, runtimeExit);
                }
            }
            redirectCalls(patched, pool, runtimeExits, runtimeExit);
        }
        putShort(patched, 8, count + added);
        ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length + 96);
        out.write(patched, 0, pool.end);
        DataOutputStream data = new DataOutputStream(out);
        data.writeByte(1);
        data.writeUTF(GUARD);
        data.writeByte(7);
        data.writeShort(count);
        if (!runtimeExits.isEmpty()) {
            data.writeByte(1);
            data.writeUTF(RUNTIME_EXIT);
            data.writeByte(1);
            data.writeUTF(RUNTIME_EXIT_TYPE);
            data.writeByte(12);
            data.writeShort(count + 2);
            data.writeShort(count + 3);
            data.writeByte(10);
            data.writeShort(guardClass);
            data.writeShort(count + 4);
        }
        data.flush();
        out.write(patched, pool.end, patched.length - pool.end);
        return out.toByteArray();
    }

    /** Points every {@code invokevirtual} of one of {@code refs} in the methods' code at the static {@code target}. */
    private static void redirectCalls(byte[] c, Pool pool, Set<Integer> refs, int target) throws IOException {
        int p = pool.end + 6;
        p += 2 + 2 * readShort(c, p); // interfaces
        for (int members = 0; members < 2; members++) { // fields, then methods
            int n = readShort(c, p);
            p += 2;
            for (int m = 0; m < n; m++) {
                int attributes = readShort(c, p + 6);
                p += 8;
                for (int at = 0; at < attributes; at++) {
                    int length = readInt(c, p + 2);
                    if (members == 1 && "Code".equals(pool.utf8[readShort(c, p)])) {
                        redirectInCode(c, p + 14, readInt(c, p + 10), refs, target);
                    }
                    p += 6 + length;
                }
            }
        }
    }

    private static void redirectInCode(byte[] c, int start, int length, Set<Integer> refs, int target) throws IOException {
        int pc = 0;
        while (pc < length) {
            int op = c[start + pc] & 0xff;
            if (op == INVOKEVIRTUAL && refs.contains(readShort(c, start + pc + 1))) {
                c[start + pc] = (byte) INVOKESTATIC;
                putShort(c, start + pc + 1, target);
            }
            pc += instructionLength(c, start, pc, op);
        }
        if (pc != length) {
            throw new IOException("code does not end at an instruction boundary");
        }
    }

    /** @return the length in bytes of the instruction at {@code pc} (JVMS chapter 6) */
    private static int instructionLength(byte[] c, int start, int pc, int op) throws IOException {
        if (op == 0xaa || op == 0xab) { // tableswitch, lookupswitch: padded to 4 bytes from the code's start
            int q = pc + 1 + (4 - (pc + 1) % 4) % 4;
            if (op == 0xaa) {
                int low = readInt(c, start + q + 4);
                int high = readInt(c, start + q + 8);
                return q + 12 + 4 * (high - low + 1) - pc;
            }
            return q + 8 + 8 * readInt(c, start + q + 4) - pc;
        }
        if (op == 0xc4) { // wide
            return (c[start + pc + 1] & 0xff) == 0x84 ? 6 : 4;
        }
        if (op <= 0x0f || op >= 0x1a && op <= 0x35 || op >= 0x3b && op <= 0x83 || op >= 0x85 && op <= 0x98
                || op >= 0xac && op <= 0xb1 || op == 0xbe || op == 0xbf || op == 0xc2 || op == 0xc3) {
            return 1;
        }
        if (op == 0x10 || op == 0x12 || op >= 0x15 && op <= 0x19 || op >= 0x36 && op <= 0x3a || op == 0xa9 || op == 0xbc) {
            return 2;
        }
        if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || op >= 0x99 && op <= 0xa8 || op >= 0xb2 && op <= 0xb8
                || op == 0xbb || op == 0xbd || op == 0xc0 || op == 0xc1 || op == 0xc6 || op == 0xc7) {
            return 3;
        }
        if (op == 0xc5) {
            return 4;
        }
        if (op == 0xb9 || op == 0xba || op == 0xc8 || op == 0xc9) {
            return 5;
        }
        throw new IOException("unknown opcode " + op);
    }

    private static int readShort(byte[] c, int at) {
        return (c[at] & 0xff) << 8 | c[at + 1] & 0xff;
    }

    private static int readInt(byte[] c, int at) {
        return readShort(c, at) << 16 | readShort(c, at + 2);
    }

    private static void putShort(byte[] c, int at, int value) {
        c[at] = (byte) (value >> 8);
        c[at + 1] = (byte) value;
    }
}

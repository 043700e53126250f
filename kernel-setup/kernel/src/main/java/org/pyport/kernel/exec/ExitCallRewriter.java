package org.pyport.kernel.exec;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Redirects {@code System.exit(int)} calls in cell-defined classes to {@code ExitGuard.exit(int)}, which throws
 * instead of ending the kernel. Works on any JDK (no SecurityManager, which is gone in JDK 24): only the class
 * file's constant pool changes — two entries are appended and the {@code java/lang/System.exit:(I)V} method
 * references point at the guard class instead — so no instruction, offset or stack map moves.
 * Library code calling {@code System.exit} is not affected.
 */
final class ExitCallRewriter {

    static final String GUARD = "org/pyport/kernel/runtime/ExitGuard";

    private ExitCallRewriter() {
    }

    /**
     * @param classFile a class file
     * @return the rewritten class file, or the same array if it does not call {@code System.exit}
     */
    static byte[] rewrite(byte[] classFile) {
        try {
            return rewriteOrThrow(classFile);
        } catch (IOException | RuntimeException e) {
            return classFile; // unknown format: leave the class alone rather than break it
        }
    }

    private static byte[] rewriteOrThrow(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            return classFile;
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        int[] tags = new int[count];
        int[] a = new int[count];
        int[] b = new int[count];
        String[] utf8 = new String[count];
        int[] refOffsets = new int[count]; // byte offset of a Methodref's class_index
        int offset = 10;
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            offset++;
            switch (tag) {
                case 1 -> {
                    int len = in.readUnsignedShort();
                    byte[] data = in.readNBytes(len);
                    utf8[i] = new String(data, StandardCharsets.UTF_8); // modified UTF-8; fine for names
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
                    a[i] = in.readUnsignedShort();
                    offset += 2;
                }
                case 9, 10, 11, 12, 17, 18 -> {
                    refOffsets[i] = offset;
                    a[i] = in.readUnsignedShort();
                    b[i] = in.readUnsignedShort();
                    offset += 4;
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                    offset += 3;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        int poolEnd = offset;
        List<Integer> exitRefs = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] == 10 && tags[a[i]] == 7 && "java/lang/System".equals(utf8[a[a[i]]])
                    && tags[b[i]] == 12 && "exit".equals(utf8[a[b[i]]]) && "(I)V".equals(utf8[b[b[i]]])) {
                exitRefs.add(i);
            }
        }
        if (exitRefs.isEmpty() || count + 2 > 0xFFFF) {
            return classFile;
        }
        byte[] patched = classFile.clone();
        int classIndex = count + 1; // the new Utf8 takes index count, the new Class count + 1
        for (int ref : exitRefs) {
            patched[refOffsets[ref]] = (byte) (classIndex >> 8);
            patched[refOffsets[ref] + 1] = (byte) classIndex;
        }
        patched[8] = (byte) ((count + 2) >> 8);
        patched[9] = (byte) (count + 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length + 64);
        out.write(patched, 0, poolEnd);
        DataOutputStream data = new DataOutputStream(out);
        data.writeByte(1);
        data.writeUTF(GUARD);
        data.writeByte(7);
        data.writeShort(count);
        data.flush();
        out.write(patched, poolEnd, patched.length - poolEnd);
        return out.toByteArray();
    }
}

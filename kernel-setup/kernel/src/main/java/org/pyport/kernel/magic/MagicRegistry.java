package org.pyport.kernel.magic;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;

/**
 * The kernel's one table of magics: the cells' {@code %name} and {@code %%name} lines, the notebook API's
 * {@code lineMagic(..)}/{@code cellMagic(..)} and magics that JJava extensions register all go through it. It is the
 * kernel's JJava {@link MagicsRegistry} too, so JJava-style magics registered with {@link #registerLineMagic} work
 * as they do in JJava (they get the split words).
 */
public final class MagicRegistry extends MagicsRegistry {

    private final Map<String, KernelMagic> line = new ConcurrentHashMap<>();
    private final Map<String, KernelMagic> cell = new ConcurrentHashMap<>();

    /**
     * Registers (or replaces) a line magic.
     *
     * @param name  its name, without {@code %}
     * @param magic the magic
     * @return this
     */
    public MagicRegistry line(String name, KernelMagic magic) {
        line.put(name, magic);
        return this;
    }

    /**
     * Registers (or replaces) a cell magic.
     *
     * @param name  its name, without {@code %%}
     * @param magic the magic
     * @return this
     */
    public MagicRegistry cell(String name, KernelMagic magic) {
        cell.put(name, magic);
        return this;
    }

    /**
     * Runs a magic.
     *
     * @param kernel the kernel
     * @param call   which magic, with what
     * @return the magic's value
     * @throws UndefinedMagicException if no magic of that kind has that name
     * @throws Exception               whatever the magic throws
     */
    public Object run(MagicHost kernel, MagicCall call) throws Exception {
        KernelMagic magic = (call.isCell() ? cell : line).get(call.name());
        if (magic == null) {
            throw new UndefinedMagicException(call.name(), !call.isCell());
        }
        return magic.run(kernel, call);
    }

    /**
     * @param call a magic's use
     * @return true if that magic's value is shown when it ends a cell (see {@link KernelMagic#showsValue()})
     */
    public boolean showsValue(MagicCall call) {
        KernelMagic magic = (call.isCell() ? cell : line).get(call.name());
        return magic != null && magic.showsValue();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public MagicsRegistry registerLineMagic(String name, LineMagic<?, ?> magic) {
        LineMagic raw = magic;
        return line(name, (kernel, call) -> raw.eval(jjava(kernel), call.args()));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public MagicsRegistry registerCellMagic(String name, CellMagic<?, ?> magic) {
        CellMagic raw = magic;
        return cell(name, (kernel, call) -> raw.eval(jjava(kernel), call.args(), call.body()));
    }

    /** JJava's magics are given the kernel as its own type; null where the caller gave no kernel. */
    private static BaseKernel jjava(MagicHost kernel) {
        return kernel == null ? null : kernel.jjavaKernel();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, K extends BaseKernel> T evalLineMagic(K kernel, String name, List<String> args) throws Exception {
        return (T) run((MagicHost) kernel, MagicCall.of(name, args, null));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, K extends BaseKernel> T evalCellMagic(K kernel, String name, List<String> args, String body)
            throws Exception {
        return (T) run((MagicHost) kernel, MagicCall.of(name, args, body));
    }

    @Override
    public Set<String> getLineMagicNames() {
        return Collections.unmodifiableSet(new TreeMap<>(line).keySet());
    }

    @Override
    public Set<String> getCellMagicNames() {
        return Collections.unmodifiableSet(new TreeMap<>(cell).keySet());
    }
}

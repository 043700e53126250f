package org.pyport.kernel.magic;

import org.pyport.kernel.exec.CellError;

import java.util.List;

/**
 * IJava's {@code %mavenRepo ID URL} (also {@code %addMavenRepo}): later {@code %maven} and {@code %loadFromPOM} also
 * look in this repository ({@code --from ID} names it).
 */
public final class MavenRepoMagic implements KernelMagic {

    private final MavenResolver resolver;

    /** @param resolver where the repository is kept */
    public MavenRepoMagic(MavenResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Object run(MagicHost kernel, MagicCall call) {
        if (call.args().size() != 2) {
            throw new CellError("UsageError", "an id and a url expected", List.of("Usage: %mavenRepo ID URL"));
        }
        resolver.addRepository(call.args().get(0), call.args().get(1));
        return null;
    }
}

package tutorial.jwt.keys;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The development key ring as the key commands print it, the signing key first. */
final class KeyList {

    private KeyList() {
    }

    static void print(PrintWriter out, DevKeys ring) {
        List<Path> files = ring.files();
        out.println("Keys in " + ring.where() + ", newest first:");
        for (int i = files.size() - 1; i >= 0; i--) {
            out.println("  " + KeyRing.kid(DevKeys.read(files.get(i)), ring.algorithm())
                    + (i == files.size() - 1 ? "  signs and verifies" : "  verifies"));
        }
    }
}

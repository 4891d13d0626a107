package tutorial.jwt.keys;

import java.io.PrintWriter;
import java.util.List;

/** The development key ring as the key commands print it, the signing key first. */
final class KeyList {

    private KeyList() {
    }

    static void print(PrintWriter out, DevKeys ring) {
        List<DevKeys.DevKey> keys = ring.keys();
        out.println("Keys in " + ring.where() + ", newest first:");
        for (int i = keys.size() - 1; i >= 0; i--) {
            out.println("  " + keys.get(i).kid() + (i == keys.size() - 1 ? "  signs and verifies" : "  verifies"));
        }
    }
}

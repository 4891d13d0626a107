package tutorial.jwt.keys;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.install.Services;

/** {@code rotatekey}: a new key pair that signs from the next start, while the older ones still verify. */
@Command(name = "rotatekey", mixinStandardHelpOptions = true,
        description = "Adds a key pair to the development key ring: it signs new tokens once the server restarts;"
                + " tokens signed by the older keys still verify.")
final class RotateKeyCommand implements Callable<Integer> {

    private final Launch<Services> launch;

    RotateKeyCommand(Launch<Services> launch) {
        this.launch = launch;
    }

    @Override
    public Integer call() {
        DevKeys ring = DevKeys.of(launch);
        if (ring.files().isEmpty()) {
            ring.add(); // the first key, as the server would make it
        }
        DevKeys.DevKey added = ring.add();
        launch.out().println("Added key " + added.kid() + " to " + ring.where() + ". Restart the server to sign with it;"
                + " tokens signed by the older keys still verify until they expire.");
        KeyList.print(launch.out(), ring);
        return 0;
    }
}

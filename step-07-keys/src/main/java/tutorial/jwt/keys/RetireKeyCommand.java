package tutorial.jwt.keys;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.install.Services;

/** {@code retirekey KID}: tokens signed by that key are refused from the next start. */
@Command(name = "retirekey", mixinStandardHelpOptions = true,
        description = "Deletes an older key from the development key ring: tokens it signed are refused once the"
                + " server restarts. Wait until they have expired (JWT_REFRESH_TOKEN_LIFETIME).")
final class RetireKeyCommand implements Callable<Integer> {

    private final Launch<Services> launch;

    @Parameters(paramLabel = "KID", description = "The key's id, as rotatekey lists it.")
    String kid;

    RetireKeyCommand(Launch<Services> launch) {
        this.launch = launch;
    }

    @Override
    public Integer call() {
        DevKeys ring = DevKeys.of(launch);
        List<DevKeys.DevKey> keys = ring.keys();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).kid().equals(kid)) {
                if (i == keys.size() - 1) {
                    launch.err().println("Error: " + kid + " is the key that signs; run rotatekey first.");
                    return 1;
                }
                DevKeys.delete(keys.get(i).file());
                launch.out().println("Retired key " + kid + ": tokens it signed are refused once the server restarts.");
                KeyList.print(launch.out(), ring);
                return 0;
            }
        }
        launch.err().println("Error: no key " + kid + " in " + ring.where() + ".");
        KeyList.print(launch.err(), ring);
        return 1;
    }
}

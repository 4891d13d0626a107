package tutorial.jwt.foundation.cli;

/** Django's rules for a password typed twice at a prompt. */
final class Passwords {

    private Passwords() {
    }

    /** The password when both entries are usable and equal; otherwise the error Django prints. */
    static String check(String password, String again) {
        if (!password.equals(again)) {
            throw new Cli.CommandFailed("Your passwords didn't match.");
        }
        if (password.isBlank()) {
            throw new Cli.CommandFailed("Blank passwords aren't allowed.");
        }
        return password;
    }
}

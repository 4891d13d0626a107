// The course launcher behind `./run N [command] [options]` (and `run.cmd` on Windows).
//
// Both scripts start this file with the JDK's source-file mode (`java launcher/Run.java ...`):
// one implementation for every platform, and nothing to compile by hand first. It does three things:
//   1. turns N ("1".."6", or a folder name such as "step-03-protected-spark") into a module folder;
//   2. builds that module's fat jar with the Maven Wrapper, but only when its sources changed;
//   3. runs `java -jar <jar> <the remaining arguments>` and exits with the jar's exit code.
//
// The scripts pass the repository root as the first argument; the user's arguments follow.

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class Run {

    /** "step-03-protected" has the number 03. */
    static final Pattern NUMBERED = Pattern.compile("step-(\\d+)-.*");

    /** The exit code for a wrong command line, as most command-line tools use it. */
    static final int USAGE_ERROR = 2;

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            System.err.println("Start the launcher with ./run (or run.cmd on Windows).");
            System.exit(USAGE_ERROR);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> userArgs = List.of(args).subList(1, args.length);
        try {
            System.exit(run(root, userArgs));
        } catch (IOException e) {
            System.err.println("run: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Does the whole job and returns the exit code. */
    static int run(Path root, List<String> args) throws IOException, InterruptedException {
        List<Path> steps = stepFolders(root);
        if (args.isEmpty()) {
            System.err.print(usage(steps));
            return USAGE_ERROR;
        }
        String wanted = args.get(0);
        if (wanted.equals("--help") || wanted.equals("-h")) {
            System.out.print(usage(steps));
            return 0;
        }
        Path step = findStep(steps, wanted);
        if (step == null) {
            System.err.println("Unknown step '" + wanted + "'. " + validSteps(steps));
            return USAGE_ERROR;
        }
        Path jar = fatJar(step);
        if (jar == null || needsBuild(root, steps, jar)) {
            int built = build(root, step.getFileName().toString());
            if (built != 0) {
                return built;
            }
            jar = fatJar(step);
        }
        return runJar(jar, args.subList(1, args.size()));
    }

    // ---- Which step? ----

    /** The module folders: every step-* folder of the repository root that has a pom.xml. */
    static List<Path> stepFolders(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("step-"))
                    .filter(path -> Files.isRegularFile(path.resolve("pom.xml")))
                    .sorted()
                    .toList();
        }
    }

    /** The step's number as the user types it ("step-03-protected" is "3"), or null for a variant. */
    static String number(Path step) {
        String folder = step.getFileName().toString();
        Matcher numbered = NUMBERED.matcher(folder);
        if (!numbered.matches() || folder.endsWith("-spark")) {
            return null;  // a variant such as step-03-protected-spark: reached by its folder name
        }
        return String.valueOf(Integer.parseInt(numbered.group(1)));
    }

    /** The folder the user means by a number or a folder name, or null if there is none. */
    static Path findStep(List<Path> steps, String wanted) {
        String name = wanted.replaceAll("[/\\\\]+$", "");  // tab completion adds a trailing slash
        for (Path step : steps) {
            if (name.equals(step.getFileName().toString()) || name.equals(number(step))) {
                return step;
            }
        }
        return null;
    }

    /** "Valid steps: 1, 2 (or a folder name: step-01-install, step-02-endpoints)". */
    static String validSteps(List<Path> steps) {
        String numbers = steps.stream().map(Run::number).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        String folders = steps.stream().map(step -> step.getFileName().toString())
                .collect(Collectors.joining(", "));
        return "Valid steps: " + numbers + " (or a folder name: " + folders + ")";
    }

    static String usage(List<Path> steps) {
        return """
                Usage: ./run N [command] [options]

                Runs step N of the course: builds it first when its sources changed (with the
                Maven Wrapper), then starts it with the command and options that follow.
                %s

                Examples:
                  ./run 1                         start step 1's server at http://127.0.0.1:8000/
                  ./run 1 createsuperuser         create a user who can log in (asks like Django)
                  ./run 1 runserver --port 8001   start the server on another port
                  ./run 1 --help                  list step 1's commands and options
                """.formatted(validSteps(steps));
    }

    // ---- Build only when needed ----

    /** The step's runnable jar, target/<folder>-<version>-all.jar, or null before the first build. */
    static Path fatJar(Path step) throws IOException {
        Path target = step.resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        String prefix = step.getFileName() + "-";
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> path.getFileName().toString().startsWith(prefix))
                    .filter(path -> path.getFileName().toString().endsWith("-all.jar"))
                    .findFirst().orElse(null);
        }
    }

    /**
     * True when the jar is older than anything Maven builds it from: the sources of the foundation
     * and of every step (a step uses the ones before it), every pom.xml, and the Maven Wrapper's settings.
     */
    static boolean needsBuild(Path root, List<Path> steps, Path jar) throws IOException {
        long builtAt = jar.toFile().lastModified();
        List<Path> inputs = new ArrayList<>(List.of(root.resolve("pom.xml"), root.resolve(".mvn")));
        List<Path> modules = new ArrayList<>(steps);
        modules.add(root.resolve("foundation"));
        for (Path step : modules) {
            inputs.add(step.resolve("pom.xml"));
            inputs.add(step.resolve("src").resolve("main"));
        }
        for (Path input : inputs) {
            if (changedSince(input, builtAt)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if the file, or anything in the folder, was modified after {@code time}. Folders count
     * too: deleting or renaming a file updates its folder's time.
     */
    static boolean changedSince(Path input, long time) throws IOException {
        if (!Files.exists(input)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(input)) {
            return paths.anyMatch(path -> path.toFile().lastModified() > time);
        }
    }

    /** Runs `mvnw -q -pl <module> -am package -DskipTests` in the repository root. */
    static int build(Path root, String module) throws IOException, InterruptedException {
        System.err.println("Building " + module + " (only when its sources change)...");
        Path wrapper = root.resolve(isWindows() ? "mvnw.cmd" : "mvnw");
        ProcessBuilder maven = new ProcessBuilder(wrapper.toString(),
                "-q", "-pl", module, "-am", "package", "-DskipTests").directory(root.toFile());
        int exitCode = runToEnd(maven);
        if (exitCode != 0) {
            System.err.println("Build failed: see the Maven output above.");
        }
        return exitCode;
    }

    // ---- Run the step ----

    /**
     * Runs `java [$JAVA_OPTS, or the default options] -jar <jar> <args>` in the user's current folder (where the step keeps
     * its database, db.sqlite3, and its development key), with our environment unchanged.
     */
    static int runJar(Path jar, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(javaOptions());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return runToEnd(new ProcessBuilder(command));
    }

    /** The same Java that runs this launcher (the scripts found it through JAVA_HOME or the PATH). */
    static String javaExecutable() {
        String java = isWindows() ? "java.exe" : "java";
        return Path.of(System.getProperty("java.home"), "bin", java).toString();
    }

    /**
     * The step's JVM options when JAVA_OPTS is not set: a small heap and the serial collector keep a
     * step's server to a fraction of the memory the JVM's defaults (a quarter of the RAM, G1) would
     * take, with as fast a start and as many requests served, on a laptop running several steps.
     */
    static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC");

    /** Options for the step's JVM, from the JAVA_OPTS environment variable (e.g. "-Xmx256m"), else the default. */
    static List<String> javaOptions() {
        String options = System.getenv("JAVA_OPTS");
        if (options == null || options.isBlank()) {
            return DEFAULT_JAVA_OPTIONS;
        }
        return List.of(options.trim().split("\\s+"));
    }

    /**
     * Starts a program on our own console (so it can prompt, and hide a password as it is typed)
     * and waits for it. If we are stopped (Ctrl-C), we stop it too and wait until it has finished,
     * so a server closes cleanly.
     */
    static int runToEnd(ProcessBuilder builder) throws IOException, InterruptedException {
        Process child = builder.inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child)));
        return child.waitFor();
    }

    /** Asks the program to stop (on Unix a SIGTERM, which runs its shutdown hooks); forces it after 10 s. */
    static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
        }
    }

    static boolean isWindows() {
        return System.getProperty("os.name").startsWith("Windows");
    }
}

package dev.upshift.audit.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The hand-over of a shared H2 store file between processes, as in the report of a resumed run lost with two stacks:
 * a first process opens the file (it serves it to the others), a second commits through it; the first ends or gets
 * SIGTERM, so the second takes the file over; the second then gets SIGTERM (its shutdown goes on writing for 2-6 s,
 * as Upshift's does) or kill -9, and a third — sometimes a fourth — opens the store meanwhile. When all have ended,
 * every commit any of them had acknowledged must be in the file. {@code main} runs rounds by hand:
 * {@code java -cp … dev.upshift.audit.store.StoreHandover DIR ROUNDS} ({@code -Dtakeover=true}: the take-over only;
 * {@code -DasUpshift=false}, or {@code AS_UPSHIFT=false} in the environment of {@code mvn test}: the pool as it was
 * before {@link H2BrokenConnections}).
 */
final class StoreHandover {

    /** What one round found. */
    record Round(String scenario, int acknowledged, int present, Set<String> missing, List<String> notes) {
        boolean lostWrites() {
            return !missing.isEmpty();
        }
    }

    private final Path dir;
    private final Function<Path, String> url;
    private final Random random;

    /** @param url the store URL the processes use, given the store's path without extension */
    StoreHandover(Path dir, Function<Path, String> url, Random random) {
        this.dir = dir;
        this.url = url;
        this.random = random;
    }

    Round run(int round) throws Exception {
        Path home = Files.createDirectories(dir.resolve("round-" + round));
        Path store = home.resolve("store");
        String storeUrl = url.apply(store);
        boolean firstEndsByItself = random.nextBoolean();
        boolean kill = random.nextInt(4) == 0;
        boolean fourth = random.nextBoolean();
        long signalAfter = random.nextInt(1000);
        long thirdAfter = random.nextInt(3000);
        long fourthAfter = random.nextInt(1500);
        String scenario = "first " + (firstEndsByItself ? "ends" : "SIGTERM") + ", second takes over and gets "
                + (kill ? "kill -9" : "SIGTERM") + " after " + signalAfter + " ms, third at +" + thirdAfter + " ms"
                + (fourth ? ", fourth process at +" + fourthAfter + " ms" : "");
        List<String> notes = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        Process first = start(storeUrl, "first", home);
        processes.add(first);
        awaitAcks(home, "first", first);
        Process second = start(storeUrl, "second", home);
        processes.add(second);
        awaitAcks(home, "second", second);
        if (firstEndsByItself) {
            Files.createFile(home.resolve("first.stop"));
        } else {
            first.destroy();
        }
        first.waitFor(60, TimeUnit.SECONDS);
        Thread.sleep(signalAfter);
        if (kill) {
            second.destroyForcibly();
        } else {
            second.destroy();
        }
        Thread.sleep(thirdAfter);
        Process third = start(storeUrl, "third", home);
        processes.add(third);
        if (fourth) {
            Thread.sleep(fourthAfter);
            processes.add(start(storeUrl, "fourth", home));
        }
        try {
            awaitAcks(home, "third", third);
        } catch (IllegalStateException e) {
            notes.add(e.getMessage());
        }
        Thread.sleep(1000 + random.nextInt(1000));
        for (String name : WRITERS) {
            if (!Files.exists(home.resolve(name + ".stop"))) {
                Files.createFile(home.resolve(name + ".stop"));
            }
        }
        for (Process process : processes) {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                notes.add("pid " + process.pid() + " did not end within 60 s: killed");
                process.destroyForcibly().waitFor();
            }
        }
        Set<String> acknowledged = new HashSet<>();
        for (String writer : WRITERS) {
            Path acks = home.resolve(writer + ".acks");
            if (Files.exists(acks)) {
                acknowledged.addAll(Files.readAllLines(acks));
            }
        }
        Set<String> present = readStore(store);
        Set<String> missing = new TreeSet<>(acknowledged);
        missing.removeAll(present);
        return new Round(scenario, acknowledged.size(), present.size(), missing, notes);
    }

    /**
     * The plainest hand-over: the process serving the file ends by itself while another commits through it. Returns
     * the commits the survivor got acknowledged in the 15 s after the first process had exited (none: it is stuck).
     */
    long survivorCommitsAfterHandOver(int round) throws Exception {
        Path home = Files.createDirectories(dir.resolve("takeover-" + round));
        String storeUrl = url.apply(home.resolve("store"));
        Process first = start(storeUrl, "first", home);
        awaitAcks(home, "first", first);
        Process second = start(storeUrl, "second", home);
        awaitAcks(home, "second", second);
        Thread.sleep(random.nextInt(300));
        Files.createFile(home.resolve("first.stop"));
        if (!first.waitFor(60, TimeUnit.SECONDS)) {
            first.destroyForcibly().waitFor();
        }
        long before = Files.readAllLines(home.resolve("second.acks")).size();
        Thread.sleep(15_000);
        long after = Files.readAllLines(home.resolve("second.acks")).size();
        Files.createFile(home.resolve("second.stop"));
        if (!second.waitFor(60, TimeUnit.SECONDS)) {
            second.destroyForcibly().waitFor();
        }
        return after - before;
    }

    private static final List<String> WRITERS = List.of("first", "second", "third", "fourth");

    private static void awaitMoreAcks(Path home, String name, Process process) throws Exception {
        long before = Files.size(home.resolve(name + ".acks"));
        long end = System.currentTimeMillis() + 60_000;
        while (Files.size(home.resolve(name + ".acks")) <= before) {
            if (!process.isAlive() || System.currentTimeMillis() > end) {
                throw new IllegalStateException("no more commits acknowledged by " + name);
            }
            Thread.sleep(20);
        }
    }

    private Process start(String storeUrl, String name, Path home) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Dstacks=" + Boolean.getBoolean("stacks"),
                "-DasUpshift=" + System.getProperty("asUpshift", System.getenv().getOrDefault("AS_UPSHIFT", "true")),
                "-DshutdownWrites=" + (2000 + random.nextInt(4000)), "-cp", System.getProperty("java.class.path"),
                StoreWriterProcess.class.getName(), storeUrl, name, home.resolve(name + ".acks").toString(),
                home.resolve(name + ".stop").toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".out").toFile())
                .start();
    }

    private static void awaitAcks(Path home, String name, Process process) throws Exception {
        Path acks = home.resolve(name + ".acks");
        long end = System.currentTimeMillis() + 60_000;
        while (!Files.exists(acks) || Files.size(acks) == 0) {
            if (!process.isAlive() || System.currentTimeMillis() > end) {
                throw new IllegalStateException("no commit acknowledged by " + acks.getFileName()
                        + " (alive: " + process.isAlive() + ")");
            }
            Thread.sleep(20);
        }
    }

    /** Every row of the store's file, opened by this process alone once every writer has ended. */
    static Set<String> readStore(Path store) throws SQLException {
        Set<String> rows = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + store + ";IFEXISTS=TRUE", "sa", "");
             ResultSet all = connection.createStatement().executeQuery("SELECT writer, seq FROM acks")) {
            while (all.next()) {
                rows.add(all.getString(1) + " " + all.getLong(2));
            }
        }
        return rows;
    }

    /** Manual runs: {@code StoreHandover DIR ROUNDS [URL-SUFFIX]}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        String suffix = args.length > 2 ? args[2] : ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0";
        StoreHandover handover = new StoreHandover(dir, store -> "jdbc:h2:file:" + store + suffix,
                new Random(Long.getLong("seed", System.nanoTime())));
        if (Boolean.getBoolean("takeover")) {
            int stuck = 0;
            for (int i = 0; i < rounds; i++) {
                long commits = handover.survivorCommitsAfterHandOver(i);
                System.out.println("take-over " + i + ": the survivor committed " + commits + " times in 15 s");
                if (commits == 0) {
                    stuck++;
                }
            }
            System.out.println("stuck survivors: " + stuck + " of " + rounds);
            return;
        }
        int lost = 0;
        for (int i = 0; i < rounds; i++) {
            Round round = handover.run(i);
            if (round.lostWrites()) {
                lost++;
            }
            System.out.println("round " + i + ": " + round.scenario() + ": acknowledged " + round.acknowledged()
                    + ", present " + round.present() + ", missing " + round.missing().size()
                    + (round.missing().isEmpty() ? "" : " e.g. " + round.missing().stream().limit(5).toList())
                    + " " + round.notes());
        }
        System.out.println("rounds with lost commits: " + lost + " of " + rounds);
    }
}

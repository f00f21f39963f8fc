package dev.wixbridge.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * CPU time (user + system) used so far by the server, by this JVM (browsers and fake Wix) and by
 * PostgreSQL's processes, read from Linux's {@code /proc}. The difference of two readings says
 * where a benchmark's CPU went, which on a shared machine explains its throughput.
 */
record CpuTimes(double serverMillis, double harnessMillis, double databaseMillis, double compilingMillis) {

    /** Linux reports process times in clock ticks of 1/100 s ({@code getconf CLK_TCK}). */
    private static final double MILLIS_PER_TICK = 10;

    static CpuTimes now(long serverPid) {
        return new CpuTimes(millis(serverPid), millis(ProcessHandle.current().pid()), postgresMillis(), compilingMillis(serverPid));
    }

    CpuTimes since(CpuTimes earlier) {
        return new CpuTimes(serverMillis - earlier.serverMillis, harnessMillis - earlier.harnessMillis,
                databaseMillis - earlier.databaseMillis, compilingMillis - earlier.compilingMillis);
    }

    CpuTimes plus(CpuTimes other) {
        return new CpuTimes(serverMillis + other.serverMillis, harnessMillis + other.harnessMillis,
                databaseMillis + other.databaseMillis, compilingMillis + other.compilingMillis);
    }

    /** The whole of {@code count} things that each cost this (the inverse of {@link #per}). */
    CpuTimes times(long count) {
        return new CpuTimes(serverMillis * count, harnessMillis * count, databaseMillis * count, compilingMillis * count);
    }

    CpuTimes per(long count) {
        return new CpuTimes(serverMillis / count, harnessMillis / count, databaseMillis / count, compilingMillis / count);
    }

    double totalMillis() {
        return serverMillis + harnessMillis + databaseMillis;
    }

    /**
     * The part of the server's CPU its JIT compiler threads took ({@code C1/C2 CompilerThread}):
     * a server compiles its hot code in its first minutes of load, and on this machine that alone
     * can double what a request seems to cost.
     */
    private static double compilingMillis(long pid) {
        return sumOf(Path.of("/proc", String.valueOf(pid), "task"), "*", command -> command.matches("C\\d CompilerThre.*"));
    }

    private static double millis(long pid) {
        Stat stat = Stat.of(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat == null ? 0 : stat.cpuMillis();
    }

    /** Every PostgreSQL process: the backends serving the server's pool do the database's work. */
    private static double postgresMillis() {
        return sumOf(Path.of("/proc"), "[0-9]*", command -> command.equals("postgres"));
    }

    /** The CPU of every process (or thread) in {@code dir} matching {@code glob} whose command {@code counts}. */
    private static double sumOf(Path dir, String glob, Predicate<String> counts) {
        double sum = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
            for (Path entry : entries) {
                Stat stat = Stat.of(entry.resolve("stat"));
                if (stat != null && counts.test(stat.command())) {
                    sum += stat.cpuMillis();
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return sum;
    }

    /** What this needs of a {@code /proc/<pid>/stat} line. */
    private record Stat(String command, double cpuMillis) {

        /** The command's name is in parentheses and may hold spaces; utime and stime are fields 14 and 15. */
        static Stat of(Path file) {
            try {
                String line = Files.readString(file);
                String[] after = line.substring(line.lastIndexOf(')') + 2).split(" "); // from field 3 on
                long ticks = Long.parseLong(after[14 - 3]) + Long.parseLong(after[15 - 3]);
                return new Stat(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')), ticks * MILLIS_PER_TICK);
            } catch (IOException | RuntimeException e) {
                return null; // the process ended meanwhile
            }
        }
    }
}

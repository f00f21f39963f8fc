package dev.wixbridge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's memory goes, by its own account: the summary of Native Memory Tracking
 * ({@code -XX:NativeMemoryTracking=summary}, read with {@code jcmd <pid> VM.native_memory}),
 * and the heap's live set after a full collection (Serial GC's {@code GC.heap_info}).
 * RSS alone does not say whether the heap, the loaded classes or the threads hold it.
 */
record JvmMemory(Map<String, Long> committedMiB, long threads, long liveHeapMiB) {

    private static final Pattern CATEGORY = Pattern.compile("-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
    private static final Pattern THREADS = Pattern.compile("\\(thread #(\\d+)\\)");
    /** Serial GC's generations in {@code GC.heap_info}: "def new generation total 78656K, used 1234K". */
    private static final Pattern GENERATION = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K");

    /** Reads the summary, then collects garbage and reads what the heap still holds: the live set. */
    static JvmMemory of(long pid) {
        String summary = jcmd(pid, "VM.native_memory", "summary");
        Map<String, Long> committed = new LinkedHashMap<>();
        Matcher category = CATEGORY.matcher(summary);
        while (category.find()) {
            committed.put(category.group(1).strip(), Long.parseLong(category.group(2)) / 1024);
        }
        Matcher threads = THREADS.matcher(summary);
        long threadCount = threads.find() ? Long.parseLong(threads.group(1)) : -1;
        return new JvmMemory(committed, threadCount, liveHeapMiB(pid));
    }

    /** What the heap holds now, garbage included, without collecting: sampled while a load runs. */
    static long heapUsedMiB(long pid) {
        long usedKb = 0;
        for (Matcher generation = GENERATION.matcher(jcmd(pid, "GC.heap_info")); generation.find(); ) {
            usedKb += Long.parseLong(generation.group(1));
        }
        return usedKb / 1024;
    }

    /** The live set: what the heap still holds after a full collection. */
    static long liveHeapMiB(long pid) {
        jcmd(pid, "GC.run");
        return heapUsedMiB(pid);
    }

    long totalMiB() {
        return committedMiB.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The categories holding at least {@code minimum} MiB, largest first, as "Java Heap 384, Class 120, …". */
    String largest(long minimum) {
        StringBuilder text = new StringBuilder();
        committedMiB.entrySet().stream().filter(e -> e.getValue() >= minimum)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> text.append(text.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
        return text.toString();
    }

    private static String jcmd(long pid, String... command) {
        try {
            List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid)));
            line.addAll(List.of(command));
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}

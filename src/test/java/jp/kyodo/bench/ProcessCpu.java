package jp.kyodo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used (user + system), from Linux's {@code /proc/<pid>/stat}: the portal's CPU per
 * request tells what a page costs even when the machine is shared and the wall-clock figures move.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc} times; 100 on every common Linux. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** CPU milliseconds used so far, or -1 when unknown (no such process, not Linux). */
    static double millis(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            return parse(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime (fields 14 and 15) in milliseconds; the command name (field 2) may hold spaces, so fields count from its ')'. */
    static double parse(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }
}

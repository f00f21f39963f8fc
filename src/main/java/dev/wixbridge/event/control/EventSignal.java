package dev.wixbridge.event.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Wakes the feed's long polls on this server when an event is stored here. Events stored by
 * another server are found by the polls' own re-reads ({@link EventFeed#RECHECK}).
 */
@ApplicationScoped
public class EventSignal {

    private final Object monitor = new Object();
    private long arrivals;

    void arrived() {
        synchronized (monitor) {
            arrivals++;
            monitor.notifyAll();
        }
    }

    /** The count of arrivals so far, to wait for the next one with {@link #awaitAfter}. */
    long arrivals() {
        synchronized (monitor) {
            return arrivals;
        }
    }

    /** Waits until an event arrives after {@code seen} arrivals, or {@code millis} pass. */
    void awaitAfter(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (monitor) {
            while (arrivals == seen) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return;
                }
                monitor.wait(left);
            }
        }
    }
}

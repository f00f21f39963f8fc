package dev.wixbridge.install.control;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * How many callbacks may wait at once (MicroProfile Fault Tolerance bulkheads). Anyone may load
 * the Redirect URL, with any code, and a slow Wix makes each such callback hold a request thread
 * for seconds; beyond a bound a callback is answered at once ("try again shortly") instead of
 * taking threads from the token API and the health checks. Tunable as
 * {@code dev.wixbridge.install.control.InstallBulkheads/exchange/Bulkhead/value} and
 * {@code .../awaitDuplicate/Bulkhead/value}.
 */
@ApplicationScoped
public class InstallBulkheads {

    /**
     * Callbacks asking Wix: at most 16 at once.
     *
     * @throws org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException when the bound is reached
     */
    @Bulkhead(16)
    public <T> T exchange(Supplier<T> work) {
        return work.get();
    }

    /**
     * Duplicates of a callback being finished, waiting for its outcome: at most 32 at once.
     *
     * @throws org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException when the bound is reached
     */
    @Bulkhead(32)
    public <T> T awaitDuplicate(Supplier<T> work) {
        return work.get();
    }
}

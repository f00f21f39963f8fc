package dev.wixbridge.install.control;

import java.util.function.Function;

/**
 * What one step of the install at Wix gave: the value asked for, or the outcome the callback
 * ends with instead. {@link #then} goes on with the value, or ends: no case can be forgotten.
 */
public sealed interface Reply<T> {

    CallbackOutcome then(Function<T, CallbackOutcome> next);

    record Ok<T>(T value) implements Reply<T> {
        @Override
        public CallbackOutcome then(Function<T, CallbackOutcome> next) {
            return next.apply(value);
        }
    }

    record Failed<T>(CallbackOutcome outcome) implements Reply<T> {
        @Override
        public CallbackOutcome then(Function<T, CallbackOutcome> next) {
            return outcome;
        }
    }
}

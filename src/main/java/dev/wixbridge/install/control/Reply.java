package dev.wixbridge.install.control;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What one step of the install at Wix gave: the value asked for, or the outcome the callback
 * ends with instead. {@link #then} goes on with the value, or ends: no case can be forgotten.
 */
public sealed interface Reply<T> {

    CallbackOutcome then(Function<T, CallbackOutcome> next);

    /** The next step, asked only with a value. */
    <U> Reply<U> andThen(Function<T, Reply<U>> next);

    /** Does something with the value, if there is one. */
    void ifOk(Consumer<T> action);

    record Ok<T>(T value) implements Reply<T> {
        @Override
        public CallbackOutcome then(Function<T, CallbackOutcome> next) {
            return next.apply(value);
        }

        @Override
        public <U> Reply<U> andThen(Function<T, Reply<U>> next) {
            return next.apply(value);
        }

        @Override
        public void ifOk(Consumer<T> action) {
            action.accept(value);
        }
    }

    record Failed<T>(CallbackOutcome outcome) implements Reply<T> {
        @Override
        public CallbackOutcome then(Function<T, CallbackOutcome> next) {
            return outcome;
        }

        @Override
        public <U> Reply<U> andThen(Function<T, Reply<U>> next) {
            return new Failed<>(outcome);
        }

        @Override
        public void ifOk(Consumer<T> action) {
            // nothing to act on
        }
    }
}

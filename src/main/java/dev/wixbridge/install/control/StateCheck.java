package dev.wixbridge.install.control;

import dev.wixbridge.install.entity.InstallState;
import dev.wixbridge.install.entity.Refusal;

/** How a callback stands with the state it brought. Handled through {@link #match(Cases)}. */
public sealed interface StateCheck {

    <R> R match(Cases<R> cases);

    interface Cases<R> {
        /** The state is ours, this browser's, unused and in time: the code may be traded. */
        R pending(InstallState state);

        /** The callback must be refused; nothing is traded. */
        R refused(Refusal refusal);

        /** This very callback completed the install before (a reload): same outcome again. */
        R completedBefore();
    }

    record Pending(InstallState state) implements StateCheck {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.pending(state);
        }
    }

    record Refused(Refusal refusal) implements StateCheck {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.refused(refusal);
        }
    }

    record CompletedBefore() implements StateCheck {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.completedBefore();
        }
    }
}

package dev.wixbridge.install.control;

import dev.wixbridge.install.entity.InstallState;
import dev.wixbridge.install.entity.Refusal;

/** How a callback stands with the state it brought. Handled through {@link #match(Cases)}. */
public sealed interface StateCheck {

    <R> R match(Cases<R> cases);

    interface Cases<R> {
        /**
         * The state is ours, this browser's, unused and in time: the code may be traded. Also a
         * claim so old that the server which made it has gone away: it is taken over.
         */
        R pending(InstallState state);

        /** This very callback is being finished right now (a reload, a second tab, another server). */
        R inProgress();

        /** The callback must be refused; nothing is traded. */
        R refused(Refusal refusal);

        /**
         * This very callback completed the install before (a reload, the browser's history, a proxy's log).
         *
         * @param sameBrowserLately the browser that finished it (its install cookie matches), within {@link InstallStates#RELOAD_WINDOW}
         */
        R completedBefore(boolean sameBrowserLately);
    }

    record Pending(InstallState state) implements StateCheck {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.pending(state);
        }
    }

    record InProgress() implements StateCheck {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.inProgress();
        }
    }

    record Refused(Refusal refusal) implements StateCheck {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.refused(refusal);
        }
    }

    record CompletedBefore(boolean sameBrowserLately) implements StateCheck {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.completedBefore(sameBrowserLately);
        }
    }
}

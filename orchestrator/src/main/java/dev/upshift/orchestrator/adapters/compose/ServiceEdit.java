package dev.upshift.orchestrator.adapters.compose;

import java.util.function.Function;

/** An edit of one service (its mounts, its environment), planned on the loaded file: applied to its text, checked by loading the result. */
interface ServiceEdit {

    /** True when the file says what the edit would make it say: nothing to write. */
    boolean isDone();

    /**
     * The edited text; it must load (through {@code loader}) as the planned document, so a wrong match fails here,
     * not in the operator's stack.
     */
    String applyTo(String text, Function<String, Object> loader);
}

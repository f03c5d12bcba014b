package dev.upshift.orchestrator.time;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one loop every wait goes through: looks at something at an interval until it is as awaited, never past a
 * bound. An interrupt sets the thread's flag again and ends the wait with the caller's own exception.
 */
public final class Poll {

    /** A look at what is awaited; it fails as its caller does (a query with {@code SQLException}). */
    @FunctionalInterface
    public interface Look<T, X extends Exception> {
        T now() throws X;
    }

    private final Duration interval;
    private final Duration bound;

    private Poll(Duration interval, Duration bound) {
        this.interval = interval;
        this.bound = bound;
    }

    /** Looks every interval for up to the bound; a zero interval looks again at once, for a look that waits itself. */
    public static Poll every(Duration interval, Duration bound) {
        if (interval.isNegative() || bound.isNegative()) {
            throw new IllegalArgumentException("a negative interval or bound: " + interval + ", " + bound);
        }
        return new Poll(interval, bound);
    }

    /**
     * Looks until {@code done} holds and returns that look; once the bound has passed, throws what {@code gaveUp}
     * makes of the last look: one line naming what was awaited.
     */
    public <T, X extends Exception> T until(Look<T, X> look, Predicate<? super T> done,
                                            Function<? super T, ? extends X> gaveUp,
                                            Function<InterruptedException, ? extends X> interrupted) throws X {
        Seen<T> seen = poll(look, done, interrupted);
        if (!seen.done()) {
            throw gaveUp.apply(seen.value());
        }
        return seen.value();
    }

    /** Looks until {@code done} holds or the bound passes, and returns the last look either way: the caller judges it. */
    public <T, X extends Exception> T lastSeen(Look<T, X> look, Predicate<? super T> done,
                                               Function<InterruptedException, ? extends X> interrupted) throws X {
        return poll(look, done, interrupted).value();
    }

    /** Sleeps between the tries of a loop bounded otherwise (by attempts, by idle time); zero does not sleep. */
    public static <X extends Exception> void pause(Duration duration,
                                                   Function<InterruptedException, ? extends X> interrupted) throws X {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interruption) {
            Thread.currentThread().interrupt();
            throw interrupted.apply(interruption);
        }
    }

    /** Each look is tested once: a condition may keep state between looks (a restart count seen first). */
    private <T, X extends Exception> Seen<T> poll(Look<T, X> look, Predicate<? super T> done,
                                                  Function<InterruptedException, ? extends X> interrupted) throws X {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            T value = look.now();
            boolean met = done.test(value);
            if (met || System.nanoTime() - deadline >= 0) {
                return new Seen<>(value, met);
            }
            pause(interval, interrupted);
        }
    }

    private record Seen<T>(T value, boolean done) {
    }
}

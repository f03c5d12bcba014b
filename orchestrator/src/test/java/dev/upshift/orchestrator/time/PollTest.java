package dev.upshift.orchestrator.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    private final AtomicInteger looks = new AtomicInteger();

    @AfterEach
    void clearTheInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void givenAConditionMetAtTheFirstLookWhenPollingThenItReturnsThatLookAtOnce() {
        long started = System.nanoTime();

        int seen = Poll.every(AN_HOUR, AN_HOUR).until(looks::incrementAndGet, look -> true,
                look -> new IllegalStateException("gave up"), PollTest::interruptedWaiting);

        assertThat(seen).isEqualTo(1);
        assertThat(looks).hasValue(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void givenAConditionMetAtTheThirdLookWhenPollingThenItReturnsTheThirdLook() {
        int seen = Poll.every(Duration.ofMillis(1), AN_HOUR).until(looks::incrementAndGet, look -> look == 3,
                look -> new IllegalStateException("gave up"), PollTest::interruptedWaiting);

        assertThat(seen).isEqualTo(3);
    }

    @Test
    void givenAConditionNeverMetWhenTheBoundPassesThenItFailsWithTheLineNamingWhatItAwaited() {
        Poll poll = Poll.every(Duration.ofMillis(10), Duration.ofMillis(50));

        assertThatThrownBy(() -> poll.until(looks::incrementAndGet, look -> false,
                look -> new IllegalStateException("exec 42 ended its output but reports no exit code (" + look + " looks)"),
                PollTest::interruptedWaiting))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("exec 42 ended its output but reports no exit code");
        assertThat(looks.get()).as("looked until the bound, then once at it").isGreaterThan(1);
    }

    @Test
    void givenAConditionNeverMetWhenTheBoundPassesThenLastSeenReturnsTheLastLook() {
        int seen = Poll.every(Duration.ofMillis(10), Duration.ofMillis(50)).lastSeen(looks::incrementAndGet,
                look -> false, PollTest::interruptedWaiting);

        assertThat(seen).isEqualTo(looks.get()).isGreaterThan(1);
    }

    @Test
    void givenAZeroBoundWhenPollingThenItLooksOnceAndGivesUp() {
        assertThatThrownBy(() -> Poll.every(AN_HOUR, Duration.ZERO).until(looks::incrementAndGet, look -> false,
                look -> new IllegalStateException("gave up"), PollTest::interruptedWaiting))
                .hasMessage("gave up");
        assertThat(looks).hasValue(1);
    }

    @Test
    void givenAnInterruptedThreadWhenItWouldPauseThenTheCallersExceptionEndsTheWaitAndTheFlagIsSetAgain() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> Poll.every(AN_HOUR, AN_HOUR).until(looks::incrementAndGet, look -> false,
                look -> new IllegalStateException("gave up"), PollTest::interruptedWaiting))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("interrupted while waiting")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(looks).hasValue(1);
    }

    @Test
    void givenALookThatThrowsACheckedExceptionWhenPollingThenItReachesTheCallerAsIs() {
        SQLException refused = new SQLException("connection refused");

        assertThatThrownBy(() -> Poll.every(AN_HOUR, AN_HOUR).until(() -> {
            throw refused;
        }, look -> true, look -> new SQLException("gave up"), interrupted -> new SQLException("interrupted", interrupted)))
                .isSameAs(refused);
    }

    @Test
    void givenAZeroIntervalWhenPollingThenItLooksAgainWithoutSleeping() {
        Thread.currentThread().interrupt();

        int seen = Poll.every(Duration.ZERO, AN_HOUR).lastSeen(looks::incrementAndGet, look -> look == 3,
                PollTest::interruptedWaiting);

        assertThat(seen).as("a look that waits itself is not cut short by the poll").isEqualTo(3);
    }

    private static IllegalStateException interruptedWaiting(InterruptedException interrupted) {
        return new IllegalStateException("interrupted while waiting", interrupted);
    }
}

package dev.upshift.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import dev.upshift.audit.store.StoreUnavailable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;

class FailureLineTest {

    @Test
    void givenAStoreThatCannotBeOpenedWhenExplainedThenTheMaskedStoreAndTheDriversFirstLine() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:1 refused. Check the port.\nSecond line.",
                new ConnectException("Connection refused"));
        Throwable failure = new BeanCreationException("storeSchema", "Error creating bean with name 'storeSchema'",
                new StoreUnavailable("jdbc:postgresql://127.0.0.1:1/upshift?user=upshift&password=s3cret-pw",
                        new IllegalStateException("Failed to initialize pool", refused)));

        assertThat(FailureLine.of(failure)).isEqualTo("cannot open the store "
                + "jdbc:postgresql://127.0.0.1:1/upshift?user=upshift&password=***: "
                + "Connection to 127.0.0.1:1 refused. Check the port.");
    }

    @Test
    void givenAnyOtherFailureWhenExplainedThenTheRootCausesFirstLineAlone() {
        Throwable failure = new BeanCreationException("containerEngine", "Error creating bean with name 'containerEngine'",
                new IllegalStateException(new IllegalArgumentException("no space left on device\n\tat somewhere")));

        assertThat(FailureLine.of(failure)).isEqualTo("no space left on device");
    }

    @Test
    void givenARootCauseWithoutAMessageWhenExplainedThenNoClassNameButAPlainSentence() {
        Throwable failure = new IllegalStateException("Error creating bean with name 'x'", new NullPointerException());

        assertThat(FailureLine.of(failure)).isEqualTo("an unexpected failure");
    }
}

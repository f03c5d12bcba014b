package dev.upshift.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StoreUrlTest {

    private static final String SHARED = ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0";

    @ParameterizedTest(name = "given {0} when opening the store then it is opened shared")
    @ValueSource(strings = {"jdbc:h2:file:/var/lib/upshift/store", "jdbc:h2:~/upshift", "jdbc:h2:./store",
            "jdbc:h2:/srv/store"})
    void givenAPlainH2FileUrlWhenOpeningThenTheSharedSettingsAreAdded(String url) {
        assertThat(StoreUrl.toOpen(url)).isEqualTo(url + SHARED);
    }

    @Test
    void givenAnH2FileUrlWithSettingsOfItsOwnWhenOpeningThenTheyAreKeptAndTheMissingOnesAdded() {
        assertThat(StoreUrl.toOpen("jdbc:h2:file:/srv/store;auto_server=true;CIPHER=AES"))
                .isEqualTo("jdbc:h2:file:/srv/store;AUTO_SERVER=TRUE;CIPHER=AES;AUTO_RECONNECT=TRUE;WRITE_DELAY=0");
    }

    @ParameterizedTest(name = "given {0} when opening the store then it is opened as given")
    @ValueSource(strings = {"jdbc:h2:file:/srv/store" + SHARED, "jdbc:h2:file:/srv/store;FILE_LOCK=FILE" + SHARED,
            "jdbc:h2:mem:training", "jdbc:h2:mem:scratch;DB_CLOSE_DELAY=-1", "jdbc:h2:tcp://db.example:9092/store",
            "jdbc:postgresql://127.0.0.1:5432/upshift?user=upshift&password=s3cret-pw"})
    void givenAUrlThatIsSharedAlreadyOrNeedNotBeWhenOpeningThenItIsUnchanged(String url) {
        assertThat(StoreUrl.toOpen(url)).isEqualTo(url);
    }

    @ParameterizedTest(name = "given {0} when opening the store then it is refused with the URL to use")
    @CsvSource(delimiter = '|', value = {
            "jdbc:h2:file:/srv/store;AUTO_SERVER=FALSE | AUTO_SERVER=FALSE | jdbc:h2:file:/srv/store" + SHARED,
            "jdbc:h2:file:/srv/store;FILE_LOCK=NO | FILE_LOCK=NO | jdbc:h2:file:/srv/store" + SHARED,
            "jdbc:h2:/srv/store;WRITE_DELAY=500;CIPHER=AES | WRITE_DELAY=500 | "
                    + "jdbc:h2:/srv/store;WRITE_DELAY=0;CIPHER=AES;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE"})
    void givenAnH2FileUrlThatForbidsSharingWhenOpeningThenItIsRefusedWithTheUrlToUse(String url, String contradiction,
                                                                                        String toUse) {
        assertThatThrownBy(() -> StoreUrl.toOpen(url)).isInstanceOf(InvalidStoreUrl.class)
                .hasMessage("the store " + url + " sets " + contradiction + ", but Upshift's processes share their "
                        + "store (status reads while run works): use " + toUse + " instead");
    }

    @Test
    void givenARefusedUrlWithAPasswordWhenRefusingThenThePasswordIsMasked() {
        assertThatThrownBy(() -> StoreUrl.toOpen("jdbc:h2:file:/srv/store;AUTO_SERVER=FALSE;PASSWORD=s3cret-pw"))
                .hasMessageNotContaining("s3cret-pw").hasMessageContaining("PASSWORD=***");
    }

    @Test
    void givenAUrlOfAnotherDatabaseWhenOpeningThenItIsRefusedWithTheUrlsToGive() {
        assertThatThrownBy(() -> StoreUrl.toOpen("jdbc:mysql://db/upshift?password=s3cret-pw"))
                .isInstanceOf(InvalidStoreUrl.class)
                .hasMessage("the store jdbc:mysql://db/upshift?password=*** is neither H2 nor PostgreSQL: give "
                        + "jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DATABASE?user=…");
    }
}

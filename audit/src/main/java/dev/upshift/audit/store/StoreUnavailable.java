package dev.upshift.audit.store;

/** The store could not be opened or prepared; the message names the store, password masked; the cause says why. */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String url, Throwable cause) {
        super("cannot open the store " + StoreUrl.masked(url), cause);
    }
}

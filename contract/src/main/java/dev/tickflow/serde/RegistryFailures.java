package dev.tickflow.serde;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/**
  * Which registry failures mean "unavailable, try again later" rather than "this request can never succeed". The
  * registry is unavailable when it cannot be reached (connection refused or reset, a timeout) or answers HTTP 5xx,
  * 429 Too Many Requests or 408 Request Timeout. Every other answer (401, 403, 404, 409, 422, ...) is the registry's
  * final word on the request.
  */
final class RegistryFailures {

    private RegistryFailures() {
    }

    /** Whether an answer with this HTTP status means the registry is unavailable for now. */
    static boolean meansUnavailable(int status) {
        return status >= 500 || status == 429 || status == 408;
    }

    /** What went wrong with a request that got no answer, for messages. Every such failure means unavailable. */
    static String describe(IOException noAnswer) {
        if (noAnswer instanceof HttpTimeoutException) {
            return "timed out (" + noAnswer.getMessage() + ")";
        }
        if (noAnswer instanceof ConnectException) {
            return "connection failed (" + noAnswer.getClass().getName()
                    + (noAnswer.getMessage() == null ? "" : ": " + noAnswer.getMessage()) + ")";
        }
        return noAnswer.toString();
    }
}

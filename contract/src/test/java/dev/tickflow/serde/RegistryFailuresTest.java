package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryFailuresTest {

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429, 408})
    void serverErrorsThrottlingAndRequestTimeoutsMeanUnavailable(int status) {
        assertThat(RegistryFailures.meansUnavailable(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 401, 403, 404, 409, 415, 422})
    void otherAnswersAreTheRegistrysFinalWord(int status) {
        assertThat(RegistryFailures.meansUnavailable(status)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(classes = {ConnectException.class, HttpTimeoutException.class, IOException.class})
    void requestsWithoutAnAnswerSayWhatHappened(Class<? extends IOException> type) throws Exception {
        IOException failure = type.getConstructor(String.class).newInstance("detail");

        assertThat(RegistryFailures.describe(failure)).contains("detail");
    }
}

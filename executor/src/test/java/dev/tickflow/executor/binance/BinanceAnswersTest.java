package dev.tickflow.executor.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.binance.BinanceAnswers.Meaning;
import org.junit.jupiter.api.Test;

class BinanceAnswersTest {

    @Test
    void serverErrorsAndCodesOfUnknownExecutionLeaveTheOutcomeUnknown() {
        assertThat(BinanceAnswers.classify(500, 0, null)).isEqualTo(Meaning.EXECUTION_UNKNOWN);
        assertThat(BinanceAnswers.classify(503, 0, "Service Unavailable.")).isEqualTo(Meaning.EXECUTION_UNKNOWN);
        assertThat(BinanceAnswers.classify(504, -1007, "Timeout waiting for response from backend server.")).isEqualTo(Meaning.EXECUTION_UNKNOWN);
        assertThat(BinanceAnswers.classify(400, -1006, "An unexpected response was received.")).isEqualTo(Meaning.EXECUTION_UNKNOWN);
        assertThat(BinanceAnswers.classify(400, -1007, "Timeout waiting for response from backend server.")).isEqualTo(Meaning.EXECUTION_UNKNOWN);
        assertThat(BinanceAnswers.classify(400, -1000, "An unknown error occurred.")).isEqualTo(Meaning.EXECUTION_UNKNOWN);
        assertThat(BinanceAnswers.classify(400, -1001, "Internal error; unable to process your request.")).isEqualTo(Meaning.EXECUTION_UNKNOWN);
        assertThat(BinanceAnswers.classify(400, -1008, "Server is currently overloaded.")).isEqualTo(Meaning.EXECUTION_UNKNOWN);
    }

    @Test
    void timeoutsIoFailuresAndUnreadableAnswersLeaveTheOutcomeUnknown() {
        assertThat(BinanceAnswers.noAnswer()).isEqualTo(Meaning.EXECUTION_UNKNOWN);
        assertThat(BinanceAnswers.unreadableAnswer()).isEqualTo(Meaning.EXECUTION_UNKNOWN);
    }

    @Test
    void rateLimitsAreWaitedFor() {
        assertThat(BinanceAnswers.classify(429, -1003, "Too many requests.")).isEqualTo(Meaning.RATE_LIMITED);
        assertThat(BinanceAnswers.classify(418, -1003, "Way too many requests; IP banned.")).isEqualTo(Meaning.RATE_LIMITED);
        assertThat(BinanceAnswers.classify(429, 0, null)).isEqualTo(Meaning.RATE_LIMITED);
        assertThat(BinanceAnswers.classify(400, -1015, "Too many new orders.")).isEqualTo(Meaning.RATE_LIMITED);
    }

    @Test
    void aTimestampOutsideTheRecvWindowIsClockSkew() {
        assertThat(BinanceAnswers.classify(400, -1021, "Timestamp for this request is outside of the recvWindow.")).isEqualTo(Meaning.CLOCK_SKEW);
    }

    @Test
    void aDuplicateClientOrderIdIsTellingAndOtherNewOrderRejectionsAreRefusals() {
        assertThat(BinanceAnswers.classify(400, -2010, "Duplicate order sent.")).isEqualTo(Meaning.DUPLICATE_ORDER);
        assertThat(BinanceAnswers.classify(400, -2010, "Account has insufficient balance for requested action.")).isEqualTo(Meaning.REFUSED);
        assertThat(BinanceAnswers.classify(400, -2010, null)).isEqualTo(Meaning.REFUSED);
    }

    @Test
    void orderAndSymbolLookupsThatFindNothing() {
        assertThat(BinanceAnswers.classify(400, -2011, "Unknown order sent.")).isEqualTo(Meaning.CANCEL_REJECTED);
        assertThat(BinanceAnswers.classify(400, -2013, "Order does not exist.")).isEqualTo(Meaning.NO_SUCH_ORDER);
        assertThat(BinanceAnswers.classify(400, -1121, "Invalid symbol.")).isEqualTo(Meaning.NO_SUCH_SYMBOL);
    }

    @Test
    void everyOtherClientErrorIsARefusal() {
        assertThat(BinanceAnswers.classify(400, -1013, "Filter failure: NOTIONAL")).isEqualTo(Meaning.REFUSED);
        assertThat(BinanceAnswers.classify(401, -2015, "Invalid API-key, IP, or permissions for action.")).isEqualTo(Meaning.REFUSED);
        assertThat(BinanceAnswers.classify(403, 0, null)).isEqualTo(Meaning.REFUSED);
        assertThat(BinanceAnswers.classify(400, -1100, "Illegal characters found in a parameter.")).isEqualTo(Meaning.REFUSED);
    }
}

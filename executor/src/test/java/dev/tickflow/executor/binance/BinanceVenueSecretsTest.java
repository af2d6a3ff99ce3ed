package dev.tickflow.executor.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.testkit.binance.FakeBinance;
import dev.tickflow.testkit.binance.FakeSpotExchange;
import dev.tickflow.testkit.binance.FakeSpotExchange.Fault;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Neither the API key nor the secret appears in anything the venue or the connector logs (at every level, the
 * connector's own request log included), in exception messages and stack traces, or in a report.
 */
class BinanceVenueSecretsTest {

    private static final String KEY = "K3yK3yK3y-unmistakable-api-key";
    private static final String SECRET = "S3cr3tS3cr3t-unmistakable-secret";
    private static final MarketSnapshot SNAPSHOT = new MarketSnapshot(null, new BigDecimal("60000"), Instant.EPOCH);

    @Test
    void credentialsNeverReachLogsExceptionsOrReports() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previousLevel = root.getLevel();
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = captureInto(context, logged);
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        context.getLogger("com.binance").setLevel(Level.TRACE);
        List<String> seen = new ArrayList<>();
        try (FakeBinance fake = new FakeBinance()) {
            FakeSpotExchange exchange = fake.spot().credentials(KEY, SECRET);
            BinanceVenueSettings settings = BinanceVenueSettings.testnet().withRestUrl(fake.restUrl())
                    .withCredentials(KEY, SECRET).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(2));
            BinanceVenue venue = new BinanceVenue(settings);
            seen.add(settings.toString());
            seen.add(venue.toString());

            seen.add(venue.place(order("ok"), SNAPSHOT).toString());
            seen.add(venue.find(order("ok")).toString());
            exchange.inject(Fault.FILTER_FAILURE, 1).inject(Fault.SERVER_ERROR_AFTER_PLACING, 1)
                    .inject(Fault.TIMEOUT_AFTER_PLACING, 1).responseDelay(Duration.ofSeconds(2))
                    .retryAfterSeconds(1).inject(Fault.RATE_LIMITED, 1);
            seen.add(venue.place(order("filter"), SNAPSHOT).toString());
            seen.add(describe(catchThrowable(() -> venue.place(order("lost"), SNAPSHOT))));
            seen.add(describe(catchThrowable(() -> venue.place(order("slow"), SNAPSHOT))));
            seen.add(venue.place(order("limited"), SNAPSHOT).toString());
            exchange.clockOffset(Duration.ofSeconds(20));
            seen.add(venue.place(order("skewed"), SNAPSHOT).toString());
            seen.add(describe(catchThrowable(() -> venue.refresh(order("absent"), SNAPSHOT))));
            BinanceVenue wrongSecret = new BinanceVenue(settings.withCredentials(KEY, SECRET + "x"));
            seen.add(wrongSecret.place(order("bad-signature"), SNAPSHOT).toString());
            assertThat(exchange.requests()).hasSizeGreaterThan(10);
        } finally {
            root.detachAppender(appender);
            root.setLevel(previousLevel);
            context.getLogger("com.binance").setLevel(null);
            appender.stop();
        }
        String log = logged.toString(StandardCharsets.UTF_8);
        assertThat(log).as("the connector's request log was captured").contains("/api/v3/order");
        assertThat(log).doesNotContain(KEY).doesNotContain(SECRET);
        assertThat(String.join("\n", seen)).doesNotContain(KEY).doesNotContain(SECRET).contains("binance -1013");
    }

    private static OrderRequest order(String clientOrderId) {
        return BinanceVenueTest.market(clientOrderId, OrderSide.BUY, "0.001");
    }

    private static String describe(Throwable thrown) {
        assertThat(thrown).isNotNull();
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static OutputStreamAppender<ILoggingEvent> captureInto(LoggerContext context, ByteArrayOutputStream out) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger %msg %mdc%n%ex");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        return appender;
    }
}

package dev.tickflow.executor.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.testkit.binance.FakeBinance;
import dev.tickflow.testkit.binance.FakeSpotExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake checks requests the way Binance does, so the venue's tests against it mean something. */
class FakeSpotExchangeChecksTest {

    private static final MarketSnapshot SNAPSHOT = new MarketSnapshot(null, new BigDecimal("60000"), Instant.EPOCH);

    private FakeBinance fake;
    private FakeSpotExchange exchange;

    @BeforeEach
    void start() {
        fake = new FakeBinance();
        exchange = fake.spot();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private BinanceVenue venue(String key, String secret) {
        return new BinanceVenue(BinanceVenueSettings.testnet().withRestUrl(fake.restUrl()).withCredentials(key, secret));
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        ExecutionReport report = venue(FakeSpotExchange.DEFAULT_API_KEY, "not-the-secret")
                .place(BinanceVenueTest.market("bad-sig", OrderSide.BUY, "0.001"), SNAPSHOT);

        assertThat(report.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.rejectReason()).isEqualTo("binance -1022: Signature for this request is not valid.");
        assertThat(exchange.orders()).isEmpty();
    }

    @Test
    void anUnknownApiKeyIsRefused() {
        ExecutionReport report = venue("someone-else", FakeSpotExchange.DEFAULT_SECRET)
                .place(BinanceVenueTest.market("bad-key", OrderSide.BUY, "0.001"), SNAPSHOT);

        assertThat(report.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.rejectReason()).startsWith("binance -2015:");
    }

    @Test
    void aTamperedParameterBreaksTheSignature() throws Exception {
        String query = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&timestamp=" + exchange.now();
        String signature = FakeSpotExchange.hmacSha256(FakeSpotExchange.DEFAULT_SECRET, query);

        assertThat(post(query + "&signature=" + signature).body()).contains("\"status\":\"FILLED\"");
        HttpResponse<String> tampered = post(query.replace("0.001", "0.002") + "&signature=" + signature);
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("-1022");
    }

    @Test
    void missingAndMalformedParametersAreRefused() throws Exception {
        String noSide = "symbol=BTCUSDT&type=MARKET&quantity=0.001&timestamp=" + exchange.now();
        assertThat(post(signed(noSide)).body()).contains("-1102").contains("'side'");

        String scientific = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1E-3&timestamp=" + exchange.now();
        assertThat(post(signed(scientific)).body()).contains("-1100").contains("'quantity'");

        String limitWithoutPrice = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&timestamp=" + exchange.now();
        assertThat(post(signed(limitWithoutPrice)).body()).contains("-1102").contains("'price'");

        String offTick = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=50000.005&timestamp="
                + exchange.now();
        assertThat(post(signed(offTick)).body()).contains("-1013").contains("PRICE_FILTER");

        String stale = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&timestamp=" + (exchange.now() - 10_000);
        assertThat(post(signed(stale)).body()).contains("-1021");
        assertThat(exchange.orders()).isEmpty();
    }

    private static String signed(String query) {
        return query + "&signature=" + FakeSpotExchange.hmacSha256(FakeSpotExchange.DEFAULT_SECRET, query);
    }

    private HttpResponse<String> post(String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.restUrl() + "/api/v3/order?" + query))
                .header("X-MBX-APIKEY", FakeSpotExchange.DEFAULT_API_KEY)
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}

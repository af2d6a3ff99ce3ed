package dev.tickflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorAction;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderSide;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.OrderType;
import dev.tickflow.schema.SampleRecords;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless Chromium, driven through its chromedriver, against the API on a real broker and
 * registry: the chart shows the candles, a signal produced while the page is open appears as a marker, open protective
 * orders as price lines that go when the orders end and a marker where one filled, and a screenshot is kept as
 * target/dashboard.png. Without the browser it skips, except under CI=true, where it fails.
 */
@WithKafka
@WithSchemaRegistry
class DashboardBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path profile;

    @BeforeAll
    static void requireTheSystemBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String missing = "Chromium (" + CHROMIUM + ") and chromium-driver (" + CHROMEDRIVER + ") are needed: "
                + "apt-get install -y --no-install-recommends chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(missing + " (CI=true: the browser test may not be skipped)");
        }
        Assumptions.abort("Skipping the browser test. " + missing);
    }

    @Test
    void chartShowsCandlesAndASignalMarkerAppearsLive(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics) throws Exception {
        ApiFixture fixture = new ApiFixture(broker, registry, topics);
        fixture.produceHistory();
        try (ApiService api = new ApiService(fixture.config(Map.of()), new PrintWriter(new StringWriter(), true))) {
            api.start();
            await().atMost(WAIT).until(api::ready);
            WebDriver browser = chromium();
            try {
                browser.get(api.url().toString());
                WebDriverWait wait = new WebDriverWait(browser, WAIT);
                wait.until(page -> String.valueOf(ApiFixture.CANDLES).equals(chart(page, "candles")));
                assertThat(echartsCount(browser, "series[0].data.length")).as("candles drawn by ECharts").isEqualTo(ApiFixture.CANDLES);
                assertThat(chart(browser, "indicators")).as("one line per published indicator").isEqualTo("ema,sma");
                assertThat(echartsCount(browser, "series.find(s => s.name === 'sma').data.filter(v => v != null).length")).as("SMA points")
                        .isEqualTo(ApiFixture.CANDLES);
                assertThat(echartsCount(browser, "series.find(s => s.name === 'ema').data.filter(v => v != null).length")).as("EMA points")
                        .isEqualTo(ApiFixture.CANDLES);
                assertThat(echartsCount(browser, "legend[0].data.length")).as("candles, ema and sma in the legend").isEqualTo(3);
                assertThat(chart(browser, "markers")).as("the BUY of A at 10:12").isEqualTo("1");
                wait.until(page -> "live".equals(page.findElement(By.id("connection")).getText()));
                assertThat(browser.findElement(By.id("last-price")).getText()).isEqualTo("BTCUSDT 97291.5");
                assertThat(browser.findElements(By.cssSelector("#positions tbody tr"))).hasSize(2);
                assertThat(browser.findElements(By.cssSelector("#orders tbody tr"))).hasSize(2);
                assertThat(browser.findElements(By.cssSelector("#fills tbody tr"))).hasSize(2);

                fixture.produce("strategy.signals", ApiFixture.BTC, ApiFixture.signal("A", 20, TargetPosition.FLAT));
                wait.until(page -> "2".equals(chart(page, "markers")));
                assertThat(echartsCount(browser, "series[0].markPoint.data.filter(m => m.name === 'SELL').length")).isEqualTo(1);

                fixture.produce("md.candles.1m", ApiFixture.BTC, ApiFixture.candle(ApiFixture.BTC, ApiFixture.CANDLES, "97420.00"));
                wait.until(page -> String.valueOf(ApiFixture.CANDLES + 1).equals(chart(page, "candles")));
                IndicatorSnapshot latest = ApiFixture.indicator("A", ApiFixture.CANDLES);
                Map<String, BigDecimal> withChannel = new HashMap<>(latest.getIndicators());
                withChannel.put("upper", new BigDecimal("97500.0000000000000000"));
                fixture.produce("strategy.indicators", ApiFixture.BTC, IndicatorSnapshot.newBuilder(latest).setIndicators(withChannel).build());
                wait.until(page -> "ema,sma,upper".equals(chart(page, "indicators")));
                assertThat(echartsCount(browser, "series.find(s => s.name === 'upper').data.filter(v => v != null).length"))
                        .as("a line of whatever name a strategy publishes").isEqualTo(1);
                assertThat(echartsCount(browser, "legend[0].data.length")).isEqualTo(4);

                // protective orders held by the exchange: a line while open, a marker where one filled
                OrderEvent stop = protective("A-BTCUSDT-stop-1", OrderType.STOP_LOSS_LIMIT, "STOP_LOSS", "97000", 25).setStopPrice(price("97100")).build();
                OrderEvent takeProfit = protective("A-BTCUSDT-tp-1", OrderType.LIMIT_MAKER, "TAKE_PROFIT", "97600", 25).build();
                fixture.produce("oms.orders", ApiFixture.BTC, stop);
                fixture.produce("oms.orders", ApiFixture.BTC, takeProfit);
                fixture.produce("oms.orders", ApiFixture.ETH, OrderEvent.newBuilder(stop).setClientOrderId("A-ETHUSDT-stop-1").setSymbol(ApiFixture.ETH).build());
                String bothLines = "stop A 97,100.00|take-profit A 97,600.00";
                wait.until(page -> bothLines.equals(chart(page, "protective-lines")));
                assertThat(echarts(browser, "series[0].markLine.data.map(l => l.yAxis).join(' ')")).isEqualTo("97100 97600");
                Object takeProfitY = ((JavascriptExecutor) browser).executeScript(
                        "return echarts.getInstanceByDom(document.getElementById('chart')).convertToPixel({yAxisIndex: 0}, 97600);");
                assertThat(((Number) takeProfitY).doubleValue()).as("the take-profit above the candles is within the grid (top 36 px)")
                        .isGreaterThanOrEqualTo(36);
                screenshot(browser);

                browser.navigate().refresh();
                wait.until(page -> bothLines.equals(chart(page, "protective-lines")));
                wait.until(page -> "live".equals(page.findElement(By.id("connection")).getText()));
                fixture.produce("oms.orders", ApiFixture.BTC, OrderEvent.newBuilder(stop).setStatus(OrderStatus.FILLED)
                        .setEventTime(ApiFixture.T0.plusSeconds(26 * 60 + 30)).setFilledQuantity(price("0.001"))
                        .setAverageFillPrice(new BigDecimal("97095.5000000000000000")).build());
                fixture.produce("oms.orders", ApiFixture.BTC, OrderEvent.newBuilder(takeProfit).setStatus(OrderStatus.CANCELED)
                        .setEventTime(ApiFixture.T0.plusSeconds(26 * 60 + 30)).build());
                wait.until(page -> "".equals(chart(page, "protective-lines")) && "1".equals(chart(page, "protective-fills")));
                assertThat(echarts(browser, "series[0].markLine.data.length")).isEqualTo("0");
                assertThat(echarts(browser, "series[0].markPoint.data.filter(m => m.name === 'PROTECTIVE_FILL').map(m => m.coord.join(' at ')).join('|')"))
                        .as("on the candle of 10:26, at the average fill price").isEqualTo("2026-01-15 10:26:00 at 97095.5");
                assertThat(chart(browser, "markers")).as("the signal markers stay").isEqualTo("2");

                browser.findElement(By.id("new-symbol")).sendKeys("dotusdt");
                browser.findElement(By.cssSelector("#add-symbol button[type=submit]")).click();
                wait.until(page -> page.findElement(By.id("message")).getText().contains("DOTUSDT added"));
                assertThat(fixture.readControl()).extracting(Map.Entry::getKey).contains("DOTUSDT");

                wait.until(page -> page.findElements(By.cssSelector("#controls tr[data-instance='A'] button[data-action='pause']")).size() == 1);
                browser.findElement(By.cssSelector("#controls tr[data-instance='A'] button[data-action='pause']")).click();
                wait.until(page -> page.findElement(By.id("control-message")).getText().contains("PAUSE for A sent as command"));
                List<Map.Entry<String, OperatorCommand>> commands = fixture.read("control.operator", OperatorCommand.class);
                assertThat(commands).hasSize(1);
                assertThat(commands.get(0).getKey()).isEqualTo("A");
                assertThat(commands.get(0).getValue().getAction()).isEqualTo(OperatorAction.PAUSE);
                assertThat(commands.get(0).getValue().getIssuedBy()).isEqualTo("dashboard");
                fixture.produce("ops.events", "A", OperationalEvent.newBuilder().setEventId("executor:paused").setKind("PAUSED").setSeverity("INFO")
                        .setService("executor").setStrategyInstance("A").setMessage("Instance A paused").setEventTime(ApiFixture.T0).build());
                // the table is drawn again on each event: read it afresh until it shows the state
                WebDriverWait redrawn = new WebDriverWait(browser, WAIT);
                redrawn.ignoring(StaleElementReferenceException.class);
                redrawn.until(page -> page.findElement(By.cssSelector("#controls tr[data-instance='A'] td:nth-child(2)")).getText().equals("paused"));
                redrawn.until(page -> page.findElement(By.cssSelector("#ops-events tbody tr")).getText().contains("Instance A paused"));

                browser.get(api.url().resolve("docs").toString());
                wait.until(page -> page.findElements(By.cssSelector(".opblock-summary-path")).size() >= 15);
                assertThat(browser.findElement(By.cssSelector(".swagger-ui .title")).getText()).contains("Tickflow API");
            } finally {
                browser.quit();
            }
        }
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1600,1000", "--user-data-dir=" + profile.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static String chart(WebDriver page, String attribute) {
        return page.findElement(By.id("chart")).getDomAttribute("data-" + attribute);
    }

    /** A protective SELL order of A, NEW, at {@code minute} past T0, with its limit price. */
    private static OrderEvent.Builder protective(String clientOrderId, OrderType type, String protection, String limit, int minute) {
        return OrderEvent.newBuilder(SampleRecords.orderEventMarketNew()).setClientOrderId(clientOrderId).setSymbol(ApiFixture.BTC)
                .setSide(OrderSide.SELL).setType(type).setPrice(price(limit)).setStatus(OrderStatus.NEW)
                .setEventTime(ApiFixture.T0.plusSeconds(60L * minute)).setBroker("binance").setProtection(protection)
                .setProtectsClientOrderId("A-BTCUSDT-entry-1");
    }

    private static BigDecimal price(String value) {
        return new BigDecimal(value).setScale(8);
    }

    private static String echarts(WebDriver browser, String expression) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const option = echarts.getInstanceByDom(document.getElementById('chart')).getOption(); return String(option." + expression + ");"));
    }

    private static int echartsCount(WebDriver browser, String expression) {
        Object value = ((JavascriptExecutor) browser).executeScript(
                "const option = echarts.getInstanceByDom(document.getElementById('chart')).getOption(); return option." + expression + ";");
        return ((Number) value).intValue();
    }

    private static void screenshot(WebDriver browser) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }
}

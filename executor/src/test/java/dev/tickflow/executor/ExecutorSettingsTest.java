package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.binance.BinanceVenueSettings;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.order.ProtectionPolicies;
import dev.tickflow.executor.order.ProtectionPolicy;
import dev.tickflow.executor.risk.PortfolioLimits;
import dev.tickflow.executor.risk.RiskLimits;
import dev.tickflow.executor.risk.RiskPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ExecutorSettingsTest {

    private static ExecutorSettings load(String... keyValues) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            environment.put("TICKFLOW_" + keyValues[i].replace('.', '_').toUpperCase(), keyValues[i + 1]);
        }
        return ExecutorSettings.from(TickflowConfig.load(Optional.empty(), environment, ExecutorSettings.definition()));
    }

    @Test
    void defaultsArePaperMarketOrdersWithoutLimits() {
        ExecutorSettings settings = load();
        assertThat(settings.venue()).isEqualTo("paper");
        assertThat(settings.orderType()).isEqualTo(OrderType.MARKET);
        assertThat(settings.paperFeeRate()).isEqualByComparingTo("0.001");
        assertThat(settings.paperSlippageBps()).isEqualByComparingTo("0");
        RiskLimits signalAgeOnly = new RiskLimits(null, null, null, null, null, null, Duration.ofMinutes(5));
        PortfolioLimits accountRateAndOpenOrders = new PortfolioLimits(null, null, 200, 20, null, null);
        assertThat(settings.risk()).as("only the signal age, the account's order rate and open orders are bounded by default")
                .isEqualTo(new RiskPolicy(signalAgeOnly, Map.of(), RiskPolicy.HaltScope.INSTANCE, accountRateAndOpenOrders));
        assertThat(settings.sizing().quantity("BTCUSDT", new BigDecimal("50000"), Optional.empty())).isEqualByComparingTo("0.001");
    }

    @Test
    void everyKeyIsRead() {
        ExecutorSettings settings = load(
                "executor.broker", "binance",
                "executor.order.type", "LIMIT",
                "executor.order.limit.offset.bps", "5",
                "executor.order.time.in.force", "IOC",
                "executor.order.limit.expiry.ms", "30000",
                "executor.order.quantities", "BTCUSDT=0.002",
                "executor.order.notionals", "SOLUSDT=25",
                "executor.paper.fee.rate", "0.00075",
                "executor.paper.slippage.bps", "2",
                "executor.risk.max.position.notional", "1000",
                "executor.risk.max.order.notional", "500",
                "executor.risk.max.orders.per.second", "3",
                "executor.risk.max.open.orders", "4",
                "executor.risk.max.daily.loss", "50",
                "executor.risk.max.drawdown", "80",
                "executor.risk.max.signal.age.ms", "120000",
                "executor.risk.halt.scope", "all",
                "executor.risk.overrides", "B:max.order.notional=100,B:max.open.orders=1");
        assertThat(settings.venue()).isEqualTo("binance");
        assertThat(settings.orderType()).isEqualTo(OrderType.LIMIT);
        assertThat(settings.limitOffsetBps()).isEqualByComparingTo("5");
        assertThat(settings.timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(settings.limitExpiry()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.sizing().quantity("BTCUSDT", new BigDecimal("50000"), Optional.empty())).isEqualByComparingTo("0.002");
        assertThat(settings.sizing().quantity("SOLUSDT", new BigDecimal("100"), Optional.empty())).isEqualByComparingTo("0.25");
        assertThat(settings.paperFeeRate()).isEqualByComparingTo("0.00075");
        assertThat(settings.paperSlippageBps()).isEqualByComparingTo("2");
        RiskLimits global = new RiskLimits(new BigDecimal("1000"), new BigDecimal("500"), 3, 4, new BigDecimal("50"), new BigDecimal("80"),
                Duration.ofMinutes(2));
        assertThat(settings.risk().haltScope()).isEqualTo(RiskPolicy.HaltScope.ALL);
        assertThat(settings.risk().limitsOf("A")).isEqualTo(global);
        assertThat(settings.risk().limitsOf("B")).isEqualTo(new RiskLimits(new BigDecimal("1000"), new BigDecimal("100"), 3, 1,
                new BigDecimal("50"), new BigDecimal("80"), Duration.ofMinutes(2)));
    }

    @Test
    void paperFiltersAreReadPerSymbol() {
        ExecutorSettings settings = load("executor.paper.filters", "BTCUSDT.tickSize=0.01,BTCUSDT.stepSize=0.00001,BTCUSDT.minNotional=5");
        assertThat(settings.paperFilters()).containsOnlyKeys("BTCUSDT");
        var filters = settings.paperFilters().get("BTCUSDT");
        assertThat(filters.baseAsset()).isEqualTo("BTC");
        assertThat(filters.quoteAsset()).isEqualTo("USDT");
        assertThat(filters.tickSize()).isEqualByComparingTo("0.01");
        assertThat(filters.stepSize()).isEqualByComparingTo("0.00001");
        assertThat(filters.minNotional()).isEqualByComparingTo("5");
        assertThat(filters.maxQuantity()).as("absent: off").isEqualByComparingTo("0");
        assertThatThrownBy(() -> load("executor.paper.filters", "BTCUSDT.lotSize=1")).hasMessageContaining("executor.paper.filters")
                .hasMessageContaining("'lotSize' is not a filter field");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> load("executor.risk.max.order.notional", "-5")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("executor.risk.max.order.notional");
        assertThatThrownBy(() -> load("executor.order.quantities", "BTCUSDT")).hasMessageContaining("executor.order.quantities");
        assertThatThrownBy(() -> load("executor.risk.overrides", "A:max.open.orders=1.5")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> load("executor.broker", "kraken")).hasMessageContaining("executor.broker");
    }

    @Test
    void otherModulesCanAddTheirKeys() {
        ConfigDef definition = ExecutorSettings.define(new ConfigDef()).define("executor.binance.base.url", ConfigDef.Type.STRING, "x",
                ConfigDef.Importance.LOW, "test");
        assertThat(definition.names()).contains(ExecutorSettings.BROKER, "executor.binance.base.url");
        assertThat(ExecutorSettings.definition().names()).contains("kafka.bootstrap.servers", ExecutorSettings.RISK_OVERRIDES,
                BinanceVenueSettings.REST_URL, BinanceVenueSettings.API_KEY, BinanceVenueSettings.API_SECRET, BinanceVenueSettings.API_SECRET_FILE);
    }

    @Test
    void protectionIsTheStrategysByDefaultAndSetPerInstanceOverTheDefaults() {
        assertThat(load().protection().of("A").mode()).isEqualTo(ProtectionPolicy.Mode.STRATEGY);
        ProtectionPolicies policies = load("executor.protection.mode", "exchange-stop", "executor.protection.stop.fraction", "0.03",
                "executor.protection.overrides", "B:mode=exchange-oco,B:take.profit.fraction=0.05,C:mode=exchange-trailing,C:trailing.delta.bps=150")
                .protection();
        assertThat(policies.of("A").mode()).isEqualTo(ProtectionPolicy.Mode.EXCHANGE_STOP);
        assertThat(policies.of("A").stopFraction()).isEqualByComparingTo("0.03");
        assertThat(policies.of("B").mode()).isEqualTo(ProtectionPolicy.Mode.EXCHANGE_OCO);
        assertThat(policies.of("B").takeProfitFraction()).isEqualByComparingTo("0.05");
        assertThat(policies.of("B").stopFraction()).as("the default under the override").isEqualByComparingTo("0.03");
        assertThat(policies.of("C").trailingDeltaBps()).isEqualTo(150);
    }

    @Test
    void aBadProtectionSettingIsNamed() {
        assertThatThrownBy(() -> load("executor.protection.mode", "exchange")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("executor.protection.mode").hasMessageContaining("exchange-oco");
        assertThatThrownBy(() -> load("executor.protection.overrides", "A:stop=0.1")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'stop' is not a protection field");
        assertThatThrownBy(() -> load("executor.protection.stop.fraction", "1.5")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("strictly between 0 and 1");
    }
}

/** Indicators, one small immutable class each, in exact decimal arithmetic with one rounding rule ({@link dev.tickflow.strategy.indicator.IndicatorDecimals}). */
package dev.tickflow.strategy.indicator;

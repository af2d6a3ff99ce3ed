/** Notify: posts fills, rejections and operational events (ops.events) to webhooks, each event once per target. */
package dev.tickflow.notify;

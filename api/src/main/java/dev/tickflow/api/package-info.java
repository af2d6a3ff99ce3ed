/** API: REST, WebSocket and the dashboard over Tickflow's topics, and symbol control through control.symbols. */
package dev.tickflow.api;

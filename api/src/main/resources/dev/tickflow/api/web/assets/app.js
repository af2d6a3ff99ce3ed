'use strict';
// The Tickflow dashboard: REST for the initial state, the WebSocket (/ws) for everything after.
(function () {
  const MAX_CANDLES = 300;
  const MAX_ROWS = 25;
  const LINE_COLORS = ['#f5c542', '#42a5f5', '#ab47bc', '#ff7043', '#66bb6a', '#ec407a', '#26c6da', '#8d6e63'];
  const state = { symbol: null, interval: null, instance: null, candles: [], indicators: new Map(), signals: [], positions: new Map(), controls: new Map(),
    protective: new Map() };
  // Protective orders held by the exchange: what their line on the chart is called, and its colour.
  const PROTECTION = { STOP_LOSS: ['stop', '#ef5350'], TRAILING_STOP: ['trailing stop', '#ff7043'], TAKE_PROFIT: ['take-profit', '#26a69a'] };
  const ENDED = ['FILLED', 'CANCELED', 'REJECTED', 'EXPIRED'];
  const el = (id) => document.getElementById(id);
  const chart = echarts.init(el('chart'), 'dark', { renderer: 'canvas' });
  window.addEventListener('resize', () => chart.resize());

  function token() { return sessionStorage.getItem('tickflow.token'); }

  async function api(method, path, payload) {
    const headers = { 'X-Tickflow-Client': 'dashboard' };
    if (token()) headers['Authorization'] = 'Bearer ' + token();
    const request = { method, headers };
    if (payload !== undefined) { headers['Content-Type'] = 'application/json'; request.body = JSON.stringify(payload); }
    const response = await fetch(path, request);
    const body = await response.json().catch(() => ({}));
    if (response.status === 401 && method !== 'GET') {
      const given = window.prompt('This API needs its token (api.token) for changes:');
      if (given) { sessionStorage.setItem('tickflow.token', given); return api(method, path, payload); }
    }
    if (!response.ok) throw new Error(body.error || (method + ' ' + path + ': HTTP ' + response.status));
    return body;
  }

  function option(select, value, label) {
    const o = document.createElement('option');
    o.value = value; o.textContent = label || value;
    select.appendChild(o);
  }

  function cell(row, text, cls, exact) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    if (exact) td.title = exact;
    if (cls) td.className = cls;
    row.appendChild(td);
  }

  // Display only: the API's decimals are exact strings; trailing zeros of the schema's scale are dropped on screen.
  function num(decimal) { return decimal == null ? '' : (decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal); }
  // Amounts in the quote currency, rounded to cents on screen; the exact value is the cell's tooltip.
  function money(decimal) { return decimal == null ? '' : Number(decimal).toFixed(2); }
  function signClass(decimal) { return decimal == null ? '' : (decimal.startsWith('-') ? 'neg' : (/^[0.]+$/.test(decimal) ? '' : 'pos')); }
  // An exact decimal with thousands separators and at least two decimals, e.g. 97100.00000000 -> 97,100.00 (no rounding).
  function grouped(decimal) {
    const [whole, fraction = ''] = decimal.replace(/^-/, '').split('.');
    const decimals = fraction.replace(/0+$/, '');
    return (decimal.startsWith('-') ? '-' : '') + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + (decimals.length < 2 ? decimals.padEnd(2, '0') : decimals);
  }
  function shortTime(iso) { return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : ''; }
  function say(text) { el('message').textContent = text; }

  // ---- chart ----
  function render() {
    const labels = state.candles.map((c) => shortTime(c.openTime));
    const byTime = new Map(state.candles.map((c, i) => [c.openTime, i]));
    const ohlc = state.candles.map((c) => [Number(c.open), Number(c.close), Number(c.low), Number(c.high)]);
    // One line per indicator name the strategy publishes, in the order the names first appear.
    const names = [];
    for (const snapshot of state.indicators.values()) {
      for (const name of Object.keys(indicatorsOf(snapshot))) if (!names.includes(name)) names.push(name);
    }
    const lines = names.map(() => labels.map(() => null));
    for (const snapshot of state.indicators.values()) {
      const i = byTime.get(snapshot.openTime);
      if (i === undefined) continue;
      const values = indicatorsOf(snapshot);
      names.forEach((name, n) => { if (values[name] != null) lines[n][i] = Number(values[name]); });
    }
    const markers = [];
    for (const s of state.signals) {
      const i = byTime.get(s.candleOpenTime);
      if (i === undefined || (state.instance && s.strategyInstance !== state.instance)) continue;
      const buy = s.action === 'BUY';
      markers.push({
        name: s.action, coord: [labels[i], buy ? ohlc[i][2] : ohlc[i][3]], value: s.action + ' ' + s.strategyInstance,
        symbol: 'triangle', symbolSize: 14, symbolRotate: buy ? 0 : 180, symbolOffset: [0, buy ? 12 : -12],
        itemStyle: { color: buy ? '#26a69a' : '#ef5350' },
        label: { show: true, position: buy ? 'bottom' : 'top', formatter: s.action, color: buy ? '#26a69a' : '#ef5350', fontSize: 10 }
      });
    }
    const { lines: protectiveLines, fills: protectiveFills } = protectiveMarks(labels, ohlc);
    markers.push(...protectiveFills);
    chart.setOption({
      backgroundColor: 'transparent',
      animation: false,
      legend: { data: ['Candles', ...names], top: 4 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
      grid: { left: 70, right: 20, top: 36, bottom: 60 },
      xAxis: { type: 'category', data: labels, boundaryGap: true, axisLine: { onZero: false } },
      yAxis: { scale: true, splitLine: { lineStyle: { color: '#2a333d' } }, ...protectiveExtent(protectiveLines) },
      dataZoom: [{ type: 'inside', start: Math.max(0, 100 - 12000 / Math.max(labels.length, 1)), end: 100 }, { type: 'slider', bottom: 10 }],
      series: [
        { name: 'Candles', type: 'candlestick', data: ohlc,
          itemStyle: { color: '#26a69a', color0: '#ef5350', borderColor: '#26a69a', borderColor0: '#ef5350' },
          markPoint: { data: markers },
          markLine: { symbol: 'none', silent: true, data: protectiveLines } },
        ...names.map((name, n) => {
          const color = LINE_COLORS[n % LINE_COLORS.length];
          return { name, type: 'line', data: lines[n], showSymbol: false, connectNulls: true, lineStyle: { width: 1.5, color }, itemStyle: { color } };
        })
      ]
    }, { notMerge: true });
    el('chart').dataset.candles = String(ohlc.length);
    el('chart').dataset.markers = String(markers.length - protectiveFills.length);
    el('chart').dataset.protectiveLines = protectiveLines.map((line) => line.name).join('|');
    el('chart').dataset.protectiveFills = String(protectiveFills.length);
    el('chart').dataset.indicators = names.join(',');
  }

  // The price a protective order's line is drawn at: its trigger for a stop (its limit when a trailing stop has none yet),
  // its limit for a take-profit.
  function protectivePrice(o) { return o.protection === 'TAKE_PROFIT' ? o.price : (o.stopPrice || o.price); }

  // A horizontal line per open protective order of the symbol, and a marker on the candle where one filled.
  function protectiveMarks(labels, ohlc) {
    const lines = [];
    const fills = [];
    for (const o of state.protective.values()) {
      const [kind, color] = PROTECTION[o.protection] || [o.protection.toLowerCase(), '#bdbdbd'];
      const price = protectivePrice(o);
      if (!ENDED.includes(o.status) && price != null) {
        const name = kind + ' ' + o.strategyInstance + ' ' + grouped(price) + (o.trailingDelta != null ? ' (' + o.trailingDelta + ' bps)' : '');
        lines.push({ name, yAxis: Number(price), lineStyle: { color, type: o.protection === 'TAKE_PROFIT' ? 'dotted' : 'dashed', width: 1.2 },
          label: { show: true, position: 'insideEndTop', formatter: name, color, fontSize: 10 } });
      }
      if (o.status === 'FILLED') {
        const i = candleAt(o.eventTime);
        const at = o.averageFillPrice || price;
        if (i === undefined || at == null) continue;
        fills.push({ name: 'PROTECTIVE_FILL', coord: [labels[i], Number(at)], value: kind + ' ' + o.strategyInstance + ' filled ' + grouped(at),
          symbol: 'diamond', symbolSize: 12, itemStyle: { color },
          label: { show: true, position: 'right', formatter: kind + ' filled', color, fontSize: 10 } });
      }
    }
    return { lines, fills };
  }

  // Widens the price axis to the protective lines, so that a take-profit above the candles is still seen.
  function protectiveExtent(lines) {
    if (!lines.length) return {};
    const lowest = Math.min(...lines.map((line) => line.yAxis));
    const highest = Math.max(...lines.map((line) => line.yAxis));
    // null keeps ECharts' own rounded bound on a side no line passes
    return { min: (v) => (lowest < v.min ? lowest : null), max: (v) => (highest > v.max ? highest : null) };
  }

  // The index of the candle whose interval holds the instant, if it is on the chart.
  function candleAt(iso) {
    const t = Date.parse(iso);
    const i = state.candles.findIndex((c) => Date.parse(c.openTime) <= t && t <= Date.parse(c.closeTime));
    return i < 0 ? undefined : i;
  }

  // Keeps the latest event of each protective order of the selected symbol; true when the chart changes.
  function trackProtective(o) {
    if (!o.protection || o.symbol !== state.symbol) return false;
    const known = state.protective.get(o.clientOrderId);
    if (known && (Date.parse(known.eventTime) > Date.parse(o.eventTime) || ENDED.includes(known.status))) return false;
    state.protective.set(o.clientOrderId, o);
    return true;
  }

  // The values a snapshot publishes by name; a snapshot written before the map existed has only sma and ema.
  function indicatorsOf(snapshot) {
    if (snapshot.indicators && Object.keys(snapshot.indicators).length) return snapshot.indicators;
    const values = {};
    if (snapshot.sma != null) values.sma = snapshot.sma;
    if (snapshot.ema != null) values.ema = snapshot.ema;
    return values;
  }

  async function loadSymbol() {
    if (!state.symbol) { state.candles = []; state.indicators.clear(); state.signals = []; state.protective.clear(); render(); return; }
    const s = encodeURIComponent(state.symbol);
    const instanceParam = state.instance ? '&instance=' + encodeURIComponent(state.instance) : '';
    try {
      const [candles, indicators, signals, orders] = await Promise.all([
        api('GET', '/candles/' + s + '?interval=' + encodeURIComponent(state.interval) + '&limit=' + MAX_CANDLES),
        api('GET', '/indicators/' + s + '?limit=' + MAX_CANDLES + instanceParam),
        api('GET', '/signals?symbol=' + s + '&limit=1000'),
        api('GET', '/orders?symbol=' + s + '&limit=1000')]);
      state.candles = candles;
      state.indicators = new Map(indicators.map((x) => [x.openTime, x]));
      state.signals = signals;
      state.protective.clear();
      orders.slice().reverse().forEach(trackProtective);
      render();
    } catch (e) { say(e.message); }
  }

  // ---- tables ----
  function renderPositions() {
    const body = el('positions').tBodies[0];
    body.replaceChildren();
    for (const p of [...state.positions.values()].sort((a, b) => (a.strategyInstance + a.symbol).localeCompare(b.strategyInstance + b.symbol))) {
      const row = body.insertRow();
      cell(row, p.strategyInstance); cell(row, p.symbol); cell(row, num(p.quantity)); cell(row, num(p.averageEntryPrice)); cell(row, num(p.lastPrice));
      cell(row, money(p.realizedPnl), signClass(p.realizedPnl), p.realizedPnl);
      cell(row, money(p.unrealizedPnl), signClass(p.unrealizedPnl), p.unrealizedPnl);
      cell(row, money(p.fees), null, p.fees);
      cell(row, money(p.totalPnl), signClass(p.totalPnl), p.totalPnl);
    }
  }

  function prepend(tableId, values, classes) {
    const body = el(tableId).tBodies[0];
    const row = body.insertRow(0);
    values.forEach((v, i) => cell(row, v, classes && classes[i]));
    while (body.rows.length > MAX_ROWS) body.deleteRow(body.rows.length - 1);
  }

  function orderRow(o) {
    prepend('orders', [shortTime(o.eventTime), o.strategyInstance, o.symbol, o.side, num(o.quantity), o.status, num(o.averageFillPrice)],
      [null, null, null, o.side === 'BUY' ? 'buy' : 'sell']);
  }
  function fillRow(f) {
    prepend('fills', [shortTime(f.tradeTime), f.strategyInstance, f.symbol, f.side, num(f.quantity), num(f.price), num(f.commission) + ' ' + f.commissionAsset],
      [null, null, null, f.side === 'BUY' ? 'buy' : 'sell']);
  }
  function signalRow(s) {
    prepend('signals', [shortTime(s.candleOpenTime), s.strategyInstance, s.symbol, s.action, s.reason, num(s.price)],
      [null, null, null, s.action === 'BUY' ? 'buy' : 'sell']);
  }

  async function loadTables() {
    const [positions, orders, fills, signals] = await Promise.all([
      api('GET', '/positions'), api('GET', '/orders?limit=' + MAX_ROWS), api('GET', '/trades?limit=' + MAX_ROWS), api('GET', '/signals?limit=' + MAX_ROWS)]);
    state.positions = new Map(positions.map((p) => [p.strategyInstance + '|' + p.symbol, p]));
    renderPositions();
    for (const id of ['orders', 'fills', 'signals']) el(id).tBodies[0].replaceChildren();
    orders.slice().reverse().forEach(orderRow);
    fills.slice().reverse().forEach(fillRow);
    signals.slice().reverse().forEach(signalRow);
  }

  async function loadSymbols(select) {
    const symbols = await api('GET', '/symbols');
    const list = el('symbols');
    list.replaceChildren();
    const selector = el('symbol');
    const previous = select || state.symbol;
    selector.replaceChildren();
    for (const s of symbols) {
      option(selector, s.symbol);
      const li = document.createElement('li');
      li.textContent = s.symbol + (s.control === 'PAUSED' ? ' (paused)' : '') + (s.lastPrice ? ' · ' + num(s.lastPrice) : '');
      list.appendChild(li);
    }
    state.symbol = symbols.some((s) => s.symbol === previous) ? previous : (symbols[0] ? symbols[0].symbol : null);
    if (state.symbol) selector.value = state.symbol;
    const selected = symbols.find((s) => s.symbol === state.symbol);
    el('last-price').textContent = selected && selected.lastPrice ? selected.symbol + ' ' + num(selected.lastPrice) : '';
  }

  // ---- operator controls ----
  const CONTROLS = [['pause', 'Pause'], ['resume', 'Resume'], ['force-exit', 'Force exit'], ['cancel-all', 'Cancel all'], ['lift-halt', 'Lift halt']];
  const CONFIRM = { 'force-exit': 'Close every position of instance %s now, at market?', 'cancel-all': 'Cancel every open order of instance %s?' };

  function renderControls() {
    const body = el('controls').tBodies[0];
    body.replaceChildren();
    for (const c of state.controls.values()) {
      const row = body.insertRow();
      row.dataset.instance = c.strategyInstance;
      const flags = [c.paused ? 'paused' : null, c.halted ? 'halted' : null].filter((f) => f);
      cell(row, c.strategyInstance);
      cell(row, flags.length ? flags.join(', ') : 'running', flags.length ? 'neg' : 'pos');
      cell(row, Object.entries(c.parameters || {}).map(([k, v]) => k + '=' + v).join(' '));
      const actions = document.createElement('td');
      for (const [action, label] of CONTROLS) {
        const button = document.createElement('button');
        button.type = 'button'; button.textContent = label; button.dataset.action = action;
        actions.appendChild(button);
      }
      row.appendChild(actions);
    }
  }

  function opsEventRow(e) {
    prepend('ops-events', [shortTime(e.eventTime), e.kind, e.service, e.strategyInstance, e.message],
      [null, e.severity === 'INFO' ? null : 'neg']);
  }

  async function loadControls() {
    const [instances, events] = await Promise.all([api('GET', '/instances'), api('GET', '/operator/events?limit=' + MAX_ROWS)]);
    state.controls = new Map(instances.map((c) => [c.strategyInstance, c]));
    renderControls();
    el('ops-events').tBodies[0].replaceChildren();
    events.slice().reverse().forEach(opsEventRow);
  }

  async function sendControl(instance, action, payload) {
    const command = await api('POST', '/instances/' + encodeURIComponent(instance) + '/' + action, payload);
    el('control-message').textContent = command.action + ' for ' + command.strategyInstance + ' sent as command ' + command.commandId
      + '; its result appears under Operational events.';
  }

  el('controls').addEventListener('click', async (e) => {
    const action = e.target.dataset && e.target.dataset.action;
    if (!action) return;
    const instance = e.target.closest('tr').dataset.instance;
    if (CONFIRM[action] && !window.confirm(CONFIRM[action].replace('%s', instance))) return;
    try { await sendControl(instance, action, {}); } catch (err) { el('control-message').textContent = err.message; }
  });
  el('parameters-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const parameters = {};
    parameters[el('parameters-name').value.trim()] = el('parameters-value').value.trim();
    try { await sendControl(el('parameters-instance').value, 'parameters', { parameters }); } catch (err) { el('control-message').textContent = err.message; }
  });

  // ---- live updates ----
  function onMessage(message) {
    const d = message.data;
    switch (message.type) {
      case 'candle':
        if (d.symbol === state.symbol && d.interval === state.interval) {
          const last = state.candles[state.candles.length - 1];
          if (last && last.openTime === d.openTime) state.candles[state.candles.length - 1] = d;
          else if (!last || d.openTime > last.openTime) state.candles.push(d);
          if (state.candles.length > MAX_CANDLES) state.candles.shift();
          render();
        }
        break;
      case 'indicator':
        if (d.symbol === state.symbol && (!state.instance || d.strategyInstance === state.instance)) { state.indicators.set(d.openTime, d); render(); }
        break;
      case 'signal':
        signalRow(d);
        if (d.symbol === state.symbol) { state.signals.push(d); render(); }
        break;
      case 'order': orderRow(d); if (trackProtective(d)) render(); break;
      case 'fill': fillRow(d); break;
      case 'position': state.positions.set(d.strategyInstance + '|' + d.symbol, d); renderPositions(); break;
      case 'opsEvent':
        opsEventRow(d);
        if (d.strategyInstance && state.controls.has(d.strategyInstance)) loadControls().catch((err) => say(err.message));
        break;
      case 'tick': if (d.symbol === state.symbol) el('last-price').textContent = d.symbol + ' ' + num(d.price); break;
    }
  }

  function connect() {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    ws.onopen = () => { el('connection').textContent = 'live'; el('connection').className = 'status live'; };
    ws.onmessage = (event) => onMessage(JSON.parse(event.data));
    ws.onclose = () => {
      el('connection').textContent = 'reconnecting…'; el('connection').className = 'status';
      setTimeout(() => { connect(); loadSymbol(); loadTables().catch((e) => say(e.message)); loadControls().catch((e) => say(e.message)); }, 2000);
    };
  }

  // ---- controls ----
  el('symbol').addEventListener('change', (e) => { state.symbol = e.target.value; el('last-price').textContent = ''; loadSymbol(); });
  el('interval').addEventListener('change', (e) => { state.interval = e.target.value; loadSymbol(); });
  el('instance').addEventListener('change', (e) => { state.instance = e.target.value; loadSymbol(); });
  el('add-symbol').addEventListener('submit', async (e) => {
    e.preventDefault();
    const symbol = el('new-symbol').value.trim().toUpperCase();
    try {
      await api('POST', '/symbols/' + encodeURIComponent(symbol));
      say(symbol + ' added: ingest follows it; candles appear once its trades arrive.');
      el('new-symbol').value = '';
      await loadSymbols(symbol);
      loadSymbol();
    } catch (err) { say(err.message); }
  });
  el('remove-symbol').addEventListener('click', async () => {
    if (!state.symbol || !window.confirm('Stop following ' + state.symbol + '?')) return;
    try {
      await api('DELETE', '/symbols/' + encodeURIComponent(state.symbol));
      say(state.symbol + ' removed.');
      await loadSymbols();
      loadSymbol();
    } catch (err) { say(err.message); }
  });

  async function init() {
    try {
      const [strategy, health] = await Promise.all([api('GET', '/strategy').catch(() => ({ instances: [], interval: '1m' })), fetch('/health').then((r) => r.json())]);
      for (const i of strategy.instances) {
        option(el('instance'), i.name, i.name + ' · ' + i.description);
        option(el('parameters-instance'), i.name);
      }
      state.instance = strategy.instances.length ? strategy.instances[0].name : null;
      const intervals = document.body.dataset.intervals.split(',');
      intervals.forEach((i) => option(el('interval'), i));
      state.interval = document.body.dataset.defaultInterval;
      el('interval').value = state.interval;
      if (health.status !== 'UP') say('The API is still reading the topics (' + health.status + ')…');
      await loadSymbols();
      await Promise.all([loadSymbol(), loadTables(), loadControls()]);
    } catch (e) { say(e.message); }
    connect();
  }
  init();
})();

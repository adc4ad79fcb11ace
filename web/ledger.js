// SPDX-License-Identifier: Apache-2.0
// Ledger: the four quarterly statements of a year (GET /v1/ledger), accruals per charge kind (25 % Section
// 232 tariff, 15 % revenue share) and remittances drawn with uPlot; audit chain status (GET /v1/audit/verify).
'use strict';

(() => {
  const { el, api, showProblem } = TG;
  const $ = (id) => document.getElementById(id);
  const KINDS = ['us_232_tariff', 'us_revenue_share'];
  let plot = null;

  function sum(lines, kind, field) {
    return lines.filter((l) => !kind || l.kind === kind).reduce((a, l) => a + Number(l[field]), 0);
  }

  function table(statements) {
    const rows = statements.flatMap((s) => s.lines.map((l) => el('tr', {}, el('td', { text: s.quarter }),
      el('td', { text: l.kind }), el('td', { text: l.currency }), ...['opening', 'accrued', 'remitted', 'closing']
        .map((f) => el('td', { class: 'num', text: l[f] })))));
    return el('table', {}, el('caption', { text: `Statements of ${statements[0].exporter}` }),
      el('thead', {}, el('tr', {}, ...['Quarter', 'Kind', 'Currency', 'Opening', 'Accrued', 'Remitted', 'Closing']
        .map((c) => el('th', { scope: 'col', text: c })))),
      el('tbody', {}, ...(rows.length ? rows : [el('tr', {}, el('td', { colspan: '7', text: 'No charges in this year.' }))])));
  }

  function chart(statements) {
    const data = [statements.map((_, i) => i + 1), ...KINDS.map((k) => statements.map((s) => sum(s.lines, k, 'accrued'))),
      statements.map((s) => sum(s.lines, null, 'remitted'))];
    const box = $('chart');
    if (plot) plot.destroy();
    const bars = uPlot.paths.bars({ size: [0.25, 40] });
    plot = new uPlot({ width: Math.max(320, box.clientWidth), height: 260,
      scales: { x: { time: false, range: [0.5, 4.5] } },
      axes: [{ values: (u, v) => v.map((q) => (Number.isInteger(q) ? 'Q' + q : '')) }, { label: 'amount' }],
      series: [{ label: 'quarter' },
        { label: 'accrued: Section 232 tariff (25 %)', stroke: '#b42318', fill: '#b4231880', paths: bars },
        { label: 'accrued: revenue share (15 %)', stroke: '#7d4e00', fill: '#7d4e0080', paths: bars },
        { label: 'remitted', stroke: '#116329', width: 2 }] }, data, box);
    document.body.dataset.chart = 'ready';
  }

  async function show(ev) {
    if (ev) ev.preventDefault();
    const exporter = $('g-exporter').value.trim(), year = $('g-year').value.trim();
    const rs = await Promise.all([1, 2, 3, 4].map((q) =>
      api('GET', `/v1/ledger?exporter=${encodeURIComponent(exporter)}&quarter=${year}Q${q}`)));
    const bad = rs.find((r) => r.status !== 200);
    if (bad) { showProblem($('ledger'), bad.body, $('ledger-form')); return; }
    const statements = rs.map((r) => r.body);
    $('ledger').replaceChildren(table(statements));
    chart(statements);
  }

  async function verify() {
    const r = await api('GET', '/v1/audit/verify');
    const out = $('audit');
    if (r.status !== 200) { showProblem(out, r.body); return; }
    const a = r.body;
    out.replaceChildren(el('p', { role: 'status', class: a.ok ? 'ok' : 'problem',
      text: a.ok ? `Audit chain intact: ${a.entries} entries, head ${a.head || '—'}`
        : `Audit chain BROKEN at entry ${a.first_broken}: ${a.reason}` }));
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('ledger-form').addEventListener('submit', show);
    $('verify').addEventListener('click', verify);
  });
})();

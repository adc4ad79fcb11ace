// SPDX-License-Identifier: Apache-2.0
// Activity: decisions by verdict over time, from the public Prometheus text at /metrics, drawn with
// uPlot (vendored into the build output from npm; nothing is fetched from elsewhere).
'use strict';

(() => {
  const VERDICTS = ['allow', 'license_required', 'review', 'deny'];
  const COLORS = ['#116329', '#7d4e00', '#6639ba', '#b42318'];
  const data = [[], [], [], [], []];
  let plot = null;

  function parse(text) {
    const out = {};
    for (const v of VERDICTS) {
      const m = text.match(new RegExp(`^tollgate_decisions_total\\{verdict="${v}"\\} (\\d+)`, 'm'));
      out[v] = m ? Number(m[1]) : 0;
    }
    return out;
  }

  function totals(counts) {
    document.getElementById('totals').replaceChildren(...VERDICTS.map((v) => TG.el('tr', {},
      TG.el('td', { text: v.replace('_', ' ') }), TG.el('td', { class: 'num', text: String(counts[v]) }))));
  }

  async function sample() {
    const r = await fetch('/metrics');
    const counts = parse(await r.text());
    data[0].push(Date.now() / 1000);
    VERDICTS.forEach((v, i) => data[i + 1].push(counts[v]));
    if (data[0].length > 150) data.forEach((s) => s.shift());
    totals(counts);
    const box = document.getElementById('chart');
    if (!plot) {
      plot = new uPlot({ width: Math.max(320, box.clientWidth), height: 240,
        series: [{}, ...VERDICTS.map((v, i) => ({ label: v, stroke: COLORS[i], width: 2 }))],
        axes: [{}, { label: 'decisions' }] }, data, box);
      document.body.dataset.chart = 'ready';
    } else {
      plot.setData(data);
    }
  }

  document.addEventListener('DOMContentLoaded', () => { sample(); setInterval(sample, 2000); });
})();

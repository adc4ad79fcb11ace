// SPDX-License-Identifier: Apache-2.0
// Policy in force: the rules in force on a date (GET /v1/policy?as_of=), and a timeline of every rule
// seen on a sweep of dates, drawn as SVG (with the table as its accessible equivalent).
'use strict';

(() => {
  const { el, api, showProblem } = TG;
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';
  const COLORS = { allow: '#116329', license_required: '#7d4e00', review: '#6639ba', deny: '#b42318' };

  function svg(tag, attrs = {}, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  const day = (s) => Date.parse(s + 'T00:00:00Z') / 86400000;
  const iso = (d) => new Date(d * 86400000).toISOString().slice(0, 10);

  function renderRules(p) {
    const t = el('table', {}, el('caption', { class: 'muted', text: `${p.rules.length} rules in force on ${p.as_of}` }));
    t.append(el('thead', {}, el('tr', {}, ...['Jurisdiction', 'Rule', 'Verdict', 'In force', 'Confidence', 'Says', 'Citation']
      .map((c) => el('th', { scope: 'col', text: c })))));
    t.append(el('tbody', {}, ...p.rules.map((r) => el('tr', {},
      el('td', { text: r.jurisdiction }), el('td', { text: r.id }),
      el('td', {}, el('span', { class: 'verdict v-' + r.verdict, text: r.verdict.replace('_', ' ') })),
      el('td', { text: `${r.effective_from} – ${r.effective_to || 'open'}` }), el('td', { text: r.confidence }),
      el('td', { text: r.message }), el('td', { class: 'cite', text: r.citation })))));
    $('rules').replaceChildren(t);
  }

  async function show(date) {
    const r = await api('GET', '/v1/policy?as_of=' + encodeURIComponent(date));
    if (r.status === 200) renderRules(r.body); else showProblem($('rules'), r.body, $('policy-form'));
  }

  // Every rule in force on some date of a monthly sweep, with its dates.
  async function sweep(from, to) {
    const rules = new Map();
    const dates = [];
    for (let d = day(from); d <= day(to); d += 30) dates.push(iso(d));
    const res = await Promise.all(dates.map((d) => api('GET', '/v1/policy?as_of=' + d)));
    for (const r of res) if (r.status === 200) for (const rule of r.body.rules) rules.set(rule.id, rule);
    return [...rules.values()].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.effective_from.localeCompare(b.effective_from));
  }

  function drawTimeline(rules, from, to) {
    const W = 1000, ROW = 18, LEFT = 260, H = rules.length * ROW + 30;
    const x = (d) => LEFT + ((day(d) - day(from)) / (day(to) - day(from))) * (W - LEFT - 10);
    const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-labelledby': 'tl-title' });
    s.append(svg('title', { id: 'tl-title' }, `Timeline of ${rules.length} policy rules from ${from} to ${to}`));
    for (let y = Number(from.slice(0, 4)) + 1; y <= Number(to.slice(0, 4)); y++) {
      s.append(svg('line', { x1: x(`${y}-01-01`), x2: x(`${y}-01-01`), y1: 0, y2: H - 20, stroke: '#d0d7de' }));
      s.append(svg('text', { x: x(`${y}-01-01`) + 3, y: H - 6, 'font-size': 11, fill: '#57606a' }, String(y)));
    }
    rules.forEach((r, i) => {
      const y = i * ROW + 4;
      const start = r.effective_from < from ? from : r.effective_from;
      const end = r.effective_to && r.effective_to < to ? r.effective_to : to;
      s.append(svg('text', { x: 4, y: y + 11, 'font-size': 11, fill: '#1b1f24' }, `${r.jurisdiction} ${r.id}`));
      const bar = svg('rect', { x: x(start), y, width: Math.max(2, x(end) - x(start)), height: ROW - 6, rx: 3,
        fill: COLORS[r.verdict] || '#57606a', class: 'tl-bar' });
      bar.append(svg('title', {}, `${r.id}: ${r.verdict} from ${r.effective_from} to ${r.effective_to || 'open'}`));
      s.append(bar);
    });
    $('timeline').replaceChildren(s);
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const today = new Date().toISOString().slice(0, 10);
    $('p-date').value = today;
    $('policy-form').addEventListener('submit', (ev) => { ev.preventDefault(); show($('p-date').value); });
    const load = async () => {
      const from = '2023-10-01';
      const to = iso(day(today) + 365);
      const rules = await sweep(from, to);
      if (rules.length) drawTimeline(rules, from, to);
      else $('timeline').replaceChildren(el('p', { class: 'muted', text: 'Use a token to see the policy.' }));
      show($('p-date').value);
    };
    $('auth').addEventListener('submit', load);
    load();
  });
})();

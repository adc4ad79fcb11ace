// SPDX-License-Identifier: Apache-2.0
// Check an order: build it from the form (or take pasted JSON), POST /v1/orders/check, and show
// the verdict, each jurisdiction, every line, each reason with its citation, conditions and charges.
'use strict';

(() => {
  const { el, api, showProblem, clearInvalid } = TG;
  const $ = (id) => document.getElementById(id);

  function orderFromForm() {
    return {
      id: $('f-id').value.trim(), date: $('f-date').value,
      exporter: { name: $('f-exp').value.trim(), country: $('f-expc').value.trim().toUpperCase() },
      ship_from: $('f-from').value.trim().toUpperCase(), destination: $('f-dest').value.trim().toUpperCase(),
      parties: [{ role: 'end_user', name: $('f-eu').value.trim(), country: $('f-euc').value.trim().toUpperCase(),
                  sector: $('f-eus').value }],
      end_use: $('f-use').value,
      lines: [{ item: $('f-item').value, quantity: Number($('f-qty').value), unit_value: $('f-val').value.trim(),
                currency: 'USD' }],
    };
  }

  const verdict = (v) => el('span', { class: 'verdict v-' + v, text: v.replace('_', ' ') });

  function table(caption, cols, rows) {
    const t = el('table', {}, el('caption', { class: 'muted', text: caption }));
    t.append(el('thead', {}, el('tr', {}, ...cols.map((c) => el('th', { scope: 'col', text: c })))));
    t.append(el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => (c instanceof Node ? el('td', {}, c)
      : el('td', { text: c ?? '—' })))))));
    return t;
  }

  function render(d) {
    const out = $('result');
    out.replaceChildren(
      el('h3', {}, `Order ${d.order_id}: `, verdict(d.verdict)),
      el('p', { class: 'muted', text: `Judged under the rules in force on ${d.as_of}.` }),
      table('Jurisdictions', ['Jurisdiction', 'Verdict'], d.jurisdictions.map((j) => [j.name, verdict(j.verdict)])),
      table('Lines', ['#', 'Item', 'ECCN', 'TPP', 'Verdict'],
        d.lines.map((l, i) => [String(i), l.item, l.eccn ?? 'not 3A090/4A090', l.tpp ?? '—', verdict(l.verdict)])));
    const reasons = el('section', { 'aria-label': 'Reasons' }, el('h4', { text: 'Reasons' }));
    for (const r of d.reasons) {
      reasons.append(el('div', { class: 'reason r-' + (r.verdict || 'info') },
        el('strong', { text: `[${r.jurisdiction}] ${r.rule}` }), r.verdict ? ' — ' + r.verdict.replace('_', ' ') : '',
        el('p', { text: r.message }),
        el('p', { class: 'cite', text: `Citation: ${r.citation}` + (r.confidence ? ` (confidence: ${r.confidence})` : '') })));
    }
    out.append(reasons);
    out.append(el('h4', { text: 'Conditions' }),
      d.conditions.length ? el('ul', {}, ...d.conditions.map((c) => el('li', { text: c }))) : el('p', { class: 'muted', text: 'None.' }));
    out.append(el('h4', { text: 'Charges' }), d.charges.length
      ? table('Charges', ['Kind', 'Rate', 'Base', 'Amount', 'Currency'],
        d.charges.map((c) => [c.kind, c.rate, c.base, c.amount, c.currency]))
      : el('p', { class: 'muted', text: 'None.' }));
    out.querySelector('h3').setAttribute('tabindex', '-1');
    out.querySelector('h3').focus();
  }

  async function submit(form, body) {
    clearInvalid(form);
    $('result').replaceChildren(el('p', { class: 'muted', text: 'Checking…' }));
    let r;
    try { r = await api('POST', '/v1/orders/check', body); } catch (e) { showProblem($('result'), { detail: String(e) }); return; }
    if (r.status === 200) render(r.body); else showProblem($('result'), r.body, form);
  }

  async function loadItems() {
    const r = await api('GET', '/v1/catalog');
    if (r.status !== 200) return;
    const sel = $('f-item');
    const keep = sel.value;
    sel.replaceChildren(...r.body.items.map((it) => el('option', { value: it.id, text: `${it.name} (${it.id})` })));
    sel.value = keep;
  }

  function tabs() {
    const pairs = [['tab-form', 'order-form'], ['tab-json', 'order-json-form']];
    for (const [t, p] of pairs) {
      $(t).addEventListener('click', () => {
        for (const [t2, p2] of pairs) { $(t2).setAttribute('aria-selected', String(t2 === t)); $(p2).hidden = p2 !== p; }
        if (p === 'order-json-form' && !$('order-json').value) $('order-json').value = JSON.stringify(orderFromForm(), null, 2);
      });
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    tabs();
    loadItems();
    $('auth').addEventListener('submit', loadItems);
    $('order-form').addEventListener('submit', (ev) => { ev.preventDefault(); submit(ev.target, JSON.stringify(orderFromForm())); });
    $('order-json-form').addEventListener('submit', (ev) => { ev.preventDefault(); submit(ev.target, $('order-json').value); });
  });
})();

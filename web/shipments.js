// SPDX-License-Identifier: Apache-2.0
// Shipments: POST /v1/shipments (a refusal is a 422 problem with every reason), serial trace, certificates.
'use strict';

(() => {
  const { el, api, showProblem, clearInvalid } = TG;
  const $ = (id) => document.getElementById(id);
  const SAMPLE = { shipment_id: 'SHP-WEB-1', order_id: 'EX-001', license_id: 'L-2026-0001', date: '2026-02-20',
    lines: [{ item: 'nvidia-h200-sxm', serials: ['H200-0001', 'H200-0002'] }] };

  function kv(obj, keys) {
    return el('dl', { class: 'kv' }, ...keys.flatMap((k) => [el('dt', { text: k }),
      el('dd', { text: obj && obj[k] !== undefined && obj[k] !== null ? String(obj[k]) : '—' })]));
  }

  function receipt(where, r, status) {
    where.replaceChildren(el('h3', { tabindex: '-1', role: 'status',
      text: `Shipment ${r.shipment_id}: ${r.status}${r.replayed ? ' (already recorded)' : ''} (${status})` }));
    const t = el('table', {}, el('caption', { class: 'muted', text: 'Lines and charges' }),
      el('thead', {}, el('tr', {}, ...['Item / charge', 'Quantity', 'Amount', 'Currency'].map((c) => el('th', { scope: 'col', text: c })))),
      el('tbody', {}, ...(r.lines || []).map((l) => el('tr', {}, el('td', { text: l.item }), el('td', { class: 'num', text: l.quantity }),
        el('td', { class: 'num', text: l.value }), el('td', { text: l.currency }))),
      ...(r.charges || []).map((c) => el('tr', {}, el('td', { text: c.kind }), el('td', { text: '' }),
        el('td', { class: 'num', text: c.amount }), el('td', { text: c.currency })))));
    where.append(t);
  }

  function refusal(where, p) {
    where.replaceChildren(el('div', { class: 'problem', role: 'alert' },
      el('h3', { tabindex: '-1', text: `Shipment ${p.shipment_id || ''} refused (${p.status}): nothing was shipped` }),
      el('ul', { class: 'reasons' }, ...(p.reasons || []).map((r) => el('li', { class: 'reason-item' },
        el('code', { text: r.code }), ' ', r.message)))));
  }

  async function ship(ev) {
    ev.preventDefault();
    clearInvalid(ev.target);
    const out = $('ship-result');
    const r = await api('POST', '/v1/shipments', $('sh-json').value);
    if (r.status === 201 || r.status === 200) receipt(out, r.body, r.status);
    else if (r.status === 422 && r.body.reasons) refusal(out, r.body);
    else showProblem(out, r.body, ev.target);
    out.querySelector('h3')?.focus();
  }

  async function trace(ev) {
    ev.preventDefault();
    const out = $('trace-result');
    const r = await api('GET', '/v1/trace/' + encodeURIComponent($('t-serial').value.trim()));
    if (r.status !== 200) { showProblem(out, r.body, ev.target); return; }
    const t = r.body;
    out.replaceChildren(el('h3', { text: `Serial ${t.serial} (${t.item || ''})` }),
      el('h4', { text: 'Certificate' }), kv(t.certificate, ['certificate_id', 'lab', 'date', 'result']),
      el('h4', { text: 'Shipment' }), kv(t.shipment, ['shipment_id', 'order_id', 'date', 'destination', 'status']),
      el('h4', { text: 'Licence' }), kv(t.license, ['id', 'holder', 'status', 'under_review']),
      kv(t, ['consignee', 'end_user']),
      el('p', { class: 'muted', text: `${(t.diversion_reports || []).length} diversion report(s)` }));
  }

  async function cert(ev) {
    ev.preventDefault();
    const out = $('cert-result');
    const r = await api('GET', '/v1/certificates/' + encodeURIComponent($('c-id').value.trim()));
    if (r.status !== 200) { showProblem(out, r.body, ev.target); return; }
    out.replaceChildren(kv(r.body, ['certificate_id', 'lab', 'date', 'item', 'result', 'recorded_at']),
      el('p', { text: 'Serials: ' + ((r.body.certificate && r.body.certificate.serials) || []).join(', ') }));
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('sh-json').value = JSON.stringify(SAMPLE, null, 2);
    $('ship-form').addEventListener('submit', ship);
    $('trace-form').addEventListener('submit', trace);
    $('cert-form').addEventListener('submit', cert);
  });
})();

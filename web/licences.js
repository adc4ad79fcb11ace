// SPDX-License-Identifier: Apache-2.0
// Licences: GET /v1/licences with remaining quantity and value bars; applications (POST /v1/licences) and
// their issue by a licensing officer who is not the applicant (POST /v1/licences/{id}/issue).
'use strict';

(() => {
  const { el, api, showProblem, clearInvalid, table, button } = TG;
  const $ = (id) => document.getElementById(id);

  function bar(left, total, label) {
    const pct = total > 0 ? Math.max(0, Math.min(100, (100 * left) / total)) : 0;
    const fill = el('span');
    fill.style.width = `${pct.toFixed(1)}%`; // CSSOM, not a style attribute: the CSP forbids inline styles
    return el('div', { class: 'bar' + (pct < 10 ? ' low' : ''), role: 'meter', 'aria-valuemin': '0',
      'aria-valuemax': String(total), 'aria-valuenow': String(left), 'aria-label': label }, fill);
  }

  function licence(l) {
    const rows = l.items.map((it) => el('tr', {}, el('td', { text: it.item }),
      el('td', {}, bar(it.remaining_quantity, it.quantity, `${it.item}: remaining quantity`),
        el('span', { class: 'muted', text: `${it.remaining_quantity} of ${it.quantity} left` })),
      el('td', {}, bar(Number(it.remaining_value), Number(it.value_limit || it.value), `${it.item}: remaining value`),
        el('span', { class: 'muted', text: `${it.remaining_value} of ${it.value_limit || it.value} ${it.currency} left` }))));
    return el('section', { class: 'licence', 'aria-label': 'Licence ' + l.id },
      el('h4', { text: `${l.id} · ${l.status}${l.under_review ? ' · UNDER REVIEW' : ''}` }),
      el('p', { class: 'muted', text: `${l.holder} → ${l.destination}, valid ${l.valid_from} to ${l.valid_to}; ` +
        `consignees: ${l.consignees.join(', ')}; end users: ${l.end_users.join(', ')}` }),
      table(['Item', 'Quantity left', 'Value left'], rows));
  }

  async function issue(id) {
    const r = await api('POST', `/v1/licences/${encodeURIComponent(id)}/issue`);
    if (r.status !== 201) showProblem($('applications'), r.body); else load();
  }

  async function load() {
    const [ls, apps] = await Promise.all([api('GET', '/v1/licences'), api('GET', '/v1/licence-applications')]);
    if (ls.status !== 200) showProblem($('licences'), ls.body);
    else $('licences').replaceChildren(...(ls.body.licenses.length ? ls.body.licenses.map(licence)
      : [el('p', { text: 'No licence on record.' })]));
    if (apps.status !== 200) { showProblem($('applications'), apps.body); return; }
    const ps = apps.body.proposals;
    $('applications').replaceChildren(ps.length ? table(['Licence', 'Holder', 'Applicant', 'Applied', ''], ps.map((p) =>
      el('tr', {}, el('td', { text: p.id }), el('td', { text: p.body.holder || '' }), el('td', { text: p.proposer }),
        el('td', { text: p.proposed_at }), el('td', {}, button('Issue ' + p.id, () => issue(p.id))))))
      : el('p', { text: 'No application is waiting.' }));
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('reload').addEventListener('click', load);
    $('apply-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearInvalid(ev.target);
      const r = await api('POST', '/v1/licences', $('l-json').value);
      if (r.status === 201) {
        $('apply-result').replaceChildren(el('p', { role: 'status', text: `Application ${r.body.id} recorded; awaiting issue.` }));
        load();
      } else showProblem($('apply-result'), r.body, ev.target);
    });
    load();
  });
})();

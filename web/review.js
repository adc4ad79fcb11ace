// SPDX-License-Identifier: Apache-2.0
// Review queue: recorded decisions whose verdict is review (GET /v1/reports/review) with their screening
// hits; propose an override per hit (POST /v1/overrides) and approve others' proposals
// (POST /v1/overrides/{id}/approve: never one's own).
'use strict';

(() => {
  const { el, api, showProblem, clearInvalid, levelBadge, table, button } = TG;
  const $ = (id) => document.getElementById(id);

  function prefill(h) {
    $('o-party').value = h.matched_name || h.name || '';
    $('o-list').value = h.list;
    $('o-entity').value = h.entity_id;
    $('o-reason').focus();
  }

  function decision(d) {
    const hits = d.decision.screening || [];
    return el('section', { 'aria-label': 'Order ' + d.order_id },
      el('h4', { text: `Order ${d.order_id} · ${d.exporter} · recorded ${d.recorded_at}` }),
      hits.length ? table(['Level', 'List', 'Entry', 'Matched name', 'Score', ''], hits.map((h) =>
        el('tr', {}, el('td', {}, levelBadge(h.level)),
          el('td', { text: h.list }), el('td', { text: h.entity_id }), el('td', { text: h.matched_name }),
          el('td', { class: 'num', text: Number(h.score).toFixed(3) }),
          el('td', {}, button('Propose override', () => prefill(h), { class: 'secondary' })))))
      : el('p', { class: 'muted', text: 'No screening hit: see the decision reasons.' }));
  }

  async function approve(id) {
    const r = await api('POST', `/v1/overrides/${encodeURIComponent(id)}/approve`);
    if (r.status !== 200) showProblem($('ov-result'), r.body);
    else $('ov-result').replaceChildren(el('p', { role: 'status', text: `Override ${id} approved and in force.` }));
    load();
  }

  async function load() {
    const [q, p] = await Promise.all([api('GET', '/v1/reports/review'), api('GET', '/v1/override-proposals')]);
    if (q.status !== 200) showProblem($('queue'), q.body);
    else $('queue').replaceChildren(...(q.body.decisions.length ? q.body.decisions.map(decision)
      : [el('p', { text: 'Nothing to review.' })]));
    if (p.status !== 200) { showProblem($('proposals'), p.body); return; }
    const ps = p.body.proposals;
    $('proposals').replaceChildren(ps.length ? table(['#', 'Party', 'Entry', 'Decision', 'Reason', 'Proposed by', ''], ps.map((x) =>
      el('tr', {}, el('td', { text: x.id }), el('td', { text: x.body.party }),
        el('td', { text: `${x.body.list} ${x.body.entity_id}` }), el('td', { text: x.body.decision }),
        el('td', { text: x.body.reason }), el('td', { text: x.proposer }), el('td', {}, button('Approve #' + x.id, () => approve(x.id))))))
      : el('p', { text: 'No proposal is waiting.' }));
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('reload').addEventListener('click', load);
    $('ov-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearInvalid(ev.target);
      const body = { party: $('o-party').value.trim(), list: $('o-list').value.trim(), entity_id: $('o-entity').value.trim(),
        decision: $('o-decision').value, reason: $('o-reason').value.trim() };
      const r = await api('POST', '/v1/overrides', JSON.stringify(body));
      if (r.status === 201) {
        $('ov-result').replaceChildren(el('p', { role: 'status', text: `Override #${r.body.id} proposed; another officer must approve it.` }));
        load();
      } else showProblem($('ov-result'), r.body, ev.target);
    });
    load();
  });
})();

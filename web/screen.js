// SPDX-License-Identifier: Apache-2.0
// Screen a name: POST /v1/screen and show each hit with its list, score, level and explanation.
'use strict';

(() => {
  const { el, api, showProblem, clearInvalid, levelBadge } = TG;
  const $ = (id) => document.getElementById(id);

  function render(res) {
    const out = $('hits');
    const n = res.hits.length;
    out.replaceChildren(el('h3', { tabindex: '-1', text: `${n} hit${n === 1 ? '' : 's'} for “${res.query}”` }));
    if (n) {
      const t = el('table', {}, el('caption', { class: 'muted', text: 'Hits, best first' }));
      t.append(el('thead', {}, el('tr', {}, ...['Level', 'List', 'Entry', 'Name', 'Matched name', 'Score', 'Why']
        .map((c) => el('th', { scope: 'col', text: c })))));
      t.append(el('tbody', {}, ...res.hits.map((h) => el('tr', {},
        el('td', {}, levelBadge(h.level)),
        el('td', { text: h.list + (h.approved ? ' (approved customer)' : '') }), el('td', { text: h.entity_id }),
        el('td', { text: h.name }), el('td', { text: h.matched_name }), el('td', { class: 'num', text: h.score.toFixed(3) }),
        el('td', { class: 'cite', text: h.explanation })))));
      out.append(t);
    } else {
      out.append(el('p', { text: 'No hit on the loaded lists.' }));
    }
    out.querySelector('h3').focus();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('screen-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearInvalid(ev.target);
      const body = { name: $('s-name').value.trim() };
      if ($('s-country').value.trim()) body.country = $('s-country').value.trim().toUpperCase();
      const r = await api('POST', '/v1/screen', JSON.stringify(body));
      if (r.status === 200) render(r.body); else showProblem($('hits'), r.body, ev.target);
    });
  });
})();

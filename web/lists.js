// SPDX-License-Identifier: Apache-2.0
// Lists: the loaded snapshots (GET /v1/lists/snapshots), loading a file (POST /v1/lists/upload) and the
// re-screen report of a load (GET /v1/lists/rescreen-report[?snapshot=ID]).
'use strict';

(() => {
  const { el, api, showProblem, clearInvalid, levelBadge } = TG;
  const $ = (id) => document.getElementById(id);

  async function refresh() {
    const r = await api('GET', '/v1/lists/snapshots');
    if (r.status !== 200) { showProblem($('snapshots'), r.body); return; }
    const t = el('table', {}, el('caption', { class: 'muted', text: `${r.body.snapshots.length} snapshots` }));
    t.append(el('thead', {}, el('tr', {}, ...['#', 'List', 'Format', 'Loaded (UTC)', 'Entries', 'Rejected', 'SHA-256', 'Source']
      .map((c) => el('th', { scope: 'col', text: c })))));
    t.append(el('tbody', {}, ...r.body.snapshots.map((s) => el('tr', {},
      el('td', { class: 'num', text: String(s.id) }), el('td', { text: s.name }), el('td', { text: s.format }),
      el('td', { text: s.loaded_at }), el('td', { class: 'num', text: String(s.entries) }),
      el('td', { class: 'num', text: String(s.errors) }), el('td', { class: 'cite', text: s.sha256.slice(0, 16) + '…' }),
      el('td', { class: 'cite', text: s.source })))));
    $('snapshots').replaceChildren(t);
  }

  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  // The counts of a re-screen, as the load response and the report both give them.
  const rescreened = (parties, newHits, cleared) =>
    `Re-screened ${plural(parties, 'recorded party', 'recorded parties')}: ` +
    `${plural(newHits, 'new hit', 'new hits')}, ${cleared} cleared`;

  function hitTable(caption, hits) {
    const t = el('table', {}, el('caption', { class: 'muted', text: caption }));
    t.append(el('thead', {}, el('tr', {}, ...['Party', 'Country', 'Entry change', 'Level', 'List', 'Entry',
      'Matched name', 'Score', 'Why'].map((c) => el('th', { scope: 'col', text: c })))));
    t.append(el('tbody', {}, ...hits.map((h) => el('tr', {},
      el('td', { text: h.party }), el('td', { text: h.party_country }), el('td', { text: h.change }),
      el('td', {}, levelBadge(h.level)),
      el('td', { text: h.list + (h.approved ? ' (approved customer)' : '') }), el('td', { text: h.entity_id }),
      el('td', { text: h.matched_name }), el('td', { class: 'num', text: Number(h.score).toFixed(3) }),
      el('td', { class: 'cite', text: h.explanation + (h.override ? ` (override ${h.override})` : '') })))));
    return t;
  }

  // The report of one load: its counts, then the new hits and the cleared hits (as they were).
  async function report(ev) {
    if (ev) ev.preventDefault();
    const form = $('rs-form'), out = $('rescreen'), snap = $('rs-snap').value.trim();
    clearInvalid(form);
    const r = await api('GET', '/v1/lists/rescreen-report' + (snap ? '?snapshot=' + encodeURIComponent(snap) : ''));
    if (r.status !== 200) { showProblem(out, r.body, form); return; }
    const b = r.body, e = b.entries;
    const against = b.previous_snapshot ? `snapshot ${b.previous_snapshot}` : 'no previous snapshot';
    out.replaceChildren(
      el('h3', { text: `Snapshot ${b.snapshot} of ${b.list_name} against ${against} (${b.created_at})` }),
      el('p', { text: `${rescreened(b.parties, b.new_hits.length, b.cleared_hits.length)} ` +
        `(entries: ${e.added} added, ${e.changed} changed, ${e.removed} removed).` }));
    if (b.new_hits.length) out.append(hitTable('New hits', b.new_hits));
    if (b.cleared_hits.length) out.append(hitTable('Cleared hits, as they were against the previous snapshot', b.cleared_hits));
  }

  async function upload(ev) {
    ev.preventDefault();
    clearInvalid(ev.target);
    const file = $('u-file').files[0];
    if (!file) { showProblem($('upload-result'), { title: 'No file', detail: 'choose a list file', field: 'body' }, ev.target); return; }
    const q = new URLSearchParams({ filename: file.name });
    if ($('u-format').value) q.set('format', $('u-format').value);
    if ($('u-name').value.trim()) q.set('name', $('u-name').value.trim());
    $('upload-result').replaceChildren(el('p', { class: 'muted', text: 'Loading…' }));
    const r = await api('POST', '/v1/lists/upload' + (q.toString() ? '?' + q : ''), await file.arrayBuffer(),
      'application/octet-stream');
    if (r.status !== 201) { showProblem($('upload-result'), r.body, ev.target); return; }
    const s = r.body;
    const rs = s.rescreen ? ` ${rescreened(s.rescreen.parties, s.rescreen.new_hits, s.rescreen.cleared_hits)}.` : '';
    $('upload-result').replaceChildren(el('p', { role: 'status',
      text: `Loaded snapshot ${s.id} of ${s.name} (${s.format}): ${plural(s.entries, 'entry', 'entries')} from ` +
        `${plural(s.rows, 'row', 'rows')}, ${s.errors} rejected.${rs}` }));
    $('rs-snap').value = '';
    refresh();
    report();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('upload-form').addEventListener('submit', upload);
    $('rs-form').addEventListener('submit', report);
    $('auth').addEventListener('submit', () => { refresh(); report(); });
    refresh();
    report();
  });
})();

// SPDX-License-Identifier: Apache-2.0
// Lists: the loaded snapshots (GET /v1/lists/snapshots) and loading a file (POST /v1/lists/upload).
'use strict';

(() => {
  const { el, api, showProblem, clearInvalid } = TG;
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
    $('upload-result').replaceChildren(el('p', { role: 'status',
      text: `Loaded snapshot ${s.id} of ${s.name} (${s.format}): ${s.entries} entries from ${s.rows} rows, ${s.errors} rejected.` }));
    refresh();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('upload-form').addEventListener('submit', upload);
    $('auth').addEventListener('submit', refresh);
    refresh();
  });
})();

// SPDX-License-Identifier: Apache-2.0
// Shared by every console page: the bearer token (kept in sessionStorage for this tab only), API
// calls, problem+json display, and small DOM helpers. No token, no data: the console has no bypass.
'use strict';

const TG = (() => {
  const KEY = 'tollgate.token';
  const token = () => sessionStorage.getItem(KEY) || '';

  function el(tag, attrs = {}, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    }
    for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
    return e;
  }

  // fetch with the token; resolves {status, body (parsed JSON or text), problem (bool)}
  async function api(method, path, body, contentType = 'application/json') {
    const headers = {};
    if (token()) headers.Authorization = 'Bearer ' + token();
    if (body !== undefined) headers['Content-Type'] = contentType;
    const r = await fetch(path, { method, headers, body });
    const type = r.headers.get('Content-Type') || '';
    const text = await r.text();
    let parsed = text;
    if (type.includes('json') && !type.includes('ndjson')) { try { parsed = JSON.parse(text); } catch (e) { /* keep text */ } }
    return { status: r.status, body: parsed, problem: type.startsWith('application/problem+json') };
  }

  // Render a problem (RFC 9457) into `where`; mark the named field if a form control carries it.
  function showProblem(where, p, form) {
    where.replaceChildren();
    const detail = typeof p === 'object' ? p.detail : String(p);
    const box = el('div', { class: 'problem', role: 'alert' },
      el('strong', { text: (p.title || 'Error') + (p.status ? ` (${p.status})` : '') }), el('p', { text: detail }));
    if (p.field) box.append(el('p', { class: 'muted', text: 'Field: ' + p.field }));
    where.append(box);
    if (form && p.field) {
      const ctl = form.querySelector(`[data-field="${CSS.escape(p.field)}"]`);
      if (ctl) { ctl.setAttribute('aria-invalid', 'true'); ctl.focus(); }
    }
  }

  // A screening hit's level (block or review) as a coloured badge.
  const levelBadge = (level) => el('span', { class: 'verdict v-' + (level === 'block' ? 'deny' : 'review'), text: level });

  // A table with one header row (column names, scope=col) over the given body rows.
  const table = (cols, rows) => el('table', {}, el('thead', {}, el('tr', {}, ...cols.map((c) => el('th', { scope: 'col', text: c })))),
    el('tbody', {}, ...rows));

  // A push button that calls onClick; attrs may add a class.
  function button(text, onClick, attrs = {}) {
    const b = el('button', { type: 'button', ...attrs, text });
    b.addEventListener('click', onClick);
    return b;
  }

  function clearInvalid(form) {
    form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  }

  async function whoami() {
    const who = document.getElementById('who');
    if (!who) return;
    if (!token()) { who.textContent = 'no token'; return; }
    const r = await api('GET', '/v1/whoami');
    who.textContent = r.status === 200 ? `${r.body.name} (${r.body.role})` : 'token not accepted';
  }

  function initAuth() {
    const form = document.getElementById('auth');
    if (!form) return;
    const input = form.querySelector('input');
    input.value = token();
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      sessionStorage.setItem(KEY, input.value.trim());
      whoami();
    });
    whoami();
  }

  document.addEventListener('DOMContentLoaded', initAuth);
  return { el, api, showProblem, clearInvalid, levelBadge, table, button };
})();

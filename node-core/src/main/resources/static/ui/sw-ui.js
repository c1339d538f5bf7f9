// What the node's pages share (the provincial portal and the operations console): plain JavaScript, no build step,
// same origin only. Texts in Chinese and English (each page adds its own to TEXT), elements, tables, and calls to
// the node's API with the login session (state-changing calls carry the CSRF header the page's "me" handed out).
'use strict';

const TEXT = {
  zh: {
    'lang.other': 'English', 'error': '出错了：', 'col.agency': '机构', 'col.status': '状态', 'col.count': '已结',
    'col.reason': '原因', 'col.action': '操作',
  },
  en: {
    'lang.other': '中文', 'error': 'Something went wrong: ', 'col.agency': 'Agency', 'col.status': 'Status',
    'col.count': 'Finished', 'col.reason': 'Reason', 'col.action': 'Action',
  },
};
let lang = localStorage.getItem('sw.lang') === 'en' ? 'en' : 'zh';
/** Who is logged in, with the CSRF header and token ({@code /portal/me} or {@code /console/me}). */
let me = null;
const t = key => TEXT[lang][key] || key;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function table(headers, rows) {
  return el('table', {}, el('tr', {}, headers.map(h => el('th', {}, t(h)))),
    rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c)))));
}

function status(value) {
  return el('span', {class: 'status ' + value, 'data-status': value}, value);
}

function when(at) {
  return at ? new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') : '';
}

/** The problem document's message in the page's language, else the HTTP status. */
async function problemOf(response) {
  const problem = await response.json().catch(() => ({}));
  return new Error((lang === 'zh' ? problem.detailZh : problem.detail) || response.status);
}

async function api(path) {
  const response = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.json();
}

/**
 * A state-changing request with the session, as it is ({@code body} sent unchanged, {@code headers} added): the CSRF
 * header goes along, JSON is asked for; the response is the caller's to read.
 */
function request(method, path, body, headers) {
  const all = {Accept: 'application/json', ...headers};
  all[me.csrfHeader] = me.csrfToken;
  return fetch(path, {method, credentials: 'same-origin', headers: all, body});
}

/** A state-changing call with the session and a JSON body; its JSON answer, or the problem thrown. */
async function send(method, path, body) {
  const response = await request(method, path, body == null ? undefined : JSON.stringify(body),
    {'Content-Type': 'application/json'});
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.json();
}

const post = (path, body) => send('POST', path, body);

function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-t]').forEach(n => { n.textContent = t(n.dataset.t); });
  document.getElementById('lang').textContent = t('lang.other');
}

/**
 * Starts a page: reads who is logged in from {@code mePath}, names the page after the node, wires the language
 * switch and the hash router ({@code route} renders the current hash).
 */
async function startPage(mePath, route) {
  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('sw.lang', lang);
    applyLanguage();
    route();
  });
  me = await api(mePath);
  document.getElementById('node-name').textContent = me.nodeName || me.node;
  document.getElementById('user').textContent = me.username;
  applyLanguage();
  window.addEventListener('hashchange', route);
  route();
}

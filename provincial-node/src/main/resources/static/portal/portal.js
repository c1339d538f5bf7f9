// The provincial portal: plain JavaScript, no build step, same origin only (the node's content security policy).
// Every figure comes from the node's API with the login session: /portal/me, /api/v1/declarations,
// /api/v1/declarations/{id} (+ its event stream), /api/v1/statistics, /api/v1/declarations/export, and for operators
// /api/v1/ops/* and /api/v1/audit/verify (state-changing calls carry the session's CSRF token).
'use strict';

const TEXT = {
  zh: {
    'nav.documents': '我的单证', 'nav.statistics': '查询统计', 'lang.other': 'English',
    'documents.title': '我的单证', 'documents.none': '暂无单证', 'counts': '按状态统计',
    'col.reference': '客户端编号', 'col.type': '单证类型', 'col.status': '状态', 'col.created': '提交时间',
    'col.agency': '机构', 'col.receipts': '回执', 'col.time': '时间', 'col.event': '事件', 'col.detail': '说明',
    'col.count': '已结', 'col.p50': '中位用时（秒）', 'col.p90': '90% 用时（秒）', 'col.day': '日期',
    'col.submitted': '提交数',
    'document.title': '单证详情', 'document.agencies': '各机构处理情况', 'document.timeline': '处理时间线',
    'document.live': '实时更新中', 'document.final': '已办结',
    'stats.title': '查询统计', 'stats.declarations': '单证总数', 'stats.clearance': '通关用时（提交至办结）',
    'stats.byAgency': '按机构', 'stats.byDay': '按日', 'stats.export': '导出 CSV', 'stats.filter': '查询',
    'stats.hsCode': 'HS 编码', 'stats.from': '起始日期', 'stats.to': '截止日期', 'error': '出错了：',
    'nav.new': '签名提交', 'new.title': '签名并提交单证', 'new.type': '单证类型', 'new.document': '单证（JSON）',
    'new.key': '企业私钥（PKCS#8 PEM，仅在本浏览器内使用）', 'new.certificate': '企业证书（PEM）',
    'new.submit': '签名并提交', 'new.refused': '未受理：', 'col.field': '字段',
    'xml.title': '上传 E-Port 报文（DecMessage）', 'xml.hint': '由申报软件按 E-Port 方式签名（报文内含 SM2/SM3 XML 签名）',
    'xml.submit': '上传',
    'nav.ops': '运维', 'ops.title': '运维控制台', 'ops.links': '链路状态', 'ops.queues': '队列积压',
    'ops.deadLetters': '死信', 'ops.refusals': '拒收（按原因）', 'ops.audit': '审计链核验', 'ops.check': '核验',
    'ops.replay': '重放', 'ops.discard': '丢弃', 'ops.reason': '丢弃原因', 'ops.none': '无',
    'col.link': '链路', 'col.up': '状态', 'col.since': '自', 'col.lastReason': '最近原因', 'col.queue': '队列',
    'col.messages': '消息数', 'col.oldest': '最久等待（秒）', 'col.message': '消息', 'col.reason': '原因',
    'col.action': '操作', 'col.times': '次数', 'up': '正常', 'down': '中断', 'audit.intact': '完整', 'audit.broken': '发现问题',
  },
  en: {
    'nav.documents': 'My documents', 'nav.statistics': 'Query & statistics', 'lang.other': '中文',
    'documents.title': 'My documents', 'documents.none': 'No documents yet', 'counts': 'By status',
    'col.reference': 'Client reference', 'col.type': 'Document type', 'col.status': 'Status', 'col.created': 'Submitted',
    'col.agency': 'Agency', 'col.receipts': 'Receipts', 'col.time': 'Time', 'col.event': 'Event', 'col.detail': 'Detail',
    'col.count': 'Finished', 'col.p50': 'p50 (s)', 'col.p90': 'p90 (s)', 'col.day': 'Day', 'col.submitted': 'Submitted',
    'document.title': 'Document', 'document.agencies': 'Agencies', 'document.timeline': 'Timeline',
    'document.live': 'updating live', 'document.final': 'finished',
    'stats.title': 'Query & statistics', 'stats.declarations': 'Documents', 'stats.clearance':
      'Clearance time (submission to final status)', 'stats.byAgency': 'By agency', 'stats.byDay': 'By day',
    'stats.export': 'Export CSV', 'stats.filter': 'Search', 'stats.hsCode': 'HS code', 'stats.from': 'From',
    'stats.to': 'To', 'error': 'Something went wrong: ',
    'nav.new': 'Sign & submit', 'new.title': 'Sign and submit a document', 'new.type': 'Document type',
    'new.document': 'Document (JSON)', 'new.key': 'Enterprise private key (PKCS#8 PEM, used in this browser only)',
    'new.certificate': 'Enterprise certificate (PEM)', 'new.submit': 'Sign and submit', 'new.refused': 'Refused: ',
    'col.field': 'Field',
    'xml.title': 'Upload an E-Port message (DecMessage)',
    'xml.hint': 'signed E-Port style by the declaration software (an enveloped SM2/SM3 XML signature inside)',
    'xml.submit': 'Upload',
    'nav.ops': 'Operations', 'ops.title': 'Operations console', 'ops.links': 'Links', 'ops.queues': 'Backlogs',
    'ops.deadLetters': 'Dead letters', 'ops.refusals': 'Refusals by reason', 'ops.audit': 'Audit chain',
    'ops.check': 'Check', 'ops.replay': 'Replay', 'ops.discard': 'Discard', 'ops.reason': 'reason for discarding',
    'ops.none': 'none', 'col.link': 'Link', 'col.up': 'State', 'col.since': 'Since', 'col.lastReason': 'Last reason',
    'col.queue': 'Queue', 'col.messages': 'Messages', 'col.oldest': 'Oldest (s)', 'col.message': 'Message',
    'col.reason': 'Reason', 'col.action': 'Action', 'col.times': 'Count', 'up': 'up', 'down': 'down', 'audit.intact': 'intact',
    'audit.broken': 'problems found',
  },
};
let lang = localStorage.getItem('sw.lang') === 'en' ? 'en' : 'zh';
let stream = null;
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

async function api(path) {
  const response = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch (e) { /* not a problem document */ }
    throw new Error((lang === 'zh' ? problem.detailZh : problem.detail) || response.status);
  }
  return response.json();
}

function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-t]').forEach(n => { n.textContent = t(n.dataset.t); });
  document.getElementById('lang').textContent = t('lang.other');
}

/** A schema without the optional-blank wrapper ({@code anyOf: [{const: ""}, s]}), keeping its title. */
function unwrap(schema) {
  if (!schema.anyOf) return schema;
  const inner = schema.anyOf.find(s => s.const !== '') || {};
  return {...inner, title: schema.title, description: schema.description, optional: true};
}

/**
 * The form of a document type, generated from its JSON Schema: a fieldset per group, a list per repeated group
 * (with a button to add one), a select per code list, an input per other element, each named by its JSON path
 * ({@code data-path}) so the API's errors can be shown at their field. {@code onChange} gets the document.
 */
function schemaForm(schema, start, onChange) {
  const root = el('div', {id: 'schema-form'});
  const title = s => (s.title || '').split(' / ')[lang === 'zh' ? 1 : 0] || s.title || '';
  const render = (raw, path, value, required, label) => {
    const s = unwrap(raw);
    if (s.const !== undefined) {
      return el('input', {type: 'hidden', 'data-path': path, 'data-const': 'true', value: s.const});
    }
    if (s.type === 'object') {
      const box = el('fieldset', {'data-group': path}, el('legend', {}, title(s) || label || path));
      Object.entries(s.properties || {}).forEach(([key, child]) => box.append(render(child,
        path ? path + '.' + key : key, value ? value[key] : undefined, (s.required || []).includes(key))));
      return box;
    }
    if (s.type === 'array') {
      const list = el('div', {'data-list': path});
      const add = el('button', {type: 'button', 'data-add': path}, '+ ' + title(s));
      const append = item => {
        const index = list.querySelectorAll(':scope > fieldset').length;
        list.insertBefore(render(s.items, path + '[' + index + ']', item, true, title(s) + ' ' + (index + 1)), add);
      };
      list.append(el('strong', {}, title(s)), add);
      add.addEventListener('click', () => { append(undefined); onChange(collect(root)); });
      (value && value.length ? value : Array(Math.max(1, s.minItems || 0)).fill(undefined)).forEach(append);
      return list;
    }
    const input = s.enum
      ? el('select', {'data-path': path, 'data-type': 'string'}, el('option', {value: ''}, ''),
        s.enum.map(v => el('option', {value: v}, v)))
      : el('input', {'data-path': path, 'data-type': s.type, title: s.description || '', size: '24'});
    if (value !== undefined && value !== null) input.value = String(value);
    return el('p', {class: 'field'}, el('label', {}, title(s) + (required && !s.optional ? ' *' : ''), ' ', input),
      el('span', {class: 'field-error', 'data-error-for': path}));
  };
  root.append(render(schema, '', start, true));
  root.addEventListener('input', () => onChange(collect(root)));
  root.addEventListener('change', () => onChange(collect(root)));
  return root;
}

/** The document the form holds: every filled field at its path (numbers as numbers), empty ones left out. */
function collect(root) {
  const document = {};
  root.querySelectorAll('[data-path]').forEach(input => {
    if (input.value === '' || input.dataset.path === '') return;
    const number = input.dataset.type === 'number' || input.dataset.type === 'integer';
    const value = number && !isNaN(Number(input.value)) ? Number(input.value) : input.value;
    const keys = input.dataset.path.match(/[^.[\]]+/g);
    let node = document;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const index = /^\d+$/.test(key) ? Number(key) : key;
      if (last) {
        node[index] = value;
      } else {
        const nextIsIndex = /^\d+$/.test(keys[i + 1]);
        node[index] = node[index] || (nextIsIndex ? [] : {});
        node = node[index];
      }
    });
  });
  return document;
}

/** Shows each of the API's errors at its field ({@code $.data.currency} → the input of {@code data.currency}). */
function showAtFields(errors) {
  document.querySelectorAll('.field-error').forEach(n => { n.textContent = ''; });
  (errors || []).forEach(e => {
    const at = document.querySelector('[data-error-for="' + e.path.replace(/^\$\./, '') + '"]');
    if (at) at.textContent = ' ' + (lang === 'zh' ? e.messageZh : e.messageEn);
  });
}

/**
 * Sign and submit: the document (filled in the form generated from its type's JSON Schema, or written as JSON) is
 * signed in this page with the declarant's own SM2 key (CmsSm2, detached CMS over
 * its canonical form, as the API checks it) and posted with the session; the key file is read here and never sent.
 * A refusal shows the API's problem, every offending field with its message.
 */
async function newDocument(page) {
  const directory = await api('/api/v1/directory');
  const type = el('select', {id: 'new-type'}, directory.documentTypes.map(d =>
    el('option', {value: d.documentType}, d.documentType + ' ' + (lang === 'zh' ? d.nameZh : d.nameEn))));
  const text = el('textarea', {id: 'new-document', rows: '12', cols: '100', spellcheck: 'false'});
  const formBox = el('div', {});
  const start = () => ({documentType: type.value, clientReference: 'PORTAL-' + Date.now(),
    declarant: {uscc: me.uscc || ''}, data: {}});
  const showForm = async () => {
    const schema = await api('/api/v1/schemas/' + encodeURIComponent(type.value));
    const document = start();
    text.value = JSON.stringify(document, null, 2);
    formBox.replaceChildren(schemaForm(schema, document, d => { text.value = JSON.stringify(d, null, 2); }));
  };
  type.addEventListener('change', showForm);
  await showForm();
  const key = el('input', {type: 'file', id: 'new-key', accept: '.pem'});
  const certificate = el('input', {type: 'file', id: 'new-certificate', accept: '.pem'});
  const outcome = el('div', {id: 'new-outcome'});
  const submit = el('button', {type: 'button', id: 'new-submit'}, t('new.submit'));
  submit.addEventListener('click', async () => {
    outcome.replaceChildren();
    try {
      const document = JSON.parse(text.value);
      const signature = CmsSm2.signJson(document, await key.files[0].text(), await certificate.files[0].text());
      const headers = {'Content-Type': 'application/json', Accept: 'application/json', 'X-SW-Signature': signature};
      headers[me.csrfHeader] = me.csrfToken;
      const response = await fetch('/api/v1/declarations', {method: 'POST', credentials: 'same-origin', headers,
        body: text.value});
      const body = await response.json();
      if (response.status === 202 || response.status === 200) {
        location.hash = '#/d/' + body.id;
        return;
      }
      showAtFields(body.errors);
      outcome.append(el('p', {class: 'error'}, t('new.refused'), lang === 'zh' ? body.detailZh : body.detail),
        table(['col.field', 'col.reason'], (body.errors || []).map(e => [e.path,
          lang === 'zh' ? e.messageZh : e.messageEn])));
    } catch (e) {
      outcome.append(el('p', {class: 'error'}, t('error'), e.message));
    }
  });
  const xmlFile = el('input', {type: 'file', id: 'xml-file', accept: '.xml'});
  const upload = el('button', {type: 'button', id: 'xml-submit'}, t('xml.submit'));
  upload.addEventListener('click', async () => {
    outcome.replaceChildren();
    try {
      const headers = {'Content-Type': 'application/xml', Accept: 'application/json'};
      headers[me.csrfHeader] = me.csrfToken;
      const response = await fetch('/api/v1/declarations', {method: 'POST', credentials: 'same-origin', headers,
        body: await xmlFile.files[0].arrayBuffer()});
      const body = await response.json();
      if (response.status === 202 || response.status === 200) {
        location.hash = '#/d/' + body.id;
        return;
      }
      outcome.append(el('p', {class: 'error'}, t('new.refused'), lang === 'zh' ? body.detailZh : body.detail));
    } catch (e) {
      outcome.append(el('p', {class: 'error'}, t('error'), e.message));
    }
  });
  page.append(el('h2', {}, t('xml.title')), el('p', {}, t('xml.hint')), el('p', {}, xmlFile, ' ', upload));
  page.append(el('h2', {}, t('new.title')),
    el('p', {}, el('label', {}, t('new.type'), ' ', type)), formBox,
    el('p', {}, el('label', {}, t('new.document')), el('br'), text),
    el('p', {}, el('label', {}, t('new.key'), ' ', key)),
    el('p', {}, el('label', {}, t('new.certificate'), ' ', certificate)),
    el('p', {}, submit), outcome);
}

/** A state-changing call with the session: the CSRF header /portal/me handed out goes along. */
async function post(path, body) {
  const headers = {'Content-Type': 'application/json', Accept: 'application/json'};
  headers[me.csrfHeader] = me.csrfToken;
  const response = await fetch(path, {method: 'POST', credentials: 'same-origin', headers,
    body: body == null ? undefined : JSON.stringify(body)});
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error((lang === 'zh' ? problem.detailZh : problem.detail) || response.status);
  }
  return response.json();
}

async function operations(page) {
  const [health, parked, refusals] = await Promise.all([api('/api/v1/ops/links'), api('/api/v1/ops/dead-letters'),
    api('/api/v1/ops/refusals')]);
  const when = at => at ? new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') : '';
  const audit = el('span', {id: 'audit-result'});
  const check = el('button', {type: 'button', id: 'audit-check'}, t('ops.check'));
  check.addEventListener('click', async () => {
    const result = await api('/api/v1/audit/verify');
    audit.textContent = ' ' + t(result.problems.length === 0 ? 'audit.intact' : 'audit.broken');
  });
  const letters = parked.flatMap(p => p.messages.map(m => ({queue: p.queue, ...m})));
  page.append(el('h2', {}, t('ops.title')),
    el('h3', {}, t('ops.links')),
    table(['col.link', 'col.up', 'col.since', 'col.lastReason'], health.links.map(l => [l.link,
      el('span', {class: 'status ' + (l.up ? 'COMPLETED' : 'REJECTED'), 'data-link': l.link}, t(l.up ? 'up' : 'down')),
      when(l.since), l.lastReason || ''])),
    el('h3', {}, t('ops.queues')),
    table(['col.queue', 'col.messages', 'col.oldest'], health.queues.map(q => [q.queue,
      el('span', {'data-queue': q.queue}, q.messages), q.oldestAgeSeconds == null ? '' : q.oldestAgeSeconds])),
    el('h3', {}, t('ops.deadLetters')),
    letters.length === 0 ? el('p', {id: 'no-dead-letters'}, t('ops.none'))
      : table(['col.queue', 'col.message', 'col.reason', 'col.action'], letters.map(m => [m.queue, m.messageId,
        m.reason || '', deadLetterActions(m)])),
    el('h3', {}, t('ops.refusals')),
    table(['col.reason', 'col.times'], Object.entries(refusals).map(([reason, n]) => [reason, n])),
    el('h3', {}, t('ops.audit')), el('p', {}, check, audit));
}

/** Replay (back to its queue) or discard (with a reason) one parked message, then show the console again. */
function deadLetterActions(m) {
  const path = '/api/v1/ops/dead-letters/' + encodeURIComponent(m.queue);
  const replay = el('button', {type: 'button', 'data-replay': m.messageId}, t('ops.replay'));
  replay.addEventListener('click', async () => { await post(path + '/replay', {messageId: m.messageId}); route(); });
  const reason = el('input', {'data-reason': m.messageId, placeholder: t('ops.reason')});
  const discard = el('button', {type: 'button', 'data-discard': m.messageId}, t('ops.discard'));
  discard.addEventListener('click', async () => {
    await post(path + '/discard', {messageId: m.messageId, reason: reason.value});
    route();
  });
  return el('span', {}, replay, ' ', reason, ' ', discard);
}

async function dashboard(page) {
  const [report, list] = await Promise.all([api('/api/v1/statistics'), api('/api/v1/declarations?size=50')]);
  page.append(el('h2', {}, t('documents.title')),
    el('div', {class: 'counts', id: 'counts'}, el('strong', {}, t('counts') + ' '),
      Object.entries(report.byStatus).map(([s, n]) => el('span', {}, status(s), ' ', n))));
  if (list.items.length === 0) {
    page.append(el('p', {}, t('documents.none')));
    return;
  }
  page.append(table(['col.reference', 'col.type', 'col.status', 'col.created'], list.items.map(d => [
    el('a', {href: '#/d/' + d.id, 'data-id': d.id}, d.clientReference), d.documentType, status(d.status),
    new Date(d.createdAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')])));
}

async function documentPage(page, id) {
  const box = el('div', {id: 'document'});
  page.append(el('h2', {}, t('document.title')), box);
  const render = async () => {
    const d = await api('/api/v1/declarations/' + encodeURIComponent(id));
    const finished = d.status === 'COMPLETED' || d.status === 'REJECTED';
    box.replaceChildren(
      el('p', {}, d.clientReference, ' · ', d.documentType, ' · ', status(d.status), ' · ',
        el('em', {id: 'liveness'}, t(finished ? 'document.final' : 'document.live'))),
      el('h3', {}, t('document.agencies')),
      table(['col.agency', 'col.status', 'col.receipts'], d.agencies.map(a => [a.agency,
        el('span', {'data-agency': a.agency}, status(a.status)),
        a.receipts.map(r => r.status + (r.code ? ' [' + r.code + ']' : '')).join(' → ')])),
      el('h3', {}, t('document.timeline')),
      table(['col.time', 'col.event', 'col.detail'], d.timeline.map(e => [
        new Date(e.occurredAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB'),
        [e.kind, e.agency, e.status].filter(Boolean).join(' '), e.detail || ''])));
    return finished;
  };
  if (await render()) {
    return;
  }
  stream = new EventSource('/api/v1/declarations/' + encodeURIComponent(id) + '/events');
  const changed = async () => {
    if (await render() && stream) {
      stream.close();
      stream = null;
    }
  };
  ['status', 'receipt', 'hop'].forEach(kind => stream.addEventListener(kind, changed));
}

async function statistics(page, query) {
  const form = el('form', {id: 'search'},
    el('label', {}, t('stats.hsCode'), ' ', el('input', {name: 'hsCode', value: query.get('hsCode') || ''})), ' ',
    el('label', {}, t('stats.from'), ' ', el('input', {name: 'from', type: 'date', value: query.get('from') || ''})),
    ' ', el('label', {}, t('stats.to'), ' ', el('input', {name: 'to', type: 'date', value: query.get('to') || ''})),
    ' ', el('button', {type: 'submit'}, t('stats.filter')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const q = new URLSearchParams([...new FormData(form)].filter(([, v]) => v));
    location.hash = '#/stats?' + q;
  });
  const report = await api('/api/v1/statistics?' + query);
  const seconds = c => [c.count, c.p50Seconds == null ? '–' : c.p50Seconds, c.p90Seconds == null ? '–' : c.p90Seconds];
  page.append(el('h2', {}, t('stats.title')), form,
    el('p', {}, t('stats.declarations'), ': ', el('strong', {id: 'total'}, report.declarations), ' · ',
      el('a', {href: '/api/v1/declarations/export?' + query, download: 'declarations.csv'}, t('stats.export'))),
    el('h3', {}, t('stats.clearance')),
    table(['col.agency', 'col.count', 'col.p50', 'col.p90'], [['*', ...seconds(report.clearance)],
      ...Object.entries(report.byAgency).map(([agency, f]) => [agency, ...seconds(f.clearance)])]),
    el('h3', {}, t('stats.byDay')), chart(report.byDay),
    table(['col.day', 'col.submitted', 'col.count', 'col.p50', 'col.p90'],
      report.byDay.map(d => [d.day, d.submitted, ...seconds(d.clearance)])));
}

/** Submitted declarations per day as an SVG bar chart. */
function chart(days) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const max = Math.max(1, ...days.map(d => d.submitted));
  svg.setAttribute('width', String(Math.max(120, days.length * 40)));
  svg.setAttribute('height', '140');
  svg.setAttribute('id', 'by-day-chart');
  days.forEach((d, i) => {
    const h = Math.round(100 * d.submitted / max);
    const bar = document.createElementNS(ns, 'rect');
    Object.entries({class: 'bar', x: i * 40 + 8, y: 110 - h, width: 24, height: h}).forEach(([k, v]) =>
      bar.setAttribute(k, String(v)));
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', String(i * 40 + 4));
    label.setAttribute('y', '128');
    label.textContent = d.day.slice(5);
    svg.append(bar, label);
  });
  return svg;
}

async function route() {
  if (stream) {
    stream.close();
    stream = null;
  }
  const page = document.getElementById('page');
  page.replaceChildren();
  const [path, search] = location.hash.replace(/^#/, '').split('?');
  try {
    if (path && path.startsWith('/d/')) {
      await documentPage(page, decodeURIComponent(path.slice(3)));
    } else if (path === '/new') {
      await newDocument(page);
    } else if (path === '/ops') {
      await operations(page);
    } else if (path === '/stats') {
      await statistics(page, new URLSearchParams(search || ''));
    } else {
      await dashboard(page);
    }
  } catch (e) {
    page.append(el('p', {class: 'error'}, t('error'), e.message));
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('sw.lang', lang);
    applyLanguage();
    route();
  });
  me = await api('/portal/me');
  if (me.roles.includes('NODE_OPERATOR') || me.roles.includes('CENTRAL_OPERATOR')) {
    document.getElementById('ops-link').hidden = false;
  }
  document.getElementById('portal-name').textContent = me.portalName || ('Single Window ' + me.portal);
  document.title = me.portalName || document.title;
  document.getElementById('user').textContent = me.username;
  applyLanguage();
  window.addEventListener('hashchange', route);
  route();
});

// The provincial portal: plain JavaScript, no build step, same origin only (the node's content security policy);
// the helpers it shares with the operations console are /ui/sw-ui.js. Every figure comes from the node's API with the
// login session: /portal/me, /api/v1/declarations, /api/v1/declarations/{id} (+ its event stream),
// /api/v1/statistics, /api/v1/declarations/export; operators find the console at /console/.
'use strict';

Object.assign(TEXT.zh, {
  'nav.documents': '我的单证', 'nav.statistics': '查询统计', 'nav.ops': '运维',
  'documents.title': '我的单证', 'documents.none': '暂无单证', 'counts': '按状态统计',
  'col.reference': '客户端编号', 'col.type': '单证类型', 'col.created': '提交时间',
  'col.receipts': '回执', 'col.time': '时间', 'col.event': '事件', 'col.detail': '说明',
  'col.p50': '中位用时（秒）', 'col.p90': '90% 用时（秒）', 'col.day': '日期', 'col.submitted': '提交数',
  'document.title': '单证详情', 'document.agencies': '各机构处理情况', 'document.timeline': '处理时间线',
  'document.live': '实时更新中', 'document.final': '已办结',
  'stats.title': '查询统计', 'stats.declarations': '单证总数', 'stats.clearance': '通关用时（提交至办结）',
  'stats.byAgency': '按机构', 'stats.byDay': '按日', 'stats.export': '导出 CSV', 'stats.filter': '查询',
  'stats.hsCode': 'HS 编码', 'stats.from': '起始日期', 'stats.to': '截止日期',
  'stats.byAgencyDay': '各机构每日用时（中位 / 90%，秒）',
  'nav.new': '签名提交', 'new.title': '签名并提交单证', 'new.type': '单证类型', 'new.document': '单证（JSON）',
  'new.key': '企业私钥（PKCS#8 PEM，仅在本浏览器内使用）', 'new.certificate': '企业证书（PEM）',
  'new.submit': '签名并提交', 'new.refused': '未受理：', 'col.field': '字段',
  'xml.title': '上传 E-Port 报文（DecMessage）', 'new.form': '填写单证',
  'xml.hint': '报文内已有 E-Port 方式的 SM2/SM3 XML 签名则原样提交；否则以上方私钥在本浏览器内签名后提交',
  'xml.submit': '上传',
  'nav.delegations': '委托管理', 'del.title': '委托管理', 'del.new': '新建委托（以本企业私钥签名）',
  'del.broker': '报关企业统一社会信用代码', 'del.types': '委托的单证类型', 'del.until': '有效期至',
  'del.sign': '签名并委托', 'del.revoke': '撤销', 'del.none': '暂无委托', 'col.principal': '委托企业',
  'col.broker': '受托报关企业', 'col.validUntil': '有效期至', 'col.state': '状态',
});
Object.assign(TEXT.en, {
  'nav.documents': 'My documents', 'nav.statistics': 'Query & statistics', 'nav.ops': 'Operations',
  'documents.title': 'My documents', 'documents.none': 'No documents yet', 'counts': 'By status',
  'col.reference': 'Client reference', 'col.type': 'Document type', 'col.created': 'Submitted',
  'col.receipts': 'Receipts', 'col.time': 'Time', 'col.event': 'Event', 'col.detail': 'Detail',
  'col.p50': 'p50 (s)', 'col.p90': 'p90 (s)', 'col.day': 'Day', 'col.submitted': 'Submitted',
  'document.title': 'Document', 'document.agencies': 'Agencies', 'document.timeline': 'Timeline',
  'document.live': 'updating live', 'document.final': 'finished',
  'stats.title': 'Query & statistics', 'stats.declarations': 'Documents', 'stats.clearance':
    'Clearance time (submission to final status)', 'stats.byAgency': 'By agency', 'stats.byDay': 'By day',
  'stats.export': 'Export CSV', 'stats.filter': 'Search', 'stats.hsCode': 'HS code', 'stats.from': 'From',
  'stats.to': 'To', 'stats.byAgencyDay': 'Each agency per day (p50 / p90, seconds)',
  'nav.new': 'Sign & submit', 'new.title': 'Sign and submit a document', 'new.type': 'Document type',
  'new.document': 'Document (JSON)', 'new.key': 'Enterprise private key (PKCS#8 PEM, used in this browser only)',
  'new.certificate': 'Enterprise certificate (PEM)', 'new.submit': 'Sign and submit', 'new.refused': 'Refused: ',
  'col.field': 'Field',
  'xml.title': 'Upload an E-Port message (DecMessage)',
  'new.form': 'Fill in a document',
  'xml.hint': 'sent as it is when it carries an E-Port style SM2/SM3 XML signature; otherwise signed in this browser '
    + 'with the key above',
  'xml.submit': 'Upload',
  'nav.delegations': 'Delegations', 'del.title': 'Delegations', 'del.new': 'New delegation (signed with your key)',
  'del.broker': "Customs broker's USCC", 'del.types': 'Document types delegated', 'del.until': 'Valid until',
  'del.sign': 'Sign and delegate', 'del.revoke': 'Revoke', 'del.none': 'No delegations', 'col.principal': 'Principal',
  'col.broker': 'Customs broker', 'col.validUntil': 'Valid until', 'col.state': 'State',
});
let stream = null;

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
 * {@code codes} are the directory's code lists by element id (the element id opens each schema's description): a
 * select shows each code with its label; a list matched by prefix (customs districts) is offered as suggestions.
 */
function schemaForm(schema, start, onChange, codes) {
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
    const list = codes[(s.description || '').split(':')[0]];
    const named = v => list && list.codes[v] ? v + ' ' + list.codes[v] : v;
    const input = s.enum
      ? el('select', {'data-path': path, 'data-type': 'string'}, el('option', {value: ''}, ''),
        s.enum.map(v => el('option', {value: v}, named(v))))
      : el('input', {'data-path': path, 'data-type': s.type, title: s.description || '', size: '24'});
    const prefixes = !s.enum && list && list.matchByPrefix;
    if (prefixes) input.setAttribute('list', 'codes-' + path);
    if (value !== undefined && value !== null) input.value = String(value);
    return el('p', {class: 'field'}, el('label', {}, title(s) + (required && !s.optional ? ' *' : ''), ' ', input),
      prefixes ? el('datalist', {id: 'codes-' + path}, Object.keys(list.codes).map(code =>
        el('option', {value: code, label: named(code)}))) : '',
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
 * Sign and submit. The document (filled in the form generated from its type's JSON Schema, or written as JSON) is
 * signed in this page with the declarant's own SM2 key (CmsSm2: detached CMS over its canonical form, as the API
 * checks it) and posted with the session; the key file is read here and never sent. A DecMessage XML is uploaded as
 * it is: signed E-Port style (an enveloped XML signature inside) it goes alone; without one, the node's mapping of
 * it is signed here and goes along in X-SW-Signature. A refusal shows the API's problem, and every offending field
 * with its message, at the field where the form has it.
 */
async function newDocument(page) {
  const directory = await api('/api/v1/directory');
  const lists = Object.fromEntries(directory.codeLists.map(c => [c.name, c]));
  const codes = Object.fromEntries(directory.elements.filter(e => lists[e.codeList])
    .map(e => [e.id, lists[e.codeList]]));
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
    formBox.replaceChildren(schemaForm(schema, document, d => { text.value = JSON.stringify(d, null, 2); },
      codes));
  };
  type.addEventListener('change', showForm);
  await showForm();
  const files = signingFiles('new');
  const outcome = el('div', {id: 'new-outcome'});
  /** Posts a submission; on 200/202 opens its page, else shows the refusal. */
  const submitting = async (contentType, body, signature) => {
    outcome.replaceChildren();
    try {
      const headers = {'Content-Type': contentType};
      if (signature) headers['X-SW-Signature'] = await signature();
      const response = await request('POST', '/api/v1/declarations', body, headers);
      const answer = await response.json();
      if (response.status === 202 || response.status === 200) {
        location.hash = '#/d/' + answer.id;
        return;
      }
      showAtFields(answer.errors);
      outcome.append(...refusal(answer));
    } catch (e) {
      outcome.append(el('p', {class: 'error'}, t('error'), e.message));
    }
  };
  const submit = el('button', {type: 'button', id: 'new-submit'}, t('new.submit'));
  submit.addEventListener('click', () => submitting('application/json', text.value,
    () => files.sign(JSON.parse(text.value))));
  const xmlFile = el('input', {type: 'file', id: 'xml-file', accept: '.xml'});
  const upload = el('button', {type: 'button', id: 'xml-submit'}, t('xml.submit'));
  upload.addEventListener('click', async () => {
    const xml = await xmlFile.files[0].arrayBuffer(); // as it is, whatever its encoding
    const enveloped = /<([A-Za-z0-9]+:)?SignatureValue[\s>]/.test(new TextDecoder('latin1').decode(xml));
    await submitting('application/xml', xml, enveloped ? null : async () => {
      const mapped = await request('POST', '/api/v1/declarations/mapping', xml, {'Content-Type': 'application/xml'});
      if (!mapped.ok) throw await problemOf(mapped);
      return files.sign(await mapped.json());
    });
  });
  page.append(el('h2', {}, t('new.title')), ...files.inputs,
    el('h3', {}, t('xml.title')), el('p', {}, t('xml.hint')), el('p', {}, xmlFile, ' ', upload),
    el('h3', {}, t('new.form')),
    el('p', {}, el('label', {}, t('new.type'), ' ', type)), formBox,
    el('p', {}, el('label', {}, t('new.document')), el('br'), text),
    el('p', {}, submit), outcome);
}

/** A refusal as shown: the problem's message, then each offending field with its message. */
function refusal(problem) {
  return [el('p', {class: 'error'}, t('new.refused'), lang === 'zh' ? problem.detailZh : problem.detail),
    table(['col.field', 'col.reason'], (problem.errors || []).map(e => [e.path,
      lang === 'zh' ? e.messageZh : e.messageEn]))];
}

/** The enterprise's signing files: chosen in the page, read there, never sent. */
function signingFiles(id) {
  const key = el('input', {type: 'file', id: id + '-key', accept: '.pem'});
  const certificate = el('input', {type: 'file', id: id + '-certificate', accept: '.pem'});
  return {
    inputs: [el('p', {}, el('label', {}, t('new.key'), ' ', key)),
      el('p', {}, el('label', {}, t('new.certificate'), ' ', certificate))],
    sign: async document => CmsSm2.signJson(document, await key.files[0].text(), await certificate.files[0].text()),
  };
}

/**
 * Delegations of the user's enterprise, kept at central and reached through this node ({@code /portal/delegations}):
 * the list (as principal or as broker), a new one signed here with the enterprise's own key (a fresh nonce and time,
 * as central takes each signed request once), and revoking one's own.
 */
async function delegations(page) {
  const [list, directory] = await Promise.all([api('/portal/delegations'), api('/api/v1/directory')]);
  const outcome = el('div', {id: 'delegation-outcome'});
  const revoke = d => {
    if (d.principalUscc !== me.uscc || d.state === 'REVOKED' || d.state === 'EXPIRED') return '';
    const button = el('button', {type: 'button', 'data-revoke': d.id}, t('del.revoke'));
    button.addEventListener('click', async () => {
      try {
        await send('DELETE', '/portal/delegations/' + encodeURIComponent(d.id));
        route();
      } catch (e) {
        outcome.replaceChildren(el('p', {class: 'error'}, t('error'), e.message));
      }
    });
    return button;
  };
  const broker = el('input', {id: 'delegation-broker', size: '20', maxlength: '18'});
  const until = el('input', {id: 'delegation-until', type: 'date', required: 'required',
    value: new Date(Date.now() + 365 * 86400000).toISOString().slice(0, 10)}); // a year, unless chosen otherwise
  const types = directory.documentTypes.map(d => el('label', {}, el('input', {type: 'checkbox', value: d.documentType,
    'data-delegate': d.documentType}), ' ' + (lang === 'zh' ? d.nameZh : d.nameEn), ' '));
  const files = signingFiles('delegation');
  const create = el('button', {type: 'button', id: 'delegation-submit'}, t('del.sign'));
  create.addEventListener('click', async () => {
    outcome.replaceChildren();
    try {
      const delegation = {principalUscc: me.uscc, brokerUscc: broker.value.trim(),
        documentTypes: [...page.querySelectorAll('[data-delegate]:checked')].map(c => c.value),
        nonce: crypto.randomUUID(), issuedAt: new Date().toISOString()};
      if (until.value) delegation.validUntil = new Date(until.value + 'T23:59:59+08:00').toISOString(); // China's day
      const response = await request('POST', '/portal/delegations', JSON.stringify(delegation),
        {'Content-Type': 'application/json', 'X-SW-Signature': await files.sign(delegation)});
      if (response.ok) {
        route();
        return;
      }
      outcome.append(...refusal(await response.json().catch(() => ({}))));
    } catch (e) {
      outcome.append(el('p', {class: 'error'}, t('error'), e.message));
    }
  });
  page.append(el('h2', {}, t('del.title')),
    list.length === 0 ? el('p', {id: 'no-delegations'}, t('del.none'))
      : table(['col.principal', 'col.broker', 'col.type', 'col.validUntil', 'col.state', 'col.action'],
        list.map(d => [d.principalUscc, d.brokerUscc, d.documentTypes.join(', '), when(d.validUntil),
          el('span', {'data-delegation': d.id, 'data-broker': d.brokerUscc}, d.state), revoke(d)])));
  if (me.uscc) {
    page.append(el('h3', {}, t('del.new')),
      el('p', {}, el('label', {}, t('del.broker'), ' ', broker)),
      el('p', {}, t('del.types'), ': ', types),
      el('p', {}, el('label', {}, t('del.until'), ' ', until)),
      ...files.inputs, el('p', {}, create));
  }
  page.append(outcome);
}

/** Documents as a table, each leading to its page. */
function documents(items) {
  return table(['col.reference', 'col.type', 'col.status', 'col.created'], items.map(d => [
    el('a', {href: '#/d/' + d.id, 'data-id': d.id}, d.clientReference), d.documentType, status(d.status),
    when(d.createdAt)]));
}

async function dashboard(page) {
  const [report, list] = await Promise.all([api('/api/v1/statistics'), api('/api/v1/declarations?size=50')]);
  page.append(el('h2', {}, t('documents.title')),
    el('div', {class: 'counts', id: 'counts'}, el('strong', {}, t('counts') + ' '),
      Object.entries(report.byStatus).map(([s, n]) => el('span', {}, status(s), ' ', n))));
  page.append(list.items.length === 0 ? el('p', {}, t('documents.none')) : documents(list.items));
}

/**
 * A document's page: its status, agencies and timeline, kept live by its event stream (or, while a change of a
 * finished document is open, by asking again every two seconds); below, its versions, attachments and changes
 * ({@code changes.js}), whose forms are drawn once so that live updates never wipe what the user is typing.
 */
async function documentPage(page, id) {
  const box = el('div', {id: 'document'});
  const lists = el('div', {id: 'change-lists'});
  const forms = el('div', {id: 'change-forms'});
  page.append(el('h2', {}, t('document.title')), box, lists, forms);
  let changeOpen = false;
  const render = async () => {
    const d = await api('/api/v1/declarations/' + encodeURIComponent(id));
    const changes = await changesSection(d, route);
    changeOpen = changes.open;
    const finished = ['COMPLETED', 'REJECTED', 'CANCELLED'].includes(d.status) && !changeOpen;
    box.replaceChildren(
      el('p', {}, d.clientReference, ' · ', d.documentType, ' · ', status(d.status), ' · ',
        el('em', {id: 'liveness'}, t(finished ? 'document.final' : 'document.live'))),
      el('h3', {}, t('document.agencies')),
      table(['col.agency', 'col.status', 'col.receipts'], d.agencies.map(a => [a.agency,
        el('span', {'data-agency': a.agency}, status(a.status)),
        a.receipts.map(r => r.status + (r.code ? ' [' + r.code + ']' : '')).join(' → ')])),
      el('h3', {}, t('document.timeline')),
      table(['col.time', 'col.event', 'col.detail'], d.timeline.map(e => [
        when(e.occurredAt),
        [e.kind, e.agency, e.status].filter(Boolean).join(' '), e.detail || ''])));
    lists.replaceChildren(changes.lists);
    const closedShown = forms.firstChild && forms.firstChild.id === 'changes-closed';
    if (!forms.hasChildNodes() || (closedShown && changes.forms.id !== 'changes-closed')) {
      forms.replaceChildren(changes.forms);
    }
    return finished;
  };
  if (await render()) {
    return;
  }
  if (['COMPLETED', 'REJECTED', 'CANCELLED'].some(s => box.querySelector('[data-status="' + s + '"]'))) {
    const poll = setInterval(async () => {
      if (!document.body.contains(box) || await render()) clearInterval(poll);
    }, 2000);
    return;
  }
  stream = new EventSource('/api/v1/declarations/' + encodeURIComponent(id) + '/events');
  const changed = async () => {
    if (await render() && stream) {
      stream.close();
      stream = null;
    }
  };
  ['status', 'receipt', 'hop', 'change'].forEach(kind => stream.addEventListener(kind, changed));
}

const STATUSES = ['RECEIVED', 'FORWARDED', 'PROCESSING', 'COMPLETED', 'REJECTED', 'CANCELLED'];

/**
 * Query & statistics: one search (type, status, agency, dates, reference, HS code prefix), the statistics of what it
 * selects, the documents it selects (newest 50) and its CSV export. What a caller sees is the API's to decide.
 */
async function statistics(page, query) {
  const directory = await api('/api/v1/directory');
  const field = (label, input) => el('label', {}, t(label), ' ', input, ' ');
  const choice = (name, values) => {
    const select = el('select', {name}, el('option', {value: ''}, ''), values.map(v => el('option', {value: v}, v)));
    select.value = query.get(name) || '';
    return select;
  };
  const text = (name, attributes) => el('input', {name, value: query.get(name) || '', ...attributes});
  const form = el('form', {id: 'search'},
    field('col.type', choice('type', directory.documentTypes.map(d => d.documentType))),
    field('col.status', choice('status', STATUSES)),
    field('col.agency', choice('agency', Object.keys(directory.agencySubsets))),
    field('col.reference', text('reference', {size: '16'})),
    field('stats.hsCode', text('hsCode', {size: '10'})),
    field('stats.from', text('from', {type: 'date'})),
    field('stats.to', text('to', {type: 'date'})),
    el('button', {type: 'submit'}, t('stats.filter')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const q = new URLSearchParams([...new FormData(form)].filter(([, v]) => v));
    location.hash = '#/stats?' + q;
  });
  const [report, found] = await Promise.all([api('/api/v1/statistics?' + query),
    api('/api/v1/declarations?size=50&' + query)]);
  const seconds = c => [c.count, c.p50Seconds == null ? '–' : c.p50Seconds, c.p90Seconds == null ? '–' : c.p90Seconds];
  page.append(el('h2', {}, t('stats.title')), form,
    el('p', {}, t('stats.declarations'), ': ', el('strong', {id: 'total'}, report.declarations), ' · ',
      el('a', {href: '/api/v1/declarations/export?' + query, download: 'declarations.csv'}, t('stats.export'))),
    found.items.length === 0 ? el('p', {}, t('documents.none')) : documents(found.items),
    el('h3', {}, t('stats.clearance')),
    table(['col.agency', 'col.count', 'col.p50', 'col.p90'], [['*', ...seconds(report.clearance)],
      ...Object.entries(report.byAgency).map(([agency, f]) => [agency, ...seconds(f.clearance)])]),
    el('h4', {}, t('stats.byAgencyDay')), agencyDays(report),
    el('h3', {}, t('stats.byDay')),
    barChart('by-day-chart', report.byDay.map(d => d.day), [{name: t('col.submitted'),
      values: report.byDay.map(d => d.submitted)}]),
    table(['col.day', 'col.submitted', 'col.count', 'col.p50', 'col.p90'],
      report.byDay.map(d => [d.day, d.submitted, ...seconds(d.clearance)])));
}

/** Each agency's median clearance (seconds) per day of submission, as a chart and a table of p50 / p90. */
function agencyDays(report) {
  const days = report.byDay.map(d => d.day);
  const agencies = Object.entries(report.byAgency);
  const on = (f, day) => (f.byDay.find(d => d.day === day) || {clearance: {}}).clearance;
  const cell = c => c.p50Seconds == null ? '–' : c.p50Seconds + ' / ' + c.p90Seconds;
  return el('div', {id: 'by-agency-day'},
    barChart('by-agency-day-chart', days, agencies.map(([agency, f]) => ({name: agency,
      values: days.map(day => on(f, day).p50Seconds)}))),
    table(['col.agency', ...days], agencies.map(([agency, f]) => [agency, ...days.map(day => cell(on(f, day)))])));
}

/**
 * A grouped SVG bar chart: one group per label (a day), one bar per series in each, scaled to the largest value, with
 * a legend when there is more than one series; each bar's value is its tooltip. Missing values draw no bar.
 */
function barChart(id, labels, series) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const make = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, String(v)));
    if (text != null) node.textContent = text;
    return node;
  };
  const bar = 14;
  const group = Math.max(40, series.length * bar + 16);
  const max = Math.max(1, ...series.flatMap(s => s.values.filter(v => v != null)));
  svg.setAttribute('width', String(Math.max(160, labels.length * group + 8)));
  svg.setAttribute('height', String(140 + (series.length > 1 ? 16 * series.length : 0)));
  svg.setAttribute('id', id);
  labels.forEach((label, i) => {
    series.forEach((s, j) => {
      const v = s.values[i];
      if (v == null) return;
      const h = Math.max(1, Math.round(100 * v / max));
      const rect = make('rect', {class: 'bar series-' + (j % 6), x: i * group + 8 + j * bar, y: 110 - h,
        width: bar - 2, height: h, 'data-series': s.name, 'data-label': label});
      rect.append(make('title', {}, s.name + ' ' + label + ': ' + v));
      svg.append(rect);
    });
    svg.append(make('text', {x: i * group + 4, y: 128}, label.slice(5)));
  });
  if (series.length > 1) {
    series.forEach((s, j) => svg.append(make('rect', {class: 'bar series-' + (j % 6), x: 8, y: 140 + j * 16,
      width: 10, height: 10}), make('text', {x: 24, y: 149 + j * 16}, s.name)));
  }
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
    } else if (path === '/delegations') {
      await delegations(page);
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
  await startPage('/portal/me', route);
  document.title = me.nodeName || document.title;
  document.getElementById('ops-link').hidden =
    !(me.roles.includes('NODE_OPERATOR') || me.roles.includes('CENTRAL_OPERATOR'));
});

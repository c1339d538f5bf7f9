// A document's life after submission, on its page: its versions, attachments and change requests; an amendment
// (edited here, its field diff shown before it is signed), a cancellation with a reason, and attachments uploaded by
// drag and drop (or chosen) with a progress bar. Everything is signed in this browser with the enterprise's key, as
// submissions are; the API: /api/v1/declarations/{id}/(versions|attachments|changes|amendments|cancellations),
// /api/v1/attachments.
'use strict';

Object.assign(TEXT.zh, {
  'chg.versions': '版本', 'chg.attachments': '随附单证', 'chg.changes': '修改与撤销', 'chg.none': '暂无',
  'chg.amend': '修改申请', 'chg.cancel': '撤销申请', 'chg.reason': '原因', 'chg.reasonText': '说明',
  'chg.diff': '查看改动', 'chg.sign': '签名并提交修改', 'chg.signCancel': '签名并申请撤销',
  'chg.drop': '将文件拖放到此处，或选择文件（PDF、JPEG、PNG、OFD、XML）', 'chg.code': '单据类别',
  'chg.nothing': '未作任何修改', 'col.version': '版本', 'col.current': '当前', 'col.hash': 'SM3 / 哈希',
  'col.name': '文件名', 'col.size': '大小', 'col.kind': '类别', 'col.before': '修改前', 'col.after': '修改后',
  'chg.closed': '此单证已不能修改或撤销', 'chg.uploaded': '已上传并加入新版本：',
});
Object.assign(TEXT.en, {
  'chg.versions': 'Versions', 'chg.attachments': 'Attachments', 'chg.changes': 'Amendments and cancellations',
  'chg.none': 'None', 'chg.amend': 'Amend', 'chg.cancel': 'Cancel', 'chg.reason': 'Reason',
  'chg.reasonText': 'Explanation', 'chg.diff': 'Show the changes', 'chg.sign': 'Sign and amend',
  'chg.signCancel': 'Sign and cancel', 'chg.drop': 'Drop files here, or choose them (PDF, JPEG, PNG, OFD, XML)',
  'chg.code': 'Kind', 'chg.nothing': 'Nothing changed', 'col.version': 'Version', 'col.current': 'Current',
  'col.hash': 'SM3 / hash', 'col.name': 'File', 'col.size': 'Size', 'col.kind': 'Kind', 'col.before': 'Before',
  'col.after': 'After', 'chg.closed': 'This document can no longer be amended or cancelled',
  'chg.uploaded': 'Uploaded and added to the new version: ',
});

/** The fields {@code after} changed against {@code before}, as dotted paths (the node's FieldDiff, in JS). */
function fieldDiff(before, after, path = '', out = []) {
  const missing = v => v === undefined || v === null;
  if (missing(before) && missing(after)) return out;
  const kind = v => Array.isArray(v) ? 'array' : typeof v;
  if (missing(before) || missing(after) || kind(before) !== kind(after)) {
    out.push(path);
  } else if (kind(after) === 'array') {
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= before.length || i >= after.length) out.push(path + '[' + i + ']');
      else fieldDiff(before[i], after[i], path + '[' + i + ']', out);
    }
  } else if (kind(after) === 'object') {
    const names = [...Object.keys(after), ...Object.keys(before).filter(k => !(k in after))];
    names.forEach(k => fieldDiff(before[k], after[k], path ? path + '.' + k : k, out));
  } else if (before !== after) {
    out.push(path);
  }
  return out;
}

/** The value at a dotted path with [i] indexes, for showing a diff. */
function valueAt(document, path) {
  return path.split(/\.|(?=\[)/).reduce((v, part) => v == null ? undefined
    : v[part.startsWith('[') ? Number(part.slice(1, -1)) : part], document);
}

const FILE_TYPES = {pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png',
  ofd: 'application/ofd', xml: 'application/xml'};

/** Uploads one file with its kind, the bar following its progress; resolves to the upload, rejects a problem. */
function uploadFile(file, code, bar) {
  return new Promise((resolve, reject) => {
    const type = file.type || FILE_TYPES[(file.name.split('.').pop() || '').toLowerCase()] || 'application/octet-stream';
    const x = new XMLHttpRequest();
    x.open('POST', '/api/v1/attachments?code=' + encodeURIComponent(code) + '&name=' + encodeURIComponent(file.name));
    x.setRequestHeader('Content-Type', type);
    x.setRequestHeader('Accept', 'application/json');
    x.setRequestHeader(me.csrfHeader, me.csrfToken);
    x.upload.addEventListener('progress', e => { if (e.lengthComputable) { bar.max = e.total; bar.value = e.loaded; } });
    x.addEventListener('load', () => {
      const answer = JSON.parse(x.responseText || '{}');
      if (x.status === 200 || x.status === 201) {
        bar.value = bar.max;
        resolve(answer);
      } else {
        reject(answer);
      }
    });
    x.addEventListener('error', () => reject({detail: 'network error', detailZh: '网络错误'}));
    x.send(file);
  });
}

/** A select of a code list from the directory. */
function codeSelect(id, list) {
  return el('select', {id}, Object.entries(list.codes).map(([code, label]) =>
    el('option', {value: code}, code + ' ' + label)));
}

/**
 * The changes part of a document's page: {@code lists} (versions, attachments and change requests), {@code forms}
 * (while the document is open to a change: amendment and cancellation) and whether a change is {@code open}.
 */
async function changesSection(d, rerender) {
  const base = '/api/v1/declarations/' + encodeURIComponent(d.id);
  const [versions, files, changes, directory] = await Promise.all([api(base + '/versions'),
    api(base + '/attachments'), api(base + '/changes'), api('/api/v1/directory')]);
  const lists = Object.fromEntries(directory.codeLists.map(c => [c.name, c]));
  const part = el('section', {id: 'changes'},
    el('h3', {}, t('chg.versions')),
    table(['col.version', 'col.current', 'col.hash', 'col.time'], versions.map(v => [
      el('span', {'data-version': v.version}, v.version), v.current ? '✓' : '', v.contentHash.slice(0, 16) + '…',
      when(v.createdAt)])),
    el('h3', {}, t('chg.attachments')),
    files.length === 0 ? el('p', {}, t('chg.none')) : table(['col.name', 'col.kind', 'col.size'], files.map(f => [
      el('a', {href: base + '/attachments/' + f.id, 'data-attachment': f.id, download: f.name}, f.name),
      f.code + ' ' + (lists.ATTACHMENT_CODE.codes[f.code] || ''), f.size])),
    el('h3', {}, t('chg.changes')),
    changes.length === 0 ? el('p', {}, t('chg.none')) : table(['col.kind', 'col.version', 'col.status', 'col.detail'],
      changes.map(c => [c.kind, c.version || '', el('span', {'data-change': c.id, 'data-kind': c.kind}, c.state),
        c.detail || c.reasonText])));
  const pending = changes.some(c => !['APPROVED', 'REFUSED'].includes(c.state));
  const cancelled = changes.some(c => c.kind === 'CANCELLATION' && c.state === 'APPROVED'); // read after d
  if (['REJECTED', 'CANCELLED'].includes(d.status) || cancelled || pending || !d.document) {
    return {lists: part, forms: el('p', {id: 'changes-closed'}, t('chg.closed')), open: pending};
  }
  const keys = signingFiles('change');
  return {lists: part, open: false, forms: el('section', {id: 'change-forms-inner'}, ...keys.inputs,
    amendForm(d, base, lists, keys, rerender), cancelForm(d, base, lists, keys, rerender))};
}

/** Sends a change request ({@code send} resolves to the response): the page again when taken, else the refusal. */
async function asking(outcome, rerender, send) {
  outcome.replaceChildren();
  try {
    const response = await send();
    if (response.status === 202 || response.status === 200) {
      rerender();
      return;
    }
    outcome.append(...refusal(await response.json().catch(() => ({}))));
  } catch (e) {
    outcome.append(el('p', {class: 'error'}, t('error'), e.message));
  }
}

function amendForm(d, base, lists, keys, rerender) {
  const reason = codeSelect('amend-reason', lists.CHANGE_REASON);
  const reasonText = el('input', {id: 'amend-reason-text', size: '60'});
  const text = el('textarea', {id: 'amend-document', rows: '10', cols: '100', spellcheck: 'false'});
  text.value = JSON.stringify(d.document, null, 2);
  const kind = codeSelect('upload-code', lists.ATTACHMENT_CODE);
  const chooser = el('input', {type: 'file', id: 'upload-file', multiple: 'multiple'});
  const drop = el('div', {id: 'upload-drop', class: 'dropzone'}, t('chg.drop'), ' ', chooser);
  const uploads = el('div', {id: 'uploads'});
  const diff = el('div', {id: 'amend-diff'});
  const outcome = el('div', {id: 'amend-outcome'});
  const sign = el('button', {type: 'button', id: 'amend-submit', disabled: 'disabled'}, t('chg.sign'));
  const take = async list => {
    for (const file of list) {
      const bar = el('progress', {'data-upload': file.name, max: '1', value: '0'});
      const line = el('p', {}, file.name, ' ', bar);
      uploads.append(line);
      try {
        const up = await uploadFile(file, kind.value, bar);
        const next = JSON.parse(text.value);
        next.data = next.data || {};
        next.data.electronicDocuments = (next.data.electronicDocuments || []).filter(e => e.id !== up.id);
        next.data.electronicDocuments.push({id: up.id, code: up.code, fileName: up.name, size: up.size});
        text.value = JSON.stringify(next, null, 2);
        line.append(' ', el('span', {'data-uploaded': up.id}, t('chg.uploaded') + up.id.slice(0, 12) + '…'));
      } catch (problem) {
        line.append(...refusal(problem));
      }
    }
  };
  chooser.addEventListener('change', () => take([...chooser.files]));
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('over');
    take([...e.dataTransfer.files]);
  });
  const show = el('button', {type: 'button', id: 'amend-diff-show'}, t('chg.diff'));
  show.addEventListener('click', () => {
    outcome.replaceChildren();
    let next;
    try {
      next = JSON.parse(text.value);
    } catch (e) {
      outcome.append(el('p', {class: 'error'}, t('error'), e.message));
      return;
    }
    const changed = fieldDiff(d.document, next);
    diff.replaceChildren(changed.length === 0 ? el('p', {}, t('chg.nothing'))
      : table(['col.field', 'col.before', 'col.after'], changed.map(p => [el('code', {'data-field': p}, p),
        JSON.stringify(valueAt(d.document, p)) ?? '', JSON.stringify(valueAt(next, p)) ?? ''])));
    sign.disabled = changed.length === 0;
  });
  text.addEventListener('input', () => { sign.disabled = true; });
  sign.addEventListener('click', () => asking(outcome, rerender, async () => {
    const document = JSON.parse(text.value);
    return request('POST', base + '/amendments', JSON.stringify({reasonCode: reason.value,
      reasonText: reasonText.value, document}), {'Content-Type': 'application/json',
      'X-SW-Signature': await keys.sign(document)});
  }));
  return el('div', {id: 'amend'}, el('h3', {}, t('chg.amend')),
    el('p', {}, el('label', {}, t('chg.reason'), ' ', reason), ' ', el('label', {}, t('chg.reasonText'), ' ',
      reasonText)),
    el('p', {}, el('label', {}, t('chg.code'), ' ', kind)), drop, uploads,
    el('p', {}, text), el('p', {}, show, ' ', sign), diff, outcome);
}

function cancelForm(d, base, lists, keys, rerender) {
  const reason = codeSelect('cancel-reason', lists.CHANGE_REASON);
  const reasonText = el('input', {id: 'cancel-reason-text', size: '60'});
  const outcome = el('div', {id: 'cancel-outcome'});
  const button = el('button', {type: 'button', id: 'cancel-submit'}, t('chg.signCancel'));
  button.addEventListener('click', () => asking(outcome, rerender, async () => {
    const signed = {declarationId: d.id, reasonCode: reason.value, reasonText: reasonText.value};
    return request('POST', base + '/cancellations', JSON.stringify({reasonCode: reason.value,
      reasonText: reasonText.value}), {'Content-Type': 'application/json', 'X-SW-Signature': await keys.sign(signed)});
  }));
  return el('div', {id: 'cancel'}, el('h3', {}, t('chg.cancel')),
    el('p', {}, el('label', {}, t('chg.reason'), ' ', reason), ' ', el('label', {}, t('chg.reasonText'), ' ',
      reasonText)), el('p', {}, button), outcome);
}

// The operations console of a node, for its operators: links, backlogs, dead letters (replay or discard with a
// reason), refusals by reason and the audit-chain check. It reads /api/v1/ops/* and /api/v1/audit/verify only.
'use strict';

Object.assign(TEXT.zh, {
  'ops.title': '运维控制台', 'ops.links': '链路状态', 'ops.queues': '队列积压',
  'ops.deadLetters': '死信', 'ops.refusals': '拒收（按原因）', 'ops.audit': '审计链核验', 'ops.check': '核验',
  'ops.replay': '重放', 'ops.discard': '丢弃', 'ops.reason': '丢弃原因', 'ops.none': '无', 'ops.portal': '返回门户',
  'ops.replayed': '已重放：', 'col.link': '链路', 'col.up': '状态', 'col.since': '自', 'col.lastReason': '最近原因',
  'col.queue': '队列', 'col.messages': '消息数', 'col.oldest': '最久等待（秒）', 'col.message': '消息',
  'col.declaration': '单证', 'col.times': '次数', 'up': '正常', 'down': '中断', 'audit.intact': '完整',
  'audit.broken': '发现问题', 'col.kind': '类别', 'ops.requests': 'API 请求', 'ops.envelopes': '节点间报文',
});
Object.assign(TEXT.en, {
  'ops.title': 'Operations console', 'ops.links': 'Links', 'ops.queues': 'Backlogs',
  'ops.deadLetters': 'Dead letters', 'ops.refusals': 'Refusals by reason', 'ops.audit': 'Audit chain',
  'ops.check': 'Check', 'ops.replay': 'Replay', 'ops.discard': 'Discard', 'ops.reason': 'reason for discarding',
  'ops.none': 'none', 'ops.portal': 'Back to the portal', 'ops.replayed': 'Replayed: ', 'col.link': 'Link',
  'col.up': 'State', 'col.since': 'Since', 'col.lastReason': 'Last reason', 'col.queue': 'Queue',
  'col.messages': 'Messages', 'col.oldest': 'Oldest (s)', 'col.message': 'Message', 'col.declaration': 'Document',
  'col.times': 'Count', 'up': 'up', 'down': 'down', 'audit.intact': 'intact', 'audit.broken': 'problems found',
  'col.kind': 'Kind', 'ops.requests': 'API requests', 'ops.envelopes': 'envelopes from nodes',
});

/** What the last replay or discard did, shown above the tables until the next one. */
let outcome = '';

async function operations(page) {
  const [health, parked, refusals] = await Promise.all([api('/api/v1/ops/links'), api('/api/v1/ops/dead-letters'),
    api('/api/v1/ops/refusals')]);
  const audit = el('span', {id: 'audit-result'});
  const check = el('button', {type: 'button', id: 'audit-check'}, t('ops.check'));
  check.addEventListener('click', async () => {
    const result = await api('/api/v1/audit/verify');
    audit.textContent = ' ' + t(result.problems.length === 0 ? 'audit.intact' : 'audit.broken');
  });
  const letters = parked.flatMap(p => p.messages.map(m => ({queue: p.queue, ...m})));
  page.append(el('h2', {}, t('ops.title')), el('p', {id: 'ops-outcome'}, outcome),
    el('h3', {}, t('ops.links')),
    table(['col.link', 'col.up', 'col.since', 'col.lastReason'], health.links.map(l => [l.link,
      el('span', {class: 'status ' + (l.up ? 'COMPLETED' : 'REJECTED'), 'data-link': l.link}, t(l.up ? 'up' : 'down')),
      when(l.since), l.lastReason || ''])),
    el('h3', {}, t('ops.queues')),
    table(['col.queue', 'col.messages', 'col.oldest'], health.queues.map(q => [q.queue,
      el('span', {'data-queue': q.queue}, q.messages), q.oldestAgeSeconds == null ? '' : q.oldestAgeSeconds])),
    el('h3', {}, t('ops.deadLetters')),
    letters.length === 0 ? el('p', {id: 'no-dead-letters'}, t('ops.none'))
      : table(['col.queue', 'col.message', 'col.declaration', 'col.reason', 'col.action'], letters.map(m => [m.queue,
        m.messageId, m.declarationId || '', m.reason || '', deadLetterActions(m)])),
    el('h3', {}, t('ops.refusals')),
    table(['col.kind', 'col.reason', 'col.times'], [
      ...Object.entries(refusals.requests).map(([code, n]) => [t('ops.requests'),
        el('span', {'data-refused': code}, code), n]),
      ...Object.entries(refusals.envelopes).map(([reason, n]) => [t('ops.envelopes'), reason, n])]),
    el('h3', {}, t('ops.audit')), el('p', {}, check, audit));
}

/** Replay (back to its queue) or discard (with a reason) one parked message, then show the console again. */
function deadLetterActions(m) {
  const path = '/api/v1/ops/dead-letters/' + encodeURIComponent(m.queue);
  const replay = el('button', {type: 'button', 'data-replay': m.messageId}, t('ops.replay'));
  replay.addEventListener('click', async () => {
    const done = await post(path + '/replay', {messageId: m.messageId});
    outcome = t('ops.replayed') + done.replayed.join(', ');
    route();
  });
  const reason = el('input', {'data-reason': m.messageId, placeholder: t('ops.reason')});
  const discard = el('button', {type: 'button', 'data-discard': m.messageId}, t('ops.discard'));
  discard.addEventListener('click', async () => {
    await post(path + '/discard', {messageId: m.messageId, reason: reason.value});
    outcome = '';
    route();
  });
  return el('span', {}, replay, ' ', reason, ' ', discard);
}

async function route() {
  const page = document.getElementById('page');
  page.replaceChildren();
  try {
    await operations(page);
  } catch (e) {
    page.append(el('p', {class: 'error'}, t('error'), e.message));
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  await startPage('/console/me', route);
  document.title = t('ops.title') + ' · ' + (me.nodeName || me.node);
  document.getElementById('portal-link').hidden = me.nodeRole !== 'PROVINCIAL';
});

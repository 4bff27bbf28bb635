// The summary of one document's check: what the document is, how many
// errors / warnings / 尾差, and which checks ran, did not apply or could not
// run, with the engine's reasons. A document the engine did not recognise
// (summary.recognised false, finding S107) shows "未识别，未做任何检查" and
// why instead of counts, which would read as "checked, no error"; one it
// recognised in a text whose reading is not verified for its template,
// "已识别，但未做任何检查".
import { el } from '../render.js';
import { t } from '../i18n.js';
import { unchecked } from './engine-adapter.js';

export function renderSummary(doc) {
  const report = doc.report;
  const d = report.document || {};
  const s = report.summary || {};
  const facts = [
    ['summary.kind', d.kind_label || d.kind],
    ['summary.department', d.department],
    ['summary.year', d.year],
    ['summary.unit', d.unit],
  ].filter(([, v]) => v !== undefined && v !== null && v !== '');
  const source = [
    doc.name,
    doc.encoding,
    d.line_count !== undefined ? `${t('summary.lines')} ${d.line_count}` : null,
    doc.ms !== undefined ? t('summary.time', doc.ms.toFixed(1)) : null,
  ].filter(Boolean);
  const counts = [
    ['error', s.errors],
    ['warning', s.warnings],
    ['info', s.infos],
  ];
  return [
    s.recognised === false
      ? el(
          'p',
          { class: 'counts unrecognised', dataset: { recognised: 'false' } },
          el('b', {}, t(`summary.${unchecked(report)}`)),
          unrecognisedWhy(report) ? el('span', { class: 'unrecognised-why' }, unrecognisedWhy(report)) : null,
        )
      : el(
          'p',
          { class: 'counts' },
          counts.map(([sev, n]) =>
            el('span', { class: `count sev-${sev}`, dataset: { severity: sev } }, `${t(`sev.${sev}`)} `, el('b', {}, n ?? 0)),
          ),
        ),
    el(
      'dl',
      { class: 'facts' },
      facts.map(([k, v]) => el('div', { dataset: { fact: k.slice(8) } }, el('dt', {}, t(k)), el('dd', {}, v))),
    ),
    el(
      'p',
      { class: 'source-meta' },
      source.map((part, i) => el('span', { class: i === source.length - 1 && doc.ms !== undefined ? 'timing' : null }, part)),
    ),
    renderChecks(report.checks || [], s),
  ];
}

/** Why the engine recognised nothing: its S107 finding, without the verdict the heading already says. */
export function unrecognisedWhy(report) {
  const finding = (report.findings || []).find((f) => f.rule === 'S107');
  return finding ? finding.message.replace(/^(未识别，)?未做任何检查[：:]\s*/, '') : '';
}

function renderChecks(checks, s) {
  const order = { could_not_run: 0, not_applicable: 1, ran: 2 };
  const sorted = [...checks].sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3));
  return el(
    'details',
    { class: 'checks' },
    el(
      'summary',
      {},
      t('summary.checks', s.checks_ran ?? 0, s.checks_not_applicable ?? 0, s.checks_could_not_run ?? 0),
    ),
    el(
      'table',
      { class: 'check-table' },
      el(
        'tbody',
        {},
        sorted.map((c) =>
          el(
            'tr',
            { class: `check-${c.status}`, dataset: { rule: c.rule, status: c.status } },
            el('td', { class: 'check-rule' }, c.rule),
            el('td', {}, c.title || c.name),
            el('td', { class: 'check-status' }, t(`check.${c.status}`)),
            el(
              'td',
              { class: 'check-reason' },
              c.status === 'ran' && c.comparisons !== undefined ? t('check.comparisons', c.comparisons) : null,
              (c.reasons || []).length ? el('span', { class: 'reasons' }, (c.reasons || []).join('；')) : null,
            ),
          ),
        ),
      ),
    ),
  );
}

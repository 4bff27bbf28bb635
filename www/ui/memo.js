// The print view: a review memo (预算公开审核意见) for the document shown —
// the document, the date of review, the counts, then every finding with its
// place (table / row / line) and figures. Built on each render; the print
// rules at the end of style.css show only this when printing.
import { el, evidencePlace, formatDate, placeLabel, severityLabel, sortFindings } from '../render.js';
import { getLang, t } from '../i18n.js';
import { unchecked } from './engine-adapter.js';

export function renderMemo(box, doc, engineVersion) {
  if (!doc || !doc.report) {
    box.replaceChildren();
    return;
  }
  const r = doc.report;
  const d = r.document || {};
  const s = r.summary || {};
  const findings = sortFindings(r.findings || []);
  const docLine = [d.department, d.year ? `${d.year}年` : null, d.kind_label || d.kind].filter(Boolean).join(' · ');
  box.replaceChildren(
    el('h1', { class: 'memo-title' }, t('memo.title')),
    el(
      'dl',
      { class: 'memo-facts' },
      el('div', {}, el('dt', {}, t('memo.document')), el('dd', {}, docLine || doc.name, el('span', { class: 'memo-file' }, `（${doc.name}）`))),
      el('div', {}, el('dt', {}, t('memo.date')), el('dd', {}, formatDate(new Date(), getLang()))),
    ),
    el('h2', {}, t('memo.summary')),
    el(
      'p',
      { class: 'memo-summary' },
      s.recognised === false
        ? t(`memo.${unchecked(r)}`)
        : t('memo.summaryText', s.errors ?? 0, s.warnings ?? 0, s.infos ?? 0, s.checks_ran ?? 0, s.checks_not_applicable ?? 0, s.checks_could_not_run ?? 0),
    ),
    el('h2', {}, t('memo.findings')),
    findings.length
      ? el(
          'ol',
          { class: 'memo-findings' },
          findings.map((f) =>
            el(
              'li',
              { class: `memo-finding sev-${f.severity}` },
              el(
                'p',
                { class: 'memo-head' },
                el('b', {}, `【${severityLabel(f.severity)}】`),
                ` ${[f.location, placeLabel(f)].filter(Boolean).join(' ')} · ${f.rule}`,
              ),
              el('p', { class: 'memo-message' }, f.message),
              (f.evidence || []).length
                ? el(
                    'table',
                    { class: 'memo-evidence' },
                    el(
                      'tbody',
                      {},
                      f.evidence.map((e) =>
                        el(
                          'tr',
                          {},
                          el('td', {}, e.role || ''),
                          el('td', {}, evidencePlace(e)),
                          el('td', { class: 'num' }, e.value ?? (e.text ? `「${e.text}」` : '')),
                          el('td', { class: 'num' }, placeLabel(e)),
                        ),
                      ),
                    ),
                  )
                : null,
            ),
          ),
        )
      : el('p', {}, t('memo.none')),
    el(
      'p',
      { class: 'memo-sign' },
      el('span', {}, t('memo.reviewer')),
      el('span', {}, t('memo.checker')),
      el('span', {}, t('memo.signDate')),
    ),
    el('p', { class: 'memo-tool' }, t('memo.tool', engineVersion || r.version || '')),
  );
}

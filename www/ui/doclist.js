// The documents of this session: one entry per pasted text or file, each
// with its department, counts and status; choosing one shows its result.
import { el } from '../render.js';
import { t } from '../i18n.js';
import { unchecked } from './engine-adapter.js';

/**
 * @param {HTMLElement} box
 * @param {object[]} docs  {id, name, status, report?, error?}
 * @param {number|null} currentId
 * @param {{onPick: (id) => void, onRemove: (id) => void}} actions
 */
export function renderDocList(box, docs, currentId, { onPick, onRemove }) {
  box.hidden = docs.length === 0;
  const list = box.querySelector('ul');
  list.replaceChildren(
    ...docs.map((doc) => {
      const s = doc.report?.summary;
      const dept = doc.report?.document?.department;
      return el(
        'li',
        { class: `doc doc-${doc.status}${doc.id === currentId ? ' current' : ''}`, dataset: { doc: doc.id, status: doc.status } },
        el(
          'button',
          {
            type: 'button',
            class: 'doc-pick',
            'aria-current': doc.id === currentId ? 'true' : null,
            onclick: () => onPick(doc.id),
          },
          el('span', { class: 'doc-name' }, doc.name),
          dept ? el('span', { class: 'doc-dept' }, dept) : null,
          el(
            'span',
            { class: 'doc-meta' },
            s && s.recognised === false
              ? el('span', { class: 'count unrecognised', dataset: { recognised: 'false' } }, t(`summary.${unchecked(doc.report)}`))
              : s
              ? [
                  el('span', { class: 'count sev-error', dataset: { severity: 'error' } }, `${t('sev.error')} ${s.errors}`),
                  el('span', { class: 'count sev-warning', dataset: { severity: 'warning' } }, `${t('sev.warning')} ${s.warnings}`),
                  el('span', { class: 'count sev-info', dataset: { severity: 'info' } }, `${t('sev.info')} ${s.infos}`),
                ]
              : null,
            el('span', { class: 'doc-status' }, t(`docs.status.${doc.status}`)),
          ),
          doc.error ? el('span', { class: 'doc-error' }, doc.error) : null,
        ),
        el(
          'button',
          { type: 'button', class: 'doc-remove', 'aria-label': t('docs.remove', doc.name), title: t('docs.remove', doc.name), onclick: () => onRemove(doc.id) },
          '×',
        ),
      );
    }),
  );
}

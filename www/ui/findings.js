// The findings: grouped by severity, then by table or section, filterable
// (severity, place, text), each with its message and every figure it
// compared. #findings holds exactly one element per finding (data-rule,
// data-severity, data-line); a group's heading sits inside its first finding
// so that the list stays flat for tests and for the keyboard.
import { SEVERITIES, el, evidencePlace, placeLabel, severityLabel, sortFindings } from '../render.js';
import { t } from '../i18n.js';

const ROLE_ORDER = ['合计', '上限', '本表', '分项'];

export class FindingsView {
  /**
   * @param {{list: HTMLElement, filters: HTMLElement, count: HTMLElement, onSelect: (f) => void}} parts
   */
  constructor({ list, filters, count, onSelect }) {
    this.list = list;
    this.filtersBox = filters;
    this.count = count;
    this.onSelect = onSelect;
    this.all = [];
    this.filter = { severities: new Set(SEVERITIES), location: '', query: '' };
    this.selected = null;
    this.ruleTitles = new Map();
  }

  setRuleTitles(map) {
    this.ruleTitles = map;
  }

  /** A new report: filters reset, nothing selected. */
  show(findings, { keepFilters = false } = {}) {
    this.all = sortFindings(findings || []).map((f, i) => ({ ...f, _id: i }));
    if (!keepFilters) this.filter = { severities: new Set(SEVERITIES), location: '', query: '' };
    this.selected = null;
    this.renderFilters();
    this.renderList();
  }

  visible() {
    const { severities, location, query } = this.filter;
    const q = query.trim().toLowerCase();
    return this.all.filter(
      (f) =>
        severities.has(f.severity) &&
        (!location || f.location === location) &&
        (!q || searchText(f).includes(q)),
    );
  }

  renderFilters() {
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, this.all.filter((f) => f.severity === s).length]));
    const locations = [...new Set(this.all.map((f) => f.location).filter(Boolean))];
    const sevBoxes = SEVERITIES.map((s) =>
      el(
        'label',
        { class: `sev-filter sev-${s}` },
        el('input', {
          type: 'checkbox',
          name: 'severity',
          value: s,
          checked: this.filter.severities.has(s),
          onchange: (e) => {
            if (e.target.checked) this.filter.severities.add(s);
            else this.filter.severities.delete(s);
            this.renderList();
          },
        }),
        `${severityLabel(s)} ${counts[s]}`,
      ),
    );
    const select = el(
      'select',
      {
        id: 'filter-location',
        onchange: (e) => {
          this.filter.location = e.target.value;
          this.renderList();
        },
      },
      el('option', { value: '' }, t('filter.allLocations')),
      locations.map((loc) => el('option', { value: loc, selected: loc === this.filter.location }, loc)),
    );
    const search = el('input', {
      id: 'filter-text',
      type: 'search',
      value: this.filter.query,
      placeholder: t('filter.searchPlaceholder'),
      'aria-label': t('filter.search'),
      oninput: (e) => {
        this.filter.query = e.target.value;
        this.renderList();
      },
    });
    this.filtersBox.replaceChildren(
      el('fieldset', { class: 'sev-filters' }, el('legend', { class: 'sr-only' }, t('findings.title')), sevBoxes),
      el('label', { class: 'loc-filter' }, el('span', {}, t('filter.location')), select),
      search,
    );
  }

  renderList() {
    const shown = this.visible();
    let group = '';
    const items = shown.map((f) => {
      const key = `${f.severity}|${f.location || ''}`;
      const head = key !== group ? groupHead(f, shown) : null;
      group = key;
      return this.renderFinding(f, head);
    });
    this.list.replaceChildren(...items);
    this.count.textContent = this.all.length
      ? shown.length
        ? t('findings.shown', shown.length, this.all.length)
        : t('findings.noneMatch')
      : t('findings.none');
    const keep = this.selected && shown.find((f) => f._id === this.selected._id);
    this.setCurrent(keep ? this.itemOf(keep) : this.list.firstElementChild, false);
  }

  renderFinding(f, head) {
    const title = this.ruleTitles.get(f.rule);
    const evidence = [...(f.evidence || [])].sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.line - b.line);
    const item = el(
      'li',
      {
        class: `finding sev-${f.severity}${this.selected && this.selected._id === f._id ? ' selected' : ''}`,
        dataset: { rule: f.rule, severity: f.severity, line: f.line, id: f._id, location: f.location || '' },
      },
      head,
      el(
        'div',
        {
          class: 'card',
          tabindex: '-1',
          role: 'button',
          'aria-pressed': this.selected && this.selected._id === f._id ? 'true' : 'false',
        },
        el(
          'div',
          { class: 'finding-head' },
          // The number the PDF view and the annotated PDF put beside its figures.
          el('span', { class: 'finding-no' }, String(f._id + 1)),
          el('span', { class: 'badge' }, severityLabel(f.severity)),
          el('span', { class: 'where' }, [f.location, placeLabel(f)].filter(Boolean).join(' ')),
          el('span', { class: 'rule' }, title ? `${title} · ${f.rule}` : f.rule),
        ),
        el('p', { class: 'message' }, f.message),
        arithmetic(f),
        evidence.length
          ? el(
              'ul',
              { class: 'evidence' },
              evidence.map((e) =>
                el(
                  'li',
                  { dataset: { line: e.line } },
                  e.role ? el('span', { class: 'ev-role' }, e.role) : null,
                  el('span', { class: 'ev-place' }, evidencePlace(e)),
                  e.value !== undefined && e.value !== null ? el('b', { class: 'ev-value num' }, e.value) : null,
                  e.text ? el('q', { class: 'ev-text' }, e.text) : null,
                  el('span', { class: 'ev-line' }, placeLabel(e)),
                ),
              ),
            )
          : null,
      ),
    );
    return item;
  }

  itemOf(f) {
    return this.list.querySelector(`.finding[data-id="${f._id}"]`);
  }

  cards() {
    return [...this.list.querySelectorAll('.finding > .card')];
  }

  /** Roving tabindex: exactly one card is in the tab order. */
  setCurrent(item, focus = true) {
    for (const c of this.cards()) c.tabIndex = -1;
    if (!item) return;
    const card = item.querySelector('.card');
    card.tabIndex = 0;
    if (focus) {
      card.focus();
      card.scrollIntoView({ block: 'nearest' });
    }
  }

  current() {
    return this.cards().find((c) => c.tabIndex === 0)?.parentElement || null;
  }

  /** Moves the focus by `delta` findings; `select` also shows it. */
  move(delta, select) {
    const items = [...this.list.children];
    if (!items.length) return;
    const at = items.indexOf(this.current());
    const next = items[Math.max(0, Math.min(items.length - 1, (at < 0 ? (delta > 0 ? -1 : items.length) : at) + delta))];
    this.setCurrent(next);
    if (select) this.selectItem(next);
  }

  moveTo(end) {
    const items = [...this.list.children];
    this.setCurrent(end === 'first' ? items[0] : items[items.length - 1]);
  }

  selectItem(item) {
    if (!item) return;
    const f = this.all.find((x) => String(x._id) === item.dataset.id);
    if (!f) return;
    this.selected = f;
    for (const li of this.list.children) {
      const on = li === item;
      li.classList.toggle('selected', on);
      li.querySelector('.card').setAttribute('aria-pressed', on ? 'true' : 'false');
    }
    this.setCurrent(item, document.activeElement && this.list.contains(document.activeElement));
    this.onSelect(f);
  }

  selectFirst() {
    const first = this.list.firstElementChild;
    if (first) this.selectItem(first);
  }
}

function groupHead(f, shown) {
  const n = shown.filter((x) => x.severity === f.severity && (x.location || '') === (f.location || '')).length;
  return el(
    'h4',
    { class: `group-head sev-${f.severity}` },
    `${severityLabel(f.severity)} · ${f.location || '—'}`,
    el('span', { class: 'group-count' }, ` ${n}`),
  );
}

function roleRank(role) {
  const i = ROLE_ORDER.indexOf(role);
  return i < 0 ? ROLE_ORDER.length : i;
}

function arithmetic(f) {
  const parts = [
    ['finding.expected', f.expected],
    ['finding.actual', f.actual],
    ['finding.difference', f.difference],
    ['finding.tolerance', f.tolerance],
  ].filter(([, v]) => v !== undefined && v !== null);
  if (!parts.length) return null;
  return el(
    'p',
    { class: 'arith' },
    parts.map(([k, v]) => el('span', {}, k === 'finding.tolerance' ? `${t(k)}${v}` : `${t(k)} ${v}`)),
  );
}

function searchText(f) {
  return [
    f.rule,
    f.rule_name,
    f.message,
    f.location,
    ...(f.evidence || []).flatMap((e) => [e.table, e.row, e.column, e.value, e.text]),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

// Keyboard through the findings: ↑/↓ (or j/k anywhere outside a text
// field) move, Enter or Space shows the finding, Home/End jump. The list uses
// a roving tabindex (FindingsView.setCurrent), so Tab enters and leaves it
// in one step.

function typing(target) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** @param {import('./findings.js').FindingsView} view */
export function bindKeys(view) {
  view.list.addEventListener('click', (e) => {
    const item = e.target.closest('.finding');
    if (item && view.list.contains(item)) view.selectItem(item);
  });

  view.list.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const item = e.target.closest('.finding');
    switch (e.key) {
      case 'ArrowDown':
        view.move(1, false);
        break;
      case 'ArrowUp':
        view.move(-1, false);
        break;
      case 'Home':
        view.moveTo('first');
        break;
      case 'End':
        view.moveTo('last');
        break;
      case 'Enter':
      case ' ':
        if (item) view.selectItem(item);
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  });

  // j/k: the reviewer's next/previous finding from anywhere on the page.
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
    if (e.key !== 'j' && e.key !== 'k') return;
    if (!view.list.children.length) return;
    e.preventDefault();
    view.move(e.key === 'j' ? 1 : -1, true);
  });
}

// Small helpers to build the page from data without ever parsing data as HTML.

/** An element with attributes (on* are listeners) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.substring(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

const shown = new WeakMap();

/**
 * Replaces a container's children, unless the data shown is the same as last time (keeps focus and scroll while polling).
 * When focus was inside the container on an element with a data-focus-key, the new element with the same key gets it back.
 */
export function render(container, data, build) {
  const key = document.documentElement.lang + JSON.stringify(data);
  if (shown.get(container) === key) return false;
  shown.set(container, key);
  const active = document.activeElement;
  const focusKey = active && active !== container && container.contains(active) ? active.closest('[data-focus-key]')?.dataset.focusKey : undefined;
  container.replaceChildren(...[build(data)].flat().filter(Boolean));
  if (focusKey !== undefined) {
    const again = [...container.querySelectorAll('[data-focus-key]')].find((e) => e.dataset.focusKey === focusKey);
    again?.focus({ preventScroll: true });
  }
  return true;
}

/** A coloured label; the word says it, the colour only helps. */
export const badge = (kind, text) => el('span', { class: `badge ${kind}` }, text);

// The reports page: a month's figures per programme, as bar charts with their numbers beside them, and the CSV.
// Counts only: the Api sends no name, phone or address here.
import { t, has, percent } from './i18n.js';
import { get } from './api.js';
import { el, render } from './dom.js';
import { sayError, night } from './ui.js';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
let wired = false;
// Each reading's number: an answer that comes back after a newer reading's is dropped.
let seq = 0;

export async function enter() {
  wire();
  if (!$('report-month').value) $('report-month').value = (night() ?? new Date().toISOString()).substring(0, 7);
  await load();
}

export function leave() {}

function wire() {
  if (wired) return;
  wired = true;
  $('report-form').addEventListener('submit', (event) => {
    event.preventDefault();
    load().catch(sayError);
  });
}

/** The month chosen, as the first and last nights of it. */
function period() {
  const [year, month] = $('report-month').value.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(month)}-01`, until: `${year}-${pad(month)}-${pad(last)}` };
}

async function load() {
  const { from, until } = period();
  const mine = ++seq;
  const report = await get(`/api/v1/reports?from=${from}&until=${until}`);
  if (mine !== seq) return;
  $('report-csv').href = `/api/v1/reports?from=${from}&until=${until}&format=csv`;
  render($('report'), report, build);
}

/** A key of the Api (a category, a tier, a reason, a way, a bucket) in the coordinator's words. */
const label = (group, key) => (has(`${group}.${key}`) ? t(`${group}.${key}`) : key);

/**
 * A figure: a title, horizontal bars (drawn, hidden from screen readers) and the same numbers as a table, which is what
 * a screen reader reads and what a funder copies.
 */
function chart(id, title, rows) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * 26;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 300 ${height}`);
  svg.setAttribute('class', 'bars');
  svg.setAttribute('aria-hidden', 'true');
  rows.forEach((r, i) => {
    const bar = document.createElementNS(SVG, 'rect');
    bar.setAttribute('x', '0');
    bar.setAttribute('y', String(i * 26 + 4));
    bar.setAttribute('height', '18');
    bar.setAttribute('width', String(Math.max(r.value > 0 ? 2 : 0, (r.value / max) * 220)));
    bar.setAttribute('class', `bar ${r.kind ?? ''}`);
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', String((r.value / max) * 220 + 6));
    text.setAttribute('y', String(i * 26 + 18));
    text.textContent = String(r.value);
    svg.append(bar, text);
  });
  return el('figure', { class: 'card chart', id },
    el('figcaption', {}, el('h3', {}, title)), svg,
    el('table', {}, el('tbody', {}, rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, r.label), el('td', {}, r.text ?? String(r.value)))))));
}

function build(r) {
  const n = r.oneNight;
  const s = r.stays;
  const people = (counts, group, kind) => counts.map((c) => ({ label: label(group, c.key), value: c.people, kind, text: t('reportPeople', { people: c.people, households: c.households }) }));
  const o = n.offers;
  return [
    el('section', { class: 'card totals', 'aria-labelledby': 'report-one-night' },
      el('h2', { id: 'report-one-night' }, t('reportOneNight')),
      el('p', {}, t('reportOneNightTotals', { nights: n.nights, asking: n.peopleAsking, placed: n.peoplePlaced, children: n.childrenUnder10Placed }))),
    el('div', { class: 'charts' },
      chart('chart-category', t('reportByCategory'), people(n.placedByCategory, 'category')),
      chart('chart-tier', t('reportByTier'), people(n.placedByTier, 'tierN')),
      chart('chart-reason', t('reportNotPlaced'), people(n.notPlacedByReason, 'rk', 'left')),
      chart('chart-way', t('reportByWay'), people(n.placedByWay, 'rk')),
      chart('chart-offers', t('reportOffers', { rate: percent(o.answerRate), minutes: o.medianAnswerMinutes ?? '–' }),
        ['accepted', 'declined', 'expired', 'cancelled'].map((k) => ({ label: t(`offer.${k}`), value: o[k], kind: k }))),
      chart('chart-hosts', t('reportHosts', { hosts: n.hosts.active }),
        n.hosts.nightsPerHost.map((c) => ({ label: t('reportNightsBucket', { bucket: c.key }), value: c.households })))),
    el('section', { class: 'card totals', 'aria-labelledby': 'report-stays' },
      el('h2', { id: 'report-stays' }, t('reportStays')),
      el('p', {}, t('reportStaysTotals', { guests: s.guests, nights: s.personNights, hosts: s.activeHosts }))),
    s.uncoveredByReason.length > 0 && el('div', { class: 'charts' },
      chart('chart-uncovered', t('reportUncovered'), s.uncoveredByReason.map((c) => ({ label: label('rk', c.key), value: c.people, kind: 'left' })))),
  ];
}

// The stays page: a region's hosts by weeks with their stays as bars, the guests' uncovered nights in red, planning,
// a guest's chain and journeys, and the referents' alerts. A table, so a screen reader reads hosts, nights and stays.
import { t, has, longDate } from './i18n.js';
import { get, post, call, ApiError } from './api.js';
import { el, render, badge } from './dom.js';
import { say, sayError, act, night, regionName, staysRegions } from './ui.js';
import * as guestForm from './guest.js';

const $ = (id) => document.getElementById(id);
let wired = false;
// Each reading's number: an answer that comes back after a newer reading's is dropped.
let seq = 0;
let shown = null;

export async function enter() {
  wire();
  if (!$('stays-from').value) $('stays-from').value = night() ?? today();
  await loadRegions();
  await load();
}

export function leave() {
  guestForm.close();
}

function wire() {
  if (wired) return;
  wired = true;
  $('stays-form').addEventListener('submit', (event) => {
    event.preventDefault();
    load().catch(sayError);
  });
  $('stays-plan').addEventListener('click', () => act($('stays-plan'), plan));
  $('stays-new-guest').addEventListener('click', () => guestForm.open({
    regions: [...$('stays-region').options].map((o) => o.value),
    onRegistered: guestRegistered,
  }).catch(sayError));
}

/**
 * A new guest: the calendar read again and its chain opened (a guest has no row in the calendar until a plan gives it
 * stays or uncovered nights), then the registration said, even when a reading failed: the guest is registered.
 */
async function guestRegistered(guest) {
  await Promise.all([load(), showChain(guest.id, guest.alias)]).catch(() => {});
  say(t('guestRegistered', { alias: guest.alias }), 'ok');
}

const today = () => new Date().toISOString().substring(0, 10);

/** yyyy-mm-dd plus n days, in UTC: no clock change can shift a date. */
export function addDays(isoDate, n) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().substring(0, 10);
}

const daysBetween = (from, until) => Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A short date: "27/11" in both languages. */
const short = (isoDate) => `${isoDate.substring(8, 10)}/${isoDate.substring(5, 7)}`;

/** The regions where hosts take part in stays, for the picker; the choice made stays. */
async function loadRegions() {
  const regions = await staysRegions();
  const select = $('stays-region');
  const chosen = select.value;
  select.replaceChildren(...regions.map((r) => el('option', { value: r }, regionName(r))));
  if (regions.includes(chosen)) select.value = chosen;
}

function period() {
  const from = $('stays-from').value || night() || today();
  const weeks = Math.min(12, Math.max(1, Number($('stays-weeks').value) || 4));
  return { from, until: addDays(from, weeks * 7), weeks, region: $('stays-region').value };
}

async function plan() {
  const { from, until, region } = period();
  if (!region) return say(t('staysNoRegion'), 'error');
  const tomorrow = addDays(night() ?? today(), 1);
  // Nights already spent are never planned again: a window starting before tomorrow is planned from tomorrow.
  const result = await post('/api/v1/stays/plan', { from: from > tomorrow ? from : undefined, until, region });
  await load();
  say(t('staysPlanned', { stays: result.stays.length, uncovered: result.uncovered.length, moves: result.summary.moves }), 'ok');
}

async function getOrNull(path) {
  try {
    return await get(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

async function load() {
  const { from, until, region } = period();
  const mine = ++seq;
  const [hostItems, stays, latest, journeys, alerts] = await Promise.all([
    get('/api/v1/hosts'),
    get('/api/v1/stays'),
    region ? getOrNull(`/api/v1/stays/plan?region=${encodeURIComponent(region)}`) : null,
    get(`/api/v1/stays/journeys?from=${from}&until=${until}`),
    get('/api/v1/alerts'),
  ]);
  if (mine !== seq) return;
  const hosts = hostItems.map((h) => h.host).filter((h) => h.programmes.includes('stays') && h.region === region)
    .sort((a, b) => a.code.localeCompare(b.code));
  const hostIds = new Set(hosts.map((h) => h.id));
  const inWindow = (s) => s.from < until && s.until > from;
  const data = {
    from, until, region,
    hosts: hosts.map((h) => ({ id: h.id, code: h.code, name: h.displayName })),
    stays: stays.filter((s) => hostIds.has(s.hostId) && inWindow(s)),
    uncovered: (latest?.uncovered ?? []).filter(inWindow),
    plannedAt: latest?.plannedAt ?? null,
  };
  shown = { journeys, stays };
  render($('stays-calendar'), data, calendar);
  render($('stays-alerts'), alerts.filter((a) => a.code.startsWith('stay-') || a.code.startsWith('check-in')), alertList);
}

/** Splits a host's stays into lanes where none overlap (a host may take two households at once). */
function lanes(stays) {
  const result = [];
  for (const stay of [...stays].sort((a, b) => a.from.localeCompare(b.from))) {
    const lane = result.find((l) => l[l.length - 1].until <= stay.from);
    if (lane) lane.push(stay);
    else result.push([stay]);
  }
  return result.length ? result : [[]];
}

/** What a stay's bar says besides its guest: its status, and the proposal's state when the Api gives one. */
function stateText(stay) {
  const status = has(`stayStatus.${stay.status}`) ? t(`stayStatus.${stay.status}`) : stay.status;
  const proposal = stay.proposal && stay.status === 'proposed'
    ? (has(`proposal.${stay.proposal}`) ? t(`proposal.${stay.proposal}`) : stay.proposal) : null;
  return proposal ? `${status}, ${proposal}` : status;
}

/**
 * One row's cells over the window: each item (a stay, an uncovered period) a cell spanning its nights, empty nights
 * between. <paramref name="cell"/> builds an item's cell.
 */
function cells(items, from, until, cell) {
  const out = [];
  let at = from;
  for (const item of items) {
    const start = item.from < from ? from : item.from;
    const end = item.until > until ? until : item.until;
    for (; at < start; at = addDays(at, 1)) out.push(el('td', { class: 'night' }));
    out.push(cell(item, daysBetween(start, end)));
    at = end;
  }
  for (; at < until; at = addDays(at, 1)) out.push(el('td', { class: 'night' }));
  return out;
}

function stayCell(stay, span) {
  const state = stateText(stay);
  const label = t('stayBar', { guest: stay.guestAlias, state, from: longDate(stay.from, { weekday: false }), until: longDate(stay.until, { weekday: false }) });
  const proposal = stay.status === 'proposed' && stay.proposal ? ` proposal-${stay.proposal}` : '';
  return el('td', { colspan: span, class: 'stay-cell' },
    el('button', {
      type: 'button', class: `bar ${stay.status}${proposal}`, 'aria-label': label, title: label,
      dataset: { guestId: stay.guestId, stayId: stay.id, status: stay.status, focusKey: stay.id },
      onclick: () => showChain(stay.guestId, stay.guestAlias).catch(sayError),
    }, el('span', { class: 'bar-guest' }, stay.guestAlias), ' ', el('span', { class: 'bar-state' }, state)));
}

function uncoveredCell(period, span) {
  const reason = has(`rk.${period.reason}`) ? t(`rk.${period.reason}`) : period.reason;
  return el('td', { colspan: span, class: 'uncovered', title: period.detail },
    el('span', { class: 'visually-hidden' }, t('uncoveredCell', { from: longDate(period.from, { weekday: false }), until: longDate(period.until, { weekday: false }) })),
    el('span', { class: 'uncovered-reason' }, reason));
}

function calendar(d) {
  if (d.hosts.length === 0) return el('p', {}, t('staysNoHosts'));
  const nights = daysBetween(d.from, d.until);
  const dates = Array.from({ length: nights }, (_, i) => addDays(d.from, i));
  const weeks = Array.from({ length: Math.ceil(nights / 7) }, (_, w) => dates.slice(w * 7, w * 7 + 7));
  const head = el('thead', {},
    el('tr', {}, el('td', { class: 'corner' }), weeks.map((w) => el('th', { scope: 'colgroup', colspan: w.length, class: 'week' }, t('weekOf', { date: longDate(w[0], { weekday: false }) })))),
    el('tr', {}, el('th', { scope: 'col', class: 'corner' }, t('staysHost')),
      dates.map((date) => el('th', { scope: 'col', class: 'day', 'aria-label': longDate(date) }, date.substring(8, 10)))));

  const hostRows = d.hosts.flatMap((host) => {
    const own = lanes(d.stays.filter((s) => s.hostId === host.id));
    return own.map((lane, i) => el('tr', { dataset: { host: host.code } },
      i === 0 && el('th', { scope: 'row', rowspan: own.length, class: 'host-name' }, el('span', {}, host.code), ' ', el('span', { class: 'muted' }, host.name)),
      cells(lane, d.from, d.until, stayCell)));
  });

  const guests = [...new Map(d.uncovered.map((u) => [u.guestId, u.guestAlias])).entries()];
  const uncoveredRows = guests.map(([guestId, alias]) => el('tr', { class: 'uncovered-row', dataset: { guestId } },
    el('th', { scope: 'row', class: 'host-name' },
      el('button', { type: 'button', class: 'link guest', dataset: { focusKey: `u-${guestId}` }, onclick: () => showChain(guestId, alias).catch(sayError) }, alias)),
    cells(d.uncovered.filter((u) => u.guestId === guestId).sort((a, b) => a.from.localeCompare(b.from)), d.from, d.until, uncoveredCell)));

  return [
    el('ul', { class: 'legend' },
      ['proposed', 'awaiting-answer', 'confirmed', 'ongoing', 'ended'].map((k) => el('li', {}, el('span', { class: `swatch bar ${k === 'awaiting-answer' ? 'proposed proposal-awaiting-answer' : k}` }), t(`legend.${k}`))),
      el('li', {}, el('span', { class: 'swatch uncovered' }), t('legend.uncovered'))),
    // The caption stays above the box that scrolls sideways, so a phone shows it whole.
    el('p', { id: 'stays-calendar-caption', class: 'calendar-caption' },
      t('staysCaption', { region: regionName(d.region), from: longDate(d.from, { weekday: false }), until: longDate(addDays(d.until, -1), { weekday: false }) })),
    el('div', { class: 'calendar-scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'stays-calendar-caption' },
      el('table', { class: 'calendar', 'aria-labelledby': 'stays-calendar-caption' },
        head,
        el('tbody', {}, hostRows),
        uncoveredRows.length > 0 && el('tbody', { class: 'uncovered-body' },
          el('tr', {}, el('th', { scope: 'rowgroup', colspan: nights + 1, class: 'group' }, el('span', {}, t('uncoveredTitle')))), uncoveredRows))),
    el('p', { class: 'hint' }, d.plannedAt ? t('staysPlannedAt', { at: new Date(d.plannedAt).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'Europe/Paris' }) }) : t('staysNotPlanned')),
  ];
}

/** A guest's chain (its stays in order, every status but cancelled) and the journeys between them. */
async function showChain(guestId, alias) {
  const guest = await get(`/api/v1/stays/guests/${guestId}`);
  const stays = (await get(`/api/v1/stays?guestId=${guestId}`)).sort((a, b) => a.from.localeCompare(b.from));
  let journeys = [];
  if (stays.length > 0) {
    const all = await get(`/api/v1/stays/journeys?from=${stays[0].from}&until=${addDays(stays[stays.length - 1].from, 1)}`);
    journeys = all.filter((j) => j.guestId === guestId);
  }
  const panel = $('stays-chain');
  panel.hidden = false;
  render($('stays-chain-body'), { guestId, alias, guest, stays, journeys }, chain);
  $('stays-chain-title').focus();
}

const euros = (amount) => new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'currency', currency: 'EUR' }).format(amount);

/** The form that arranges a journey: the way, the time, the volunteer driver, the cost, notes. */
function arrangeForm(j, c) {
  const id = (name) => `journey-${j.id}-${name}`;
  const field = (name, label, input) => [el('label', { for: id(name) }, t(label)), input];
  const form = el('form', { class: 'compact arrange', dataset: { stayId: j.id } },
    field('way', 'journeyWay', el('select', { id: id('way') },
      ['volunteer-driver', 'train', 'other', 'not-arranged'].map((w) => el('option', { value: w, selected: w === j.way }, t(`way.${w}`))))),
    field('time', 'journeyTime', el('input', { id: id('time'), type: 'time', value: j.departureTime?.substring(0, 5) ?? '' })),
    field('driver', 'journeyDriverName', el('input', { id: id('driver'), maxlength: '60', autocomplete: 'off', value: j.driverFirstName ?? '' })),
    field('phone', 'journeyDriverPhone', el('input', { id: id('phone'), type: 'tel', placeholder: '+33612345678', autocomplete: 'off', value: j.driverPhone ?? '' })),
    field('cost', 'journeyCostLabel', el('input', { id: id('cost'), type: 'number', min: '0', step: '0.01', value: String(j.costEuros ?? 0) })),
    field('notes', 'journeyNotes', el('input', { id: id('notes'), maxlength: '500', autocomplete: 'off', value: j.notes ?? '' })),
    el('button', { type: 'submit', class: 'primary' }, t('journeySave')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name) => form.querySelector(`#${CSS.escape(id(name))}`).value.trim();
    const way = value('way');
    if (way !== 'not-arranged' && !confirm(t('confirmJourney'))) return;
    act(event.submitter, async () => {
      await call('PUT', `/api/v1/stays/journeys/${j.id}`, {
        way,
        departureTime: value('time') || null,
        driverFirstName: way === 'volunteer-driver' ? value('driver') || null : null,
        driverPhone: way === 'volunteer-driver' ? value('phone') || null : null,
        costEuros: Number(value('cost') || 0),
        notes: value('notes') || null,
      });
      await showChain(c.guestId, c.alias);
      say(t('journeySaved'), 'ok');
    });
  });
  return el('details', {}, el('summary', {}, t(j.way === 'not-arranged' ? 'journeyArrange' : 'journeyChange')), form);
}

function journeyText(j, c) {
  const from = j.from.hostCode ? `${j.from.hostCode} (${j.from.hostName})` : j.from.address;
  const how = has(`way.${j.way}`) ? t(`way.${j.way}`) : j.way;
  const times = j.departureTime ? t('journeyTimes', { leave: j.departureTime.substring(0, 5), arrive: j.arrivalTime.substring(0, 5) }) : '';
  return el('li', { class: 'row journey', dataset: { stayId: j.id } },
    el('div', { class: 'line' }, el('strong', {}, longDate(j.date)), ' ', t('journeyFromTo', { from, to: `${j.to.hostCode} (${j.to.hostName})` })),
    el('div', { class: 'line muted' }, t('journeyMinutes', { n: j.minutes }), ' · ', how, times && ` · ${times}`,
      j.driverFirstName && ` · ${t('journeyDriver', { name: j.driverFirstName, phone: j.driverPhone })}`,
      j.way !== 'not-arranged' && ` · ${euros(j.costEuros)}`,
      j.way !== 'not-arranged' && ' ', j.way !== 'not-arranged' && (j.hostsTold ? badge('confirmed', t('hostsTold')) : badge('warning', t('hostsNotTold')))),
    arrangeForm(j, c));
}

function chain(c) {
  $('stays-chain-title').textContent = t('chainTitle', { alias: c.alias });
  return [
    el('h3', {}, t('chainStays')),
    c.stays.length === 0 ? el('p', {}, t('chainEmpty')) : el('ol', { class: 'rows chain' }, c.stays.map((s) => el('li', { class: 'row', dataset: { stayId: s.id } },
      el('div', { class: 'line' }, el('strong', {}, `${short(s.from)} → ${short(s.until)}`), ' ', `${s.hostCode}`, ' ', badge(s.status, stateText(s))),
      el('div', { class: 'line muted' }, t('chainNights', { n: s.nights }))))),
    el('h3', {}, t('chainJourneys')),
    c.journeys.length === 0 ? el('p', {}, t('noJourneys')) : el('ul', { class: 'rows' }, c.journeys.map((j) => journeyText(j, c))),
    el('h3', {}, t('referentTitle')),
    el('p', { class: 'referent' }, c.guest.referentName ? `${c.guest.referentName}, ${c.guest.referentPhone}` : t('noReferent')),
    referentForm(c),
    el('h3', {}, t('exitTitle')),
    c.guest.outcome
      ? el('p', { class: 'exit' }, t('exitDone', { outcome: t(`outcome.${c.guest.outcome}`), until: c.guest.needUntil ? longDate(c.guest.needUntil) : '' }))
      : exitForm(c),
  ];
}

/** Names the guest's referent: the volunteer a check-in that goes wrong alerts by SMS. */
function referentForm(c) {
  const form = el('form', { class: 'compact referent-form' },
    el('label', { for: 'referent-name' }, t('referentName')),
    el('input', { id: 'referent-name', maxlength: '100', autocomplete: 'off', value: c.guest.referentName ?? '' }),
    el('label', { for: 'referent-phone' }, t('referentPhone')),
    el('input', { id: 'referent-phone', type: 'tel', placeholder: '+33612345678', autocomplete: 'off', value: c.guest.referentPhone ?? '' }),
    el('button', { type: 'submit', class: 'primary' }, t('referentSave')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(event.submitter, async () => {
      await call('PUT', `/api/v1/stays/guests/${c.guestId}/referent`, {
        name: $('referent-name').value.trim() || null, phone: $('referent-phone').value.trim() || null,
      });
      await showChain(c.guestId, c.alias);
      say(t('referentSaved'), 'ok');
    });
  });
  return el('details', {}, el('summary', {}, t(c.guest.referentName ? 'referentChange' : 'referentName')), form);
}

/** Ends the guest's need with its outcome: its stays from that morning are called off and their hosts told by SMS. */
function exitForm(c) {
  const outcomes = ['ase-place', 'recognised-minor', 'not-recognised', 'adult-orientation', 'left-without-news', 'other'];
  const form = el('form', { class: 'compact exit-form' },
    el('label', { for: 'exit-until' }, t('exitUntil')),
    el('input', { id: 'exit-until', type: 'date', value: [addDays(night() ?? today(), 1), addDays(c.guest.needFrom, 1)].sort()[1] }),
    el('label', { for: 'exit-outcome' }, t('exitOutcome')),
    el('select', { id: 'exit-outcome' }, outcomes.map((o) => el('option', { value: o }, t(`outcome.${o}`)))),
    el('label', { for: 'exit-note' }, t('exitNote')),
    el('input', { id: 'exit-note', maxlength: '500', autocomplete: 'off' }),
    el('button', { type: 'submit', class: 'danger' }, t('exitSave')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!confirm(t('confirmExit'))) return;
    act(event.submitter, async () => {
      await post(`/api/v1/stays/guests/${c.guestId}/end`, {
        until: $('exit-until').value || null, outcome: $('exit-outcome').value, note: $('exit-note').value.trim() || null,
      });
      await showChain(c.guestId, c.alias);
      await load();
      say(t('exitSaved'), 'ok');
    });
  });
  return el('details', {}, el('summary', {}, t('exitOpen')), form);
}

function alertList(alerts) {
  if (alerts.length === 0) return el('li', {}, t('noStaysAlerts'));
  return alerts.map((a) => el('li', { class: 'row', dataset: { code: a.code } },
    el('div', { class: 'line' }, badge('warning', has(`alert.${a.code}`) ? t(`alert.${a.code}`) : a.code),
      el('span', { class: 'muted' }, new Date(a.raisedAt).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }))),
    el('div', {}, a.message)));
}

// Tonight's board: households, hosts, matching, offers (live), the van, the summary, and moving a household by hand.
import { t, has, clock, localClock, longDate, percent } from './i18n.js';
import { get, post, ApiError } from './api.js';
import { el, render, badge } from './dom.js';
import { night, say, sayError, errorText, act, capacity, composition, inWords, reasonText, rideText } from './ui.js';
import * as guestForm from './guest.js';
import * as transport from './transport.js';
import * as nightMap from './map.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 3000;
let timer = null;
let wired = false;
let hostsById = new Map();
let lastMatching = null;
let moving = null;

const base = () => `/api/v1/nights/${night()}`;
const hostLabel = (id) => {
  const host = hostsById.get(id);
  return host ? `${host.displayName} (${host.code})` : '';
};

/** Why a host cannot take the household. */
const refusal = (code, sentence) => inWords('move', code, sentence);

/** After an action that worked: the board read again, then the result said (a failed reading must not hide it). */
async function showDone(message, kind = 'ok') {
  await refresh().catch(() => {});
  say(message, kind);
}

export async function enter() {
  wire();
  showNight();
  showLive();
  // The last run's result stays while the night does (a language switch redraws the page, it does not forget).
  if (lastMatching?.night !== night()) lastMatching = null;
  $('matching-result').hidden = !lastMatching;
  // The timer first: when the first reading fails (server restarting, no network), the board recovers by itself.
  stopPolling();
  timer = setInterval(() => { if (!document.hidden) poll().catch(() => {}); }, POLL_MS);
  // A failed first reading is said by poll() and marks the board "hors ligne" until a later one succeeds.
  await Promise.all([refresh().catch(() => {}), transport.refresh().catch(() => {})]);
}

/** The night in words in the title; its ISO date in the element's datetime and data-night (what the tests read). */
function showNight() {
  const iso = night();
  const title = $('board-night');
  title.textContent = t('boardTitle', { date: longDate(iso) });
  title.setAttribute('datetime', iso);
  title.dataset.night = iso;
}

/** "● en direct" while readings succeed; grey "hors ligne" while they fail. */
function showLive() {
  const live = $('live');
  live.classList.toggle('offline', stale);
  live.textContent = stale ? t('offline') : t('live');
}

export function leave() {
  stopPolling();
  if ($('move-dialog').open) $('move-dialog').close();
  guestForm.close();
}

function stopPolling() {
  if (timer) clearInterval(timer);
  timer = null;
}

function wire() {
  if (wired) return;
  wired = true;
  transport.wire(refresh);
  $('run-matching').addEventListener('click', (e) => act(e.currentTarget, runMatching));
  $('send-offers').addEventListener('click', (e) => {
    // Real SMS to real hosts: asked once more.
    if (!confirm(t('confirmSendOffers'))) return;
    act(e.currentTarget, async () => {
      const sent = await post(`${base()}/offers`);
      await showDone(sent.length ? t('offersSent', { count: sent.length }) : t('noOffersToSend'), sent.length ? 'ok' : 'info');
    });
  });
  $('plan-vans').addEventListener('click', (e) => act(e.currentTarget, async () => {
    const plan = await post(`${base()}/van-runs`);
    await showDone(t('vansPlanned', { count: plan.trips.length }));
  }));
  $('send-van-times').addEventListener('click', (e) => act(e.currentTarget, async () => {
    const told = await post(`${base()}/van-runs/sms`);
    say(t('vanTimesSent', { count: told.length }), 'ok');
  }));
  $('move-host').addEventListener('change', explainChoice);
  $('move-cancel').addEventListener('click', () => $('move-dialog').close());
  $('move-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act(event.submitter ?? $('move-form').querySelector('[type=submit]'), moveHousehold);
  });
}

async function runMatching() {
  lastMatching = await post(`${base()}/matching`);
  showMatching();
  await showDone(matchingHeadline());
}

function matchingHeadline() {
  const gap = lastMatching.gap;
  const optimal = lastMatching.optimal ? t('provedOptimal')
    : typeof gap === 'number' ? t('notProved', { gap: percent(gap) }) : t('notProvedNoGap');
  return t('matchingDone', {
    placed: t('householdsProposed', { n: lastMatching.proposals.length }),
    unplaced: t('householdsUnplaced', { n: lastMatching.unplaced.length }),
    optimal,
  });
}

function showMatching() {
  if (!lastMatching) return;
  $('matching-result').hidden = false;
  $('matching-headline').textContent = matchingHeadline();
  render($('matching-proposals'), lastMatching.proposals, (list) => list.map((p) => el('li', { dataset: { requestId: p.requestId } },
    el('strong', {}, p.alias), ` · ${t('people', { n: p.people })} → ${p.hostName} (${p.hostCode}) · ${t('minutes', { n: p.travelMinutes })}`)));
  render($('matching-unplaced'), lastMatching.unplaced, (list) => list.length === 0
    ? el('li', {}, t('noneUnplaced'))
    : list.map((u) => el('li', { class: 'unplaced', dataset: { requestId: u.requestId } },
      el('strong', {}, u.alias), ` · ${t('people', { n: u.people })} · ${t('tier', { tier: u.tier })}`,
      el('p', { class: 'reason' }, reasonText(u.reason, u.detail)))));
}

async function refreshHosts() {
  const hosts = await get(`/api/v1/hosts?availableOn=${night()}`);
  hostsById = new Map(hosts.map((item) => [item.host.id, item.host]));
  return hosts;
}

let inFlight = null;
let stale = false;

/** The timer's reading: never two at once on a slow connection; a tick during a reading joins it. */
function poll() {
  inFlight ??= load().then(() => {
    // The board is live again after the server or the network was lost.
    if (stale) say('');
    stale = false;
    showLive();
  }, (error) => {
    // What the board shows may be old: say so until a reading succeeds (a 401 has already gone to sign-in).
    stale = true;
    showLive();
    if (!(error instanceof ApiError && error.status === 401)) sayError(error);
    throw error;
  }).finally(() => { inFlight = null; });
  return inFlight;
}

/** After an action: a reading started after it, so an older one in flight cannot show the state before it. */
async function refresh() {
  if (inFlight) await inFlight.catch(() => {});
  return poll();
}

/** Everything that moves while hosts answer. */
async function load() {
  const [requests, offers, summary, alerts, vans, hosts, mapView] = await Promise.all([
    get(`${base()}/requests`),
    get(`${base()}/offers`),
    get(`${base()}/summary`),
    get('/api/v1/alerts'),
    get(`${base()}/van-runs`).catch((error) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
    refreshHosts(),
    get(`${base()}/map`),
  ]);
  showSummary(summary);
  showAlerts(alerts);
  showHouseholds(requests, new Set(offers.filter((o) => o.status === 'open').map((o) => o.requestId)));
  showOffers(offers);
  showVans(vans);
  showHosts(hosts, requests);
  showMatching();
  nightMap.show(mapView);
}

function showSummary(summary) {
  const total = summary.total;
  render($('summary-counts'), total, (p) => [
    ['requested', p.requested], ['placed', p.placed], ['proposed', p.proposed], ['waiting', p.waiting], ['unplaced', p.unplaced],
  ].flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', { dataset: { count: key } }, t('people', { n: value }))]));
}

function showAlerts(alerts) {
  $('alerts').hidden = alerts.length === 0;
  render($('alert-list'), alerts, (list) => list.map((a) => el('li', {},
    el('time', { datetime: a.raisedAt }, clock(a.raisedAt)), ' ', hostLabel(a.hostId) || '', ' ',
    has(`alert.${a.code}`) ? t(`alert.${a.code}`) : a.code, ': ', el('span', { lang: 'en' }, a.message))));
}

function showHouseholds(requests, offered) {
  render($('households'), { requests, offered: [...offered] }, ({ requests: list }) => list.length === 0 ? el('li', {}, t('noHousehold')) : list.map((r) => {
    const where = r.hostId && ['proposed', 'confirmed', 'delivered'].includes(r.status) ? t('at', { host: hostLabel(r.hostId) || r.hostId }) : null;
    // A proposal whose SMS is out waits for its host: cancel the offer first to move it.
    const movable = ['waiting', 'proposed', 'unplaced'].includes(r.status) && !offered.has(r.id);
    return el('li', { class: `row household ${r.status}`, dataset: { requestId: r.id, status: r.status } },
      el('div', { class: 'line' },
        el('strong', {}, r.alias), badge(r.status, t(`status.${r.status}`)),
        el('span', {}, t(`category.${r.category}`)), el('span', { class: `tier tier-${r.tier}` }, t('tier', { tier: r.tier }))),
      el('div', { class: 'line muted' }, composition(r.members),
        r.vulnerable && ` · ${t('vulnerable')}`, r.needsWheelchairAccess && ` · ${t('wheelchair')}`,
        r.nightsWithoutShelter > 0 && ` · ${t('nightsOut', { n: r.nightsWithoutShelter })}`),
      where && el('div', { class: 'line' }, where, r.ride && el('span', { class: 'ride', dataset: { way: r.ride.way } }, ` · ${rideText(r.ride)}`)),
      r.status === 'unplaced' && el('p', { class: 'reason' }, reasonText(r.unplacedReason, r.unplacedDetail)),
      movable && el('button', { type: 'button', class: 'small', dataset: { focusKey: `move-${r.id}` }, onclick: () => openMove(r) }, t('moveAction'),
        el('span', { class: 'visually-hidden' }, ` ${r.alias}`)),
      r.status !== 'cancelled' && el('button', { type: 'button', class: 'small', dataset: { focusKey: `stays-${r.id}` }, onclick: () => openToStays(r) },
        t('toStays'), el('span', { class: 'visually-hidden' }, ` ${r.alias}`)));
  }));
}

function showOffers(offers) {
  render($('offers'), offers, (list) => list.length === 0 ? el('li', {}, t('noOffers')) : list.map((o) => el('li',
    { class: `row offer ${o.status}`, dataset: { offerId: o.id, status: o.status, host: o.hostCode } },
    el('div', { class: 'line' },
      el('strong', {}, `${o.hostName} (${o.hostCode})`), ' ← ', el('span', {}, o.householdAlias),
      badge(o.status, t(`offer.${o.status}`))),
    el('div', { class: 'line muted' },
      smsText(o), o.smsError && ` (${o.smsError})`, ' · ',
      o.answeredAt ? t('answeredAt', { time: clock(o.answeredAt) }) : t('expiresAt', { time: clock(o.expiresAt) })),
    (o.status === 'open' || o.status === 'accepted') && el('div', { class: 'line' },
      o.status === 'open' && el('button', { type: 'button', class: 'small', dataset: { focusKey: `resend-${o.id}` }, onclick: (e) => act(e.currentTarget, async () => {
        await post(`/api/v1/offers/${o.id}/resend`);
        await showDone(t('offerResent', { host: `${o.hostName} (${o.hostCode})` }));
      }) }, t('resend'), el('span', { class: 'visually-hidden' }, ` ${o.householdAlias}`)),
      el('button', { type: 'button', class: 'small danger', dataset: { focusKey: `cancel-${o.id}` }, onclick: (e) => {
        if (!confirm(t('confirmCancelOffer', { host: `${o.hostName} (${o.hostCode})`, alias: o.householdAlias }))) return;
        act(e.currentTarget, async () => {
          await post(`/api/v1/offers/${o.id}/cancel`);
          await showDone(t('offerCancelled', { host: `${o.hostName} (${o.hostCode})` }));
        });
      } }, t('cancelOffer'), el('span', { class: 'visually-hidden' }, ` ${o.householdAlias}`))))));
}

/** Where the offer's SMS stands: the operator's delivery report when there is one, else our own sending state. */
function smsText(offer) {
  const delivery = offer.smsProviderStatus;
  if (delivery === 'delivered') return t('sms.delivered');
  if (delivery === 'undelivered' || delivery === 'failed') return t('sms.undelivered');
  if (!offer.smsStatus) return null;
  return has(`sms.${offer.smsStatus}`) ? t(`sms.${offer.smsStatus}`) : offer.smsStatus;
}

function showVans(plan) {
  render($('van-runs'), plan, (p) => {
    if (!p || (p.trips.length === 0 && p.unserved.length === 0)) return el('p', {}, t('noVans'));
    const trips = p.trips.map((trip) => {
      const sheet = `${base()}/van-runs/${encodeURIComponent(trip.vanId)}/${trip.trip}/sheet`;
      return el('article', { class: 'trip', dataset: { van: trip.vanId, trip: trip.trip } },
        el('h3', {}, t('trip', { van: trip.vanId, trip: trip.trip }), trip.departed && badge('departed', t('departed'))),
        el('p', { class: 'muted' }, t('departs', { depart: localClock(trip.departAt), back: localClock(trip.returnAt) }), ' · ',
          t('passengers', { n: trip.passengers })),
        el('ol', { class: 'stops' }, trip.stops.map((s) => el('li', {},
          el('strong', {}, localClock(s.arriveAt)), ` ${s.hostName} (${s.hostCode}) · ${s.address} · ${t('people', { n: s.people })}`))),
        el('p', {}, el('a', { href: sheet, target: '_blank', rel: 'noopener', class: 'sheet' }, t('runSheet')), ' · ',
          el('a', { href: `${sheet}?format=csv`, download: '' }, t('runSheetCsv'))));
    });
    const unserved = p.unserved.length === 0 ? [] : [el('h3', {}, t('unserved')), el('ul', { class: 'plain' }, p.unserved.map((u) =>
      el('li', {}, el('strong', {}, `${u.hostName} (${u.hostCode})`), ': ', reasonText(u.reason, u.detail))))];
    return [...trips, ...unserved];
  });
}

function showHosts(hosts, requests) {
  const occupied = new Map();
  for (const r of requests) {
    if (r.hostId && ['proposed', 'confirmed', 'delivered'].includes(r.status)) {
      occupied.set(r.hostId, (occupied.get(r.hostId) ?? 0) + r.members.length);
    }
  }
  render($('hosts-tonight'), { hosts, occupied: [...occupied] }, () => hosts.length === 0 ? el('li', {}, t('noHosts')) : hosts.map(({ host }) =>
    el('li', { class: 'row host', dataset: { hostId: host.id } },
      el('div', { class: 'line' }, el('strong', {}, `${host.displayName} (${host.code})`),
        host.minorsCertified && badge('certified', t('minorsCertified')), host.wheelchairAccessible && badge('info', t('accessible'))),
      el('div', { class: 'line muted' }, capacity(host), ' · ',
        t('arrival', { from: host.arrivalFrom, until: host.arrivalUntil })),
      occupied.has(host.id) && el('div', { class: 'line' }, t('occupied', { n: occupied.get(host.id) })))));
}

async function openMove(request) {
  moving = request;
  $('move-title').textContent = t('moveTitle', { alias: request.alias });
  $('move-error').textContent = '';
  $('move-why').textContent = '';
  let choices;
  try {
    choices = await get(`${base()}/requests/${request.id}/hosts`);
  } catch (error) {
    return sayError(error);
  }
  $('move-host').replaceChildren(...choices.map((c) => el('option', { value: c.hostId, dataset: { allowed: c.allowed, reason: refusal(c.reasonCode, c.reason) } },
    `${c.name} (${c.code}) · ${t('bedsFree', { n: c.bedsFree })} · ${c.travelMinutes} min · `
    + (c.allowed ? t('allowed') : t('incompatible', { reason: refusal(c.reasonCode, c.reason) })))));
  explainChoice();
  $('move-dialog').showModal();
  $('move-host').focus();
}

function explainChoice() {
  const option = $('move-host').selectedOptions[0];
  $('move-why').textContent = option && option.dataset.allowed !== 'true' ? t('refusedBecause', { reason: option.dataset.reason }) : '';
}

async function moveHousehold() {
  const hostId = $('move-host').value;
  const requestId = moving.id;
  let moved;
  try {
    moved = await post(`${base()}/requests/${requestId}/placement`, { hostId });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 409 || error.status === 400) && error.problem.code) {
      // A rule of the move the host breaks.
      $('move-error').textContent = t('refusedBecause', { reason: refusal(error.problem.code, error.problem.detail ?? error.problem.title) });
      say('');
    } else {
      // 403, 429, 503, a missing token, the network…: said in the dialog too, which hides the status line behind it.
      $('move-error').textContent = errorText(error);
      sayError(error);
    }
    return;
  }
  $('move-dialog').close();
  await showDone(t('moved', { alias: moved.alias, host: `${moved.hostName} (${moved.hostCode})` }));
  refocus(`move-${requestId}`);
}

/** The opening button was redrawn: focus goes back to the household's row, or to the status line saying what was done. */
function refocus(focusKey) {
  const again = [...$('households').querySelectorAll('[data-focus-key]')].find((b) => b.dataset.focusKey === focusKey);
  (again ?? $('status')).focus();
}

/** The request's household into the stays programme, as itself: the guest form with only the need to type. */
function openToStays(request) {
  guestForm.open({
    request,
    onRegistered: async (guest) => {
      await showDone(t('guestMoved', { alias: guest.alias }));
      refocus(`stays-${request.id}`);
    },
  }).catch(sayError);
}

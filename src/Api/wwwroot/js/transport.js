// Tonight's rides on the board: the vehicles with their drivers, the escorts, the hosts who fetch at the base; adding a
// car that turns up or an escort; and tonight's night plan (beds and rides together), computed on demand, stored nowhere.
import { t, localClock } from './i18n.js';
import { get, post, call } from './api.js';
import { el, render, badge } from './dom.js';
import { night, say, act, reasonText, rideText } from './ui.js';

const $ = (id) => document.getElementById(id);
const base = () => `/api/v1/nights/${night()}`;
let wired = false;
let lastPlan = null;

export function wire(refreshBoard) {
  if (wired) return;
  wired = true;
  $('vehicle-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act(event.submitter ?? $('vehicle-form').querySelector('[type=submit]'), async () => {
      const vehicle = await post(`${base()}/vehicles`, {
        kind: $('vehicle-kind').value,
        label: $('vehicle-label').value,
        driverFirstName: $('vehicle-driver').value,
        driverPhone: $('vehicle-phone').value.replace(/[\s.]/g, ''),
        seats: Number($('vehicle-seats').value),
        availableFrom: $('vehicle-from').value,
        availableUntil: $('vehicle-until').value,
      });
      $('vehicle-form').reset();
      $('vehicle-details').open = false;
      await refresh();
      say(t('vehicleAdded', { label: vehicle.label }), 'ok');
    });
  });
  $('escort-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act(event.submitter ?? $('escort-form').querySelector('[type=submit]'), async () => {
      const escort = await post(`${base()}/escorts`, { firstName: $('escort-name').value, phone: $('escort-phone').value.replace(/[\s.]/g, '') });
      $('escort-form').reset();
      $('escort-details').open = false;
      await refresh();
      say(t('escortAdded', { name: escort.firstName }), 'ok');
    });
  });
  $('plan-night').addEventListener('click', (e) => act(e.currentTarget, async () => {
    lastPlan = await post(`${base()}/night-plan`);
    showPlan();
    const brought = lastPlan.summary.peopleBrought.reduce((a, b) => a + b, 0);
    const left = lastPlan.summary.peopleLeft.reduce((a, b) => a + b, 0);
    say(t('nightPlanned', { brought: t('people', { n: brought }), left: t('people', { n: left }) }), left ? 'info' : 'ok');
    await refreshBoard().catch(() => {});
  }));
}

/** Reads the night's transport again (after a change, and when the board is entered). */
export async function refresh() {
  if (lastPlan?.night !== night()) { lastPlan = null; showPlan(); }
  showTransport(await get(`${base()}/transport`));
}

async function remove(path) {
  await call('DELETE', path);
  await refresh();
}

const shift = (v) => `${v.availableFrom.substring(0, 5)}–${v.availableUntil.substring(0, 5)}`;

function showTransport(transport) {
  render($('transport'), transport, (tr) => {
    const rows = [
      ...tr.vehicles.map((v) => el('li', { class: 'row vehicle', dataset: { vehicleId: v.id } },
        el('div', { class: 'line' }, el('strong', {}, v.label), ' ', badge('info', t(`kind.${v.kind}`)),
          ` ${t('seats', { n: v.seats })} · ${t('shift', { shift: shift(v) })}`),
        el('div', { class: 'line muted' }, t('driver', { name: v.driverFirstName, phone: v.driverPhone }), ' ',
          el('button', { type: 'button', class: 'link', 'data-focus-key': `v-${v.id}`,
            onclick: (e) => act(e.currentTarget, () => remove(`${base()}/vehicles/${v.id}`)) }, t('remove'))))),
      ...tr.escorts.map((e) => el('li', { class: 'row escort', dataset: { escortId: e.id } },
        el('div', { class: 'line' }, el('strong', {}, t('escort', { name: e.firstName })), ` · ${e.phone} `,
          el('button', { type: 'button', class: 'link', 'data-focus-key': `e-${e.id}`,
            onclick: (ev) => act(ev.currentTarget, () => remove(`${base()}/escorts/${e.id}`)) }, t('remove'))),
        // The household they take as the rides stand (the one their SMS named, once sent).
        e.takes && el('div', { class: 'line muted escort-takes' }, t('escortTakes', {
          alias: e.takes.householdAlias, people: t('people', { n: e.takes.people }), host: e.takes.hostDisplayName,
          leave: localClock(e.takes.leaveBaseAt), at: localClock(e.takes.arriveAt),
        })))),
      ...tr.fetchingHosts.map((h) => el('li', { class: 'row fetching' },
        el('div', { class: 'line' }, el('strong', {}, `${h.displayName} (${h.code})`), ` · ${t('fetches')}`))),
    ];
    return rows.length ? rows : el('li', {}, t('noTransport'));
  });
}

function showPlan() {
  render($('night-plan'), lastPlan, (plan) => {
    if (!plan) return null;
    const s = plan.summary;
    const headline = el('p', {}, t('nightPlanHeadline', {
      brought: s.peopleBrought.join(' / '), bound: s.upperBound.join(' / '), sequential: s.sequentialPeopleBrought.join(' / '),
    }));
    const placements = el('ul', { class: 'plain', id: 'night-plan-placements' }, plan.placements.map((p) =>
      el('li', { dataset: { way: p.ride.way } }, el('strong', {}, `${p.alias} (${t('people', { n: p.people })})`),
        ` → ${p.hostName} (${p.hostCode}) · ${rideText(p.ride)}`, p.agreed && ' ', p.agreed && badge('ok', t('agreed')))));
    const unplaced = plan.unplaced.length === 0 ? [] : [el('h3', {}, t('unplacedTitle')), el('ul', { class: 'plain', id: 'night-plan-unplaced' },
      plan.unplaced.map((u) => el('li', { dataset: { reason: u.reason } }, el('strong', {}, `${u.alias} (${t('people', { n: u.people })})`), ': ',
        reasonText(u.reason, u.detail))))];
    const stranded = plan.agreedWithoutRide.length === 0 ? [] : [el('h3', {}, t('agreedWithoutRide')), el('ul', { class: 'plain' },
      plan.agreedWithoutRide.map((a) => el('li', {}, el('strong', {}, a.alias), ` → ${a.hostName} (${a.hostCode})`)))];
    const onTheirWay = plan.onTheirWay.length === 0 ? [] : [el('h3', {}, t('onTheirWay')), el('ul', { class: 'plain', id: 'night-plan-on-their-way' },
      plan.onTheirWay.map((a) => el('li', {}, el('strong', {}, a.alias), ` → ${a.hostName} (${a.hostCode})`)))];
    return [headline, placements, ...unplaced, ...stranded, ...onTheirWay];
  });
}

// The night's map on the board: the base, tonight's hosts by state (available, proposed, confirmed), the placements, and
// each trip of the van plan as a line. Leaflet is vendored (/vendor/leaflet, loaded before this module); the tiles come
// from the one origin the server configures (Map:TileUrl), or none: the pins and lines draw on a plain background.
// Keyboard: the map takes focus (arrows pan, + and - zoom), each pin is a named button (Enter opens its detail); the trips
// are also listed in words under the map.
import { t, clock } from './i18n.js';
import { el, render } from './dom.js';

const $ = (id) => document.getElementById(id);
let map = null;
let pins = null;
let tiles = null;
let tileUrl = null;
let framed = null;
let drawn = null;

const STATES = ['available', 'proposed', 'confirmed'];

/** Draws the night's map (the Api's /map answer); nothing when the same as last time, so focus and zoom stay. */
export function show(view) {
  const L = window.L;
  if (!L) return;
  const key = document.documentElement.lang + JSON.stringify(view);
  ensureMap(L, view.tiles);
  legend();
  showTripsInWords(view.map);
  if (drawn === key) return;
  drawn = key;
  draw(L, view.map);
}

function ensureMap(L, tileConfig) {
  if (!map) {
    map = L.map($('night-map'), { keyboard: true, attributionControl: false, zoomSnap: 0.5 });
    map.zoomControl.getContainer().querySelectorAll('a').forEach((a) => a.setAttribute('aria-label', a.title));
    pins = L.layerGroup().addTo(map);
  }
  const url = tileConfig?.url ?? null;
  if (url !== tileUrl) {
    tileUrl = url;
    tiles?.remove();
    tiles = null;
    if (url) {
      // The credit is the server's configuration (Map:TileAttribution), shown as Leaflet shows it: HTML, a link to the licence.
      tiles = L.tileLayer(url, { maxZoom: 19, attribution: tileConfig.attribution }).addTo(map);
      if (!map.attributionControl) L.control.attribution({ prefix: false }).addTo(map);
    }
  }
  // Drawn while the board was hidden (a sign-in, a language switch): the size is known only now.
  map.invalidateSize();
}

function pin(L, point, state, name) {
  const marker = L.marker([point.latitude, point.longitude], {
    icon: L.divIcon({ className: `pin ${state}`, iconSize: state === 'base' ? [18, 18] : [16, 16], html: '' }),
    keyboard: true,
    title: name,
    riseOnHover: true,
  });
  marker.on('add', () => {
    const element = marker.getElement();
    element.setAttribute('aria-label', name);
    element.dataset.state = state;
  });
  return marker;
}

function draw(L, night) {
  pins.clearLayers();
  const baseName = t('mapBase', { name: night.base.name });
  pin(L, night.base, 'base', baseName).bindPopup(() => el('p', {}, el('strong', {}, baseName))).addTo(pins);

  // The trips under the pins: a line from the base through each stop in order and back.
  night.trips.forEach((trip) => {
    const points = [night.base, ...trip.stops, night.base].map((p) => [p.latitude, p.longitude]);
    L.polyline(points, { className: `trip${trip.departed ? ' departed' : ''}`, weight: 3, opacity: 0.8, dashArray: trip.departed ? '6 6' : null })
      // An element, never a string: Leaflet puts a string in as HTML, and a vehicle's label is typed by people.
      .bindTooltip(el('span', {}, t('mapTrip', { van: trip.vanId, trip: trip.trip, at: clock(trip.departAt) })))
      .addTo(pins);
  });

  for (const host of night.hosts) {
    const guests = night.placements.filter((p) => p.hostId === host.id);
    const state = t(`mapState.${host.state}`);
    const name = `${host.name} (${host.code}), ${state}${guests.length ? ` : ${guests.map((g) => g.alias).join(', ')}` : ''}`;
    pin(L, host, host.state, name).bindPopup(() => el('div', {},
      el('p', {}, el('strong', {}, `${host.name} (${host.code})`), ' · ', state),
      el('p', {}, host.address),
      guests.length > 0 && el('ul', {}, guests.map((g) => el('li', {}, `${g.alias} · ${t('people', { n: g.people })} · ${t(`status.${g.status}`)}`)))))
      .addTo(pins);
  }

  // Framed once per night (the coordinator's own zoom is kept while the board polls).
  if (framed !== night.night) {
    framed = night.night;
    const points = [night.base, ...night.hosts].map((p) => [p.latitude, p.longitude]);
    if (points.length > 1) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
    else map.setView(points[0], 13);
  }
}

function legend() {
  render($('map-legend'), document.documentElement.lang, () => [
    el('li', {}, el('span', { class: 'pin base', 'aria-hidden': 'true' }), t('mapLegend.base')),
    ...STATES.map((s) => el('li', {}, el('span', { class: `pin ${s}`, 'aria-hidden': 'true' }), t(`mapState.${s}`))),
    el('li', {}, el('span', { class: 'trip-swatch', 'aria-hidden': 'true' }), t('mapLegend.trip')),
  ]);
}

function showTripsInWords(night) {
  render($('map-trips'), night, (n) => n.trips.length === 0 ? el('li', {}, t('mapNoTrips')) : n.trips.map((trip) =>
    el('li', { class: 'row map-trip', dataset: { van: trip.vanId, trip: trip.trip } },
      el('strong', {}, t('mapTrip', { van: trip.vanId, trip: trip.trip, at: clock(trip.departAt) })), ' : ',
      [n.base.name, ...trip.stops.map((s) => `${s.hostName} (${clock(s.arriveAt)})`), n.base.name].join(' → '))));
}

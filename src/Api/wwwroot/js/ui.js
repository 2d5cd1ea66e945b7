// What every page of the console shares: the status line, button actions, the night being looked at, a household and the
// stays regions in words.
import { t, has, language, localClock } from './i18n.js';
import { get, ApiError } from './api.js';

let currentNight = () => null;

export const useNight = (getter) => { currentNight = getter; };
export const night = () => currentNight();

/** A host's capacity in words, on the board and the hosts page alike: beds, households at most, categories taken. */
export const capacity = (host) => `${t('beds', { beds: t('bedCount', { n: host.beds }), households: t('householdsMax', { n: host.maxHouseholds }) })}`
  + ` · ${t('accepts', { list: host.accepts.map((c) => t(`category.${c}`)).join(', ') })}`;

/** A household's members in words: "1 adulte, 2 enfants (âges 4, 6)". */
export function composition(members) {
  const adults = members.filter((m) => m.age >= 18);
  const children = members.filter((m) => m.age < 18).map((m) => m.age).sort((a, b) => a - b);
  const parts = [];
  if (adults.length) parts.push(t('adults', { n: adults.length }));
  if (children.length) parts.push(`${t('children', { n: children.length })} (${t('ages', { ages: children.join(', '), count: children.length })})`);
  return parts.join(', ');
}

/** The regions where hosts take part in stays, sorted: the stays page's picker, the guest form's choices. */
export async function staysRegions() {
  const hosts = await get('/api/v1/hosts');
  return [...new Set(hosts.map((h) => h.host).filter((h) => h.programmes.includes('stays')).map((h) => h.region))].sort();
}

/** "ile-de-france" as "Ile-de-France": the Api's canonical name with capitals (as Region.DisplayName writes it). */
const linkWords = ['d', 'de', 'du', 'des', 'en', 'et', 'l', 'la', 'le', 'les', 'sur'];
export const regionName = (region) => region.split('-')
  .map((w, i) => (i > 0 && linkWords.includes(w) ? w : w.charAt(0).toUpperCase() + w.substring(1))).join('-');

export function say(message, kind = 'info') {
  const status = document.getElementById('status');
  status.textContent = message;
  status.className = `status ${kind}`;
}

const PROBLEM = 'urn:hostingmatch:problem:';
/** The kind of problem when the Api (or a proxy in front of it) sent no ProblemDetails type. */
const byStatus = { 403: 'forbidden', 404: 'not-found', 413: 'payload-too-large', 429: 'too-many-requests', 500: 'internal', 502: 'unavailable', 503: 'unavailable', 504: 'unavailable' };

/**
 * An error in the coordinator's words: the problem's kind (its ProblemDetails type) said in the page's language,
 * with the field errors of a validation; the Api's own sentence when the console does not know the kind.
 */
export function errorText(error) {
  if (!(error instanceof ApiError)) return t('networkError');
  const problem = error.problem;
  const type = typeof problem.type === 'string' && problem.type.startsWith(PROBLEM) ? problem.type.substring(PROBLEM.length) : byStatus[error.status];
  const apiWords = [...new Set([problem.title, problem.detail].filter(Boolean))].join(' ');
  if (type === 'conflict') {
    // A conflict the console explains in a sentence of its own; a refused move's rule after "not possible right now".
    if (problem.code && has(`conflict.${problem.code}`)) return t(`conflict.${problem.code}`);
    if (problem.code && has(`move.${problem.code}`)) return t('problem.conflict', { reason: t(`move.${problem.code}`) });
    return t('problem.conflict', { reason: problem.detail || problem.title || '' }).trim();
  }
  if (type === 'validation' || (error.status === 400 && error.fieldErrors.length)) {
    return [t('problem.validation'), ...error.fieldErrors].join(' ');
  }
  if (type && has(`problem.${type}`)) return t(`problem.${type}`);
  return t('error', { detail: [apiWords, ...error.fieldErrors].filter(Boolean).join(' ') || `HTTP ${error.status}` });
}

/** An error from a click, said in words on the status line. */
export function sayError(error) {
  // A 401 has already sent the page back to sign-in, which says why.
  if (error instanceof ApiError && error.status === 401) return say('');
  say(errorText(error), 'error');
}

/** Runs a button's action with the button disabled meanwhile, and says what went wrong if it did. */
export async function act(button, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  say(t('working'));
  try {
    await action();
  } catch (error) {
    sayError(error);
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/**
 * A code the Api explains (an unplaced reason, a refused move) in the coordinator's words: the Api's own sentence in
 * English, the code's meaning from i18n in French; the sentence, else the code, when i18n does not know it.
 */
export const inWords = (kind, code, sentence) => (language() === 'en' && sentence) || (has(`${kind}.${code}`) ? t(`${kind}.${code}`) : sentence || code || '');
export const reasonText = (code, detail) => inWords('reason', code, detail);

/**
 * How a household reaches its host, in words: a night plan's ride (vehicleLabel, leaveAt) or a request's stored one
 * (vehicle, leaveBaseAt).
 */
export function rideText(ride) {
  if (ride.way === 'vehicle') return t('rideVehicle', { vehicle: ride.vehicleLabel ?? ride.vehicle, trip: ride.trip, at: localClock(ride.arriveAt) });
  if (ride.way === 'host-fetches') return t('rideFetches', { at: localClock(ride.arriveAt) });
  return t('ridePublic', { leave: localClock(ride.leaveAt ?? ride.leaveBaseAt), at: localClock(ride.arriveAt) });
}

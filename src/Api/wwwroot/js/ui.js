// What every page of the console shares: the status line, button actions, and the night being looked at.
import { t, has, language, localClock } from './i18n.js';
import { ApiError } from './api.js';

let currentNight = () => null;

export const useNight = (getter) => { currentNight = getter; };
export const night = () => currentNight();

/** A host's capacity in words, on the board and the hosts page alike: beds, households at most, categories taken. */
export const capacity = (host) => `${t('beds', { beds: t('bedCount', { n: host.beds }), households: t('householdsMax', { n: host.maxHouseholds }) })}`
  + ` · ${t('accepts', { list: host.accepts.map((c) => t(`category.${c}`)).join(', ') })}`;

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

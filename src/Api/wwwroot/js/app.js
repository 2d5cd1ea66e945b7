// The console's start: language, session, which page. The board and the hosts page live in their own modules.
import { applyToPage, setLanguage, language, t } from './i18n.js';
import { call, get, useCsrfToken, whenSessionEnds, ApiError } from './api.js';
import { useNight, sayError } from './ui.js';
import * as board from './board.js';
import * as hosts from './hosts.js';
import * as reports from './reports.js';
import * as stays from './stays.js';

const $ = (id) => document.getElementById(id);
const pages = { board, hosts, reports, stays };
let session = null;

function show(pageId) {
  for (const id of ['sign-in-page', 'board-page', 'hosts-page', 'reports-page', 'stays-page']) $(id).hidden = id !== pageId;
  const signedIn = pageId !== 'sign-in-page';
  $('nav').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
  $('night-picker').hidden = pageId !== 'board-page';
}

/** No session in this tab any more: every page stops its readings. */
function forgetSession() {
  session = null;
  for (const page of Object.values(pages)) page.leave();
}

function showSignIn(message) {
  forgetSession();
  show('sign-in-page');
  $('sign-in-error').textContent = message ?? '';
  $('key').focus();
}

async function route() {
  if (!session) return;
  const name = { '#/hosts': 'hosts', '#/reports': 'reports', '#/stays': 'stays' }[location.hash] ?? 'board';
  for (const [other, page] of Object.entries(pages)) if (other !== name) page.leave();
  show(`${name}-page`);
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  await pages[name].enter();
}

async function loadSession() {
  try {
    session = await get('/console/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return false;
    throw error;
  }
  useCsrfToken(session.csrfToken);
  if (!$('night').value) $('night').value = session.night;
  return true;
}

async function signIn(key, fromAddress = false) {
  try {
    await call('POST', '/console/session', { key, fromAddress }, { signInAttempt: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return t('badKey');
    if (error instanceof ApiError && error.status === 403) return fromAddress ? t('keyInAddressRefused') : t('partnerKey');
    throw error;
  }
  // A new sign-in starts on tonight, not on the night the page showed before.
  $('night').value = '';
  return (await loadSession()) ? null : t('badKey');
}

async function start() {
  applyToPage();
  useNight(() => $('night').value || session?.night);
  whenSessionEnds(() => showSignIn(t('sessionEnded')));

  $('lang').addEventListener('click', () => {
    setLanguage(language() === 'fr' ? 'en' : 'fr');
    route().catch(sayError);
  });
  $('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = await signIn($('key').value).catch(() => t('networkError'));
    $('key').value = '';
    if (problem) showSignIn(problem);
    else route().catch(sayError);
  });
  $('sign-out').addEventListener('click', async () => {
    // Whatever the answer, the page is reloaded empty: no household or host stays in this tab's memory.
    await call('DELETE', '/console/session').catch(() => {});
    forgetSession();
    location.replace('/#signed-out');
    location.reload();
  });
  $('night').addEventListener('change', () => route().catch(sayError));
  window.addEventListener('hashchange', () => route().catch(sayError));

  // The demo's printed address carries a key (and its night) after '#': the fragment never reaches the server or its logs.
  const fragment = new URLSearchParams(location.hash.substring(1));
  const fromAddress = fragment.get('key');
  const nightInAddress = /^\d{4}-\d{2}-\d{2}$/.test(fragment.get('night') ?? '') ? fragment.get('night') : null;
  if (location.hash === '#signed-out' || fromAddress) history.replaceState(null, '', `${location.pathname}#/board`);

  let signedIn;
  try {
    signedIn = await loadSession();
  } catch {
    return showSignIn(t('networkError'));
  }

  // A key in the address opens a session only where there is none: it never replaces the one already open.
  if (!signedIn && fromAddress) {
    const problem = await signIn(fromAddress, true).catch(() => t('networkError'));
    if (problem) return showSignIn(problem);
    signedIn = true;
  }

  if (!signedIn) return showSignIn(fragment.has('signed-out') ? t('signedOut') : undefined);
  if (nightInAddress) $('night').value = nightInAddress;
  return route().catch(sayError);
}

start();

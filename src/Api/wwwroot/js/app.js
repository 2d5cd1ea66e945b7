// The console's start: language, session, which page. The board and the hosts page live in their own modules.
import { applyToPage, setLanguage, language, t } from './i18n.js';
import { call, get, useCsrfToken, whenSessionEnds, ApiError } from './api.js';
import { useNight } from './ui.js';
import * as board from './board.js';
import * as hosts from './hosts.js';

const $ = (id) => document.getElementById(id);
const pages = { board, hosts };
let session = null;

function show(pageId) {
  for (const id of ['sign-in-page', 'board-page', 'hosts-page']) $(id).hidden = id !== pageId;
  const signedIn = pageId !== 'sign-in-page';
  $('nav').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
  $('night-picker').hidden = pageId !== 'board-page';
}

function showSignIn(message) {
  session = null;
  for (const page of Object.values(pages)) page.leave();
  show('sign-in-page');
  $('sign-in-error').textContent = message ?? '';
  $('key').focus();
}

async function route() {
  if (!session) return;
  const name = location.hash === '#/hosts' ? 'hosts' : 'board';
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
  useNight(() => $('night').value || session?.night);
  return true;
}

async function signIn(key) {
  try {
    await call('POST', '/console/session', { key }, { signInAttempt: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return t('badKey');
    if (error instanceof ApiError && error.status === 403) return t('partnerKey');
    throw error;
  }
  return (await loadSession()) ? null : t('badKey');
}

async function start() {
  applyToPage();
  whenSessionEnds(() => showSignIn(t('sessionEnded')));

  $('lang').addEventListener('click', () => {
    setLanguage(language() === 'fr' ? 'en' : 'fr');
    route();
  });
  $('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = await signIn($('key').value).catch(() => t('networkError'));
    $('key').value = '';
    if (problem) showSignIn(problem);
    else route();
  });
  $('sign-out').addEventListener('click', async () => {
    await call('DELETE', '/console/session').catch(() => {});
    showSignIn(t('signedOut'));
  });
  $('night').addEventListener('change', () => route());
  window.addEventListener('hashchange', () => route());

  // The demo's printed address carries a key (and its night) after '#': the fragment never reaches the server or its logs.
  const fragment = new URLSearchParams(location.hash.substring(1));
  const fromAddress = fragment.get('key');
  if (/^\d{4}-\d{2}-\d{2}$/.test(fragment.get('night') ?? '')) $('night').value = fragment.get('night');
  if (fromAddress) {
    history.replaceState(null, '', location.pathname + '#/board');
    const problem = await signIn(fromAddress).catch(() => t('networkError'));
    if (problem) return showSignIn(problem);
    return route();
  }

  if (await loadSession().catch(() => false)) route();
  else showSignIn();
}

start();

// The hosts page: search, agreements to renew, SMS opt-out, and importing a CSV file with its line-by-line report.
import { t } from './i18n.js';
import { get, post, ApiError } from './api.js';
import { el, render, badge } from './dom.js';
import { say, sayError, act } from './ui.js';

const $ = (id) => document.getElementById(id);
let wired = false;
let searchTimer = null;

export async function enter() {
  wire();
  await search();
}

export function leave() {
  clearTimeout(searchTimer);
}

function wire() {
  if (wired) return;
  wired = true;
  $('host-search').addEventListener('submit', (event) => {
    event.preventDefault();
    search().catch(sayError);
  });
  $('host-query').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => search().catch(sayError), 250);
  });
  $('host-import').addEventListener('submit', (event) => {
    event.preventDefault();
    act(event.submitter ?? $('host-import').querySelector('[type=submit]'), importFile);
  });
}

async function search() {
  const query = $('host-query').value.trim();
  const hosts = await get(`/api/v1/hosts${query ? `?search=${encodeURIComponent(query)}` : ''}`);
  render($('host-list'), hosts, (list) => list.length === 0 ? el('li', {}, t('noHosts')) : list.map(({ host, agreementExpiresSoon, agreementExpired }) => {
    const agreement = agreementExpired ? 'expired' : agreementExpiresSoon ? 'expiring' : 'valid';
    return el('li', { class: `row host agreement-${agreement}`, dataset: { hostId: host.id, code: host.code, agreement } },
      el('div', { class: 'line' }, el('strong', {}, `${host.displayName} (${host.code})`),
        agreementExpired && badge('danger', t('expired')),
        agreementExpiresSoon && badge('warning', t('expiresSoon')),
        host.smsOptedOut ? badge('danger opt-out', t('optedOut')) : badge('muted', t('smsOk'))),
      el('div', { class: 'line muted' }, host.address, ' · ', host.phone),
      el('div', { class: 'line muted' }, t('beds', { beds: host.beds, households: host.maxHouseholds }), ' · ',
        t('accepts', { list: host.accepts.map((c) => t(`category.${c}`)).join(', ') }),
        host.minorsCertified && ` · ${t('minorsCertified')}`),
      el('div', { class: 'line' }, t('agreementUntil', { date: host.agreement.validUntil })));
  }));
}

async function importFile() {
  const file = $('csv-file').files[0];
  if (!file) return;
  const report = $('import-report');
  try {
    const result = await post('/api/v1/hosts/import', await file.text(), { contentType: 'text/csv' });
    report.replaceChildren(el('p', { class: 'ok' }, t('importDone', { created: result.created, updated: result.updated })));
    say(t('importDone', { created: result.created, updated: result.updated }), 'ok');
    await search();
  } catch (error) {
    if (!(error instanceof ApiError) || !error.problem.errors && error.status !== 422) throw error;
    const errors = Array.isArray(error.problem.errors) ? error.problem.errors : [];
    report.replaceChildren(
      el('p', { class: 'error' }, t('importFailed')),
      el('table', { class: 'report' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('line')), el('th', { scope: 'col' }, t('column')), el('th', { scope: 'col' }, t('problem')))),
        el('tbody', {}, errors.map((e) => el('tr', {}, el('td', {}, e.line), el('td', {}, e.column ?? ''), el('td', {}, e.problem))))));
    say(t('importFailed'), 'error');
  }
}

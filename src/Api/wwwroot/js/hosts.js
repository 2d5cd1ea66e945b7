// The hosts page: search, agreements to renew, SMS opt-out, and importing a CSV file with its line-by-line report.
import { t, longDate } from './i18n.js';
import { get, post, ApiError } from './api.js';
import { el, render, badge } from './dom.js';
import { say, sayError, act, capacity } from './ui.js';

const $ = (id) => document.getElementById(id);
let wired = false;
let searchTimer = null;
// Each search's number: an answer that comes back after a newer search's is dropped.
let searchSeq = 0;

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
  const seq = ++searchSeq;
  let hosts;
  try {
    hosts = await get(`/api/v1/hosts${query ? `?search=${encodeURIComponent(query)}` : ''}`);
  } catch (error) {
    // An older search's failure says nothing about the newer one's answer.
    if (seq !== searchSeq) return;
    throw error;
  }
  if (seq !== searchSeq) return;
  render($('host-list'), hosts, (list) => list.length === 0 ? el('li', {}, t('noHosts')) : list.map(({ host, agreementExpiresSoon, agreementExpired, nightsThisMonth }) => {
    const agreement = agreementExpired ? 'expired' : agreementExpiresSoon ? 'expiring' : 'valid';
    return el('li', { class: `row host agreement-${agreement}`, dataset: { hostId: host.id, code: host.code, agreement } },
      el('div', { class: 'line' }, el('strong', {}, `${host.displayName} (${host.code})`),
        agreementExpired && badge('danger', t('expired')),
        agreementExpiresSoon && badge('warning', t('expiresSoon')),
        host.smsOptedOut ? badge('danger opt-out', t('optedOut')) : badge('muted', t('smsOk'))),
      el('div', { class: 'line muted' }, host.address, ' · ', host.phone),
      el('div', { class: 'line muted' }, capacity(host),
        host.minorsCertified && ` · ${t('minorsCertified')}`),
      el('div', { class: 'line nights-this-month' }, host.maxNightsPerMonth
        ? t('nightsThisMonthOf', { n: nightsThisMonth ?? 0, max: host.maxNightsPerMonth })
        : t('nightsThisMonth', { n: nightsThisMonth ?? 0 })),
      el('div', { class: 'line' }, t('agreementUntil', { date: longDate(host.agreement.validUntil, { weekday: false }) })));
  }));
}

async function importFile() {
  const file = $('csv-file').files[0];
  if (!file) return;
  const report = $('import-report');
  try {
    const result = await post('/api/v1/hosts/import', await readText(file), { contentType: 'text/csv' });
    const done = t('importDone', { created: t('created', { n: result.created }), updated: t('updated', { n: result.updated }) });
    report.replaceChildren(el('p', { class: 'ok' }, done));
    await search().catch(() => {});
    say(done, 'ok');
  } catch (error) {
    if (!(error instanceof ApiError) || !error.problem.errors && error.status !== 422) throw error;
    // A 422 lists the file's lines; a 400 (validation) names the fields of the request: both shown as rows.
    const errors = Array.isArray(error.problem.errors) ? error.problem.errors
      : Object.entries(error.problem.errors ?? {}).flatMap(([field, list]) => [list].flat().map((problem) => ({ line: '', column: field, problem })));
    report.replaceChildren(
      el('p', { class: 'error' }, t('importFailed')),
      el('table', { class: 'report' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('line')), el('th', { scope: 'col' }, t('column')), el('th', { scope: 'col' }, t('problem')))),
        el('tbody', {}, errors.map((e) => el('tr', {}, el('td', {}, e.line), el('td', {}, e.column ?? ''), el('td', {}, e.problem))))));
    say(t('importFailed'), 'error');
  }
}

/**
 * The file's text. UTF-8 first; a file that is not (a CSV saved by French Excel on Windows is in Windows-1252)
 * decodes with U+FFFD replacement characters, and is read again as Windows-1252.
 */
async function readText(file) {
  const text = await file.text();
  if (!text.includes('\uFFFD')) return text;
  return new TextDecoder('windows-1252').decode(await file.arrayBuffer());
}

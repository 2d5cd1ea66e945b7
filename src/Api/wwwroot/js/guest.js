// The form that registers a guest of the stays programme, in its own dialog: a new household typed in (the stays page's
// "Nouvel hébergé"), or a one-night request's household moving in as itself (the board's "Vers les séjours"): its alias,
// members and nights without shelter are kept, so they are shown, not typed again. One call to the Api, which checks
// everything: a refusal changes nothing, the dialog stays open with what was typed and each field's error beside it.
import { t } from './i18n.js';
import { get, post, ApiError } from './api.js';
import { el } from './dom.js';
import { night, sayError, errorText, act, composition, regionName, staysRegions } from './ui.js';

const $ = (id) => document.getElementById(id);
const SEXES = ['female', 'male', 'other'];
// Household.MaxMembers: the Api refuses more.
const MAX_MEMBERS = 20;
let wired = false;
// The one-night request whose household moves in, or null for a new household.
let request = null;
let registered = async () => {};

/**
 * Opens the form. <request>: a one-night request (householdId, alias, members...) whose household moves in as itself;
 * none for a new household. <regions>: the stays regions the page already has, else read here. <onRegistered(guest)>
 * runs once the Api has registered the guest, after the dialog closed.
 */
export async function open({ request: from = null, regions = null, onRegistered }) {
  wire();
  const [choices, base] = await Promise.all([regions ?? staysRegions(), baseOfTheNight()]);
  request = from;
  registered = onRegistered;
  const form = $('guest-form');
  form.reset();
  clearErrors();
  $('guest-title').textContent = from ? t('guestMoveTitle', { alias: from.alias }) : t('guestNew');
  showHousehold(from);
  showMembers([{}]);
  showRegions(choices);
  $('guest-need-from').value = night() ?? '';
  if (base) {
    $('guest-waiting-at').value = base.name;
    $('guest-latitude').value = String(base.latitude);
    $('guest-longitude').value = String(base.longitude);
  }
  $('guest-dialog').showModal();
  (from ? $('guest-need-from') : $('guest-alias')).focus();
}

export function close() {
  if ($('guest-dialog').open) $('guest-dialog').close();
}

function wire() {
  if (wired) return;
  wired = true;
  $('guest-cancel').addEventListener('click', close);
  $('guest-add-member').addEventListener('click', () => {
    const list = members();
    if (list.length >= MAX_MEMBERS) return;
    showMembers([...list, {}]);
    $(`guest-member-${list.length}-age`).focus();
  });
  $('guest-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act(event.submitter ?? $('guest-form').querySelector('[type=submit]'), register);
  });
}

/** Where households wait by default: the base, as a partner's stays referral without waitingAt (none when it cannot be read). */
const baseOfTheNight = () => get(`/api/v1/nights/${night()}/map`).then((view) => view.map.base, () => null);

/** A moving household's own fields, shown in words; the fields to type a new one, otherwise (disabled: not checked, not sent). */
function showHousehold(from) {
  const shown = $('guest-household');
  shown.hidden = !from;
  shown.replaceChildren(...(from ? [el('strong', {}, from.alias), ` · ${composition(from.members)}`,
    from.vulnerable && ` · ${t('vulnerable')}`, from.needsWheelchairAccess && ` · ${t('wheelchair')}`].filter(Boolean) : []));
  $('guest-kept').hidden = !from;
  $('guest-household-fields').hidden = !!from;
  $('guest-household-fields').disabled = !!from;
}

/** One row per person (age and sex, never a name); a row can be removed while another is left. */
function showMembers(list) {
  $('guest-members').replaceChildren(...list.map((member, i) => {
    const id = (name) => `guest-member-${i}-${name}`;
    return el('fieldset', { class: 'member', dataset: { field: `members[${i}]` } },
      el('legend', {}, t('guestMember', { n: i + 1 })),
      el('div', {}, el('label', { for: id('age') }, t('guestAge')),
        el('input', { id: id('age'), type: 'number', min: '0', max: '120', step: '1', required: true, value: member.age ?? '', dataset: { field: `members[${i}].age` } })),
      el('div', {}, el('label', { for: id('sex') }, t('guestSex')),
        el('select', { id: id('sex'), required: true, dataset: { field: `members[${i}].sex` } },
          el('option', { value: '' }, t('guestSexChoose')),
          SEXES.map((sex) => el('option', { value: sex, selected: member.sex === sex }, t(`sex.${sex}`))))),
      el('button', { type: 'button', class: 'small', disabled: list.length === 1, onclick: () => removeMember(i) }, t('guestRemoveMember', { n: i + 1 })));
  }));
  $('guest-add-member').disabled = list.length >= MAX_MEMBERS;
}

function removeMember(index) {
  const list = members().filter((_, i) => i !== index);
  showMembers(list);
  $(`guest-member-${Math.min(index, list.length - 1)}-age`).focus();
}

/** The people as typed (an empty age is null: the Api names the field). */
const members = () => [...$('guest-members').querySelectorAll('fieldset.member')].map((row) => ({
  age: numberOrNull(row.querySelector('input')), sex: row.querySelector('select').value || null,
}));

function showRegions(regions) {
  $('guest-regions-hint').hidden = regions.length === 0;
  $('guest-region-list').replaceChildren(...(regions.length === 0 ? [el('p', { class: 'hint' }, t('guestNoRegions'))]
    : regions.map((region) => el('label', { class: 'check' }, el('input', { type: 'checkbox', value: region }), ` ${regionName(region)}`))));
}

const text = (id) => $(id).value.trim() || null;
const numberOrNull = (input) => (input.value === '' ? null : Number(input.value));

async function register() {
  clearErrors();
  const need = {
    needFrom: text('guest-need-from'),
    needUntil: text('guest-need-until'),
    regions: [...$('guest-region-list').querySelectorAll('input:checked')].map((box) => box.value),
    waitingAt: text('guest-waiting-at'),
    latitude: numberOrNull($('guest-latitude')),
    longitude: numberOrNull($('guest-longitude')),
  };
  const body = request ? { householdId: request.householdId, ...need } : {
    alias: text('guest-alias'), members: members(), vulnerable: $('guest-vulnerable').checked,
    needsWheelchairAccess: $('guest-wheelchair').checked, ...need,
  };
  let guest;
  try {
    guest = await post('/api/v1/stays/guests', body);
  } catch (error) {
    // A 401 has already sent the page back to sign-in; anything else is said in the dialog (the status line is behind it).
    if (error instanceof ApiError && error.status === 401) return;
    showProblem(error);
    sayError(error);
    return;
  }
  close();
  await registered(guest);
}

/** The Api's words for each field beside it (marked invalid), all of them at the top of the form; focus on the first. */
function showProblem(error) {
  $('guest-error').textContent = errorText(error);
  const fields = error instanceof ApiError ? Object.entries(error.problem.errors ?? {}) : [];
  const marked = [];
  for (const [field, messages] of fields) {
    const control = controlOf(field);
    if (!control) continue;
    const note = noteOf(control);
    note.append(...[messages].flat().map((message) => el('span', { lang: 'en' }, `${message} `)));
    if (control.matches('input, select')) control.setAttribute('aria-invalid', 'true');
    marked.push(control);
  }
  const first = marked.find((c) => !c.closest('[hidden]'));
  (first?.matches('input, select') ? first : first?.querySelector('input, select'))?.focus();
}

/** The field named by the Api's key (members[1].age), else the nearest enclosing one it names (members[1], members). */
function controlOf(field) {
  const controls = [...$('guest-form').querySelectorAll('[data-field]')];
  for (let key = field, shorter; key; key = shorter) {
    const control = controls.find((c) => c.dataset.field === key);
    if (control) return control;
    shorter = key.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
    if (shorter === key) return null;
  }
  return null;
}

/** The error note of a field, after it (inside it, for a group), named by its aria-describedby. */
function noteOf(control) {
  const id = `${control.id || control.dataset.field.replace(/\W/g, '-')}-error`;
  let note = document.getElementById(id);
  if (!note) {
    note = el('p', { id, class: 'error field-error' });
    if (control.matches('fieldset')) control.append(note);
    else control.after(note);
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
  }
  return note;
}

function clearErrors() {
  $('guest-error').textContent = '';
  for (const note of $('guest-form').querySelectorAll('.field-error')) {
    const control = $('guest-form').querySelector(`[aria-describedby~="${note.id}"]`);
    if (control) {
      const rest = control.getAttribute('aria-describedby').split(' ').filter((id) => id !== note.id).join(' ');
      if (rest) control.setAttribute('aria-describedby', rest);
      else control.removeAttribute('aria-describedby');
    }
    note.remove();
  }
  for (const invalid of $('guest-form').querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
}

// What every page of the console shares: the status line, button actions, and the night being looked at.
import { t } from './i18n.js';
import { ApiError } from './api.js';

let currentNight = () => null;

export const useNight = (getter) => { currentNight = getter; };
export const night = () => currentNight();

export function say(message, kind = 'info') {
  const status = document.getElementById('status');
  status.textContent = message;
  status.className = `status ${kind}`;
}

/** An error from a click, said in words: the Api's own sentence, field errors, or the network. */
export function sayError(error) {
  if (error instanceof ApiError) {
    const details = [error.problem.title, error.problem.detail, ...error.fieldErrors].filter(Boolean);
    say(t('error', { detail: [...new Set(details)].join(' ') }), 'error');
  } else {
    say(t('networkError'), 'error');
  }
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

// The console's one way to the Api: same origin, the session cookie, and the anti-forgery token on every change.

let csrfToken = null;
let onSessionEnded = () => {};

export const useCsrfToken = (token) => { csrfToken = token; };
export const whenSessionEnds = (handler) => { onSessionEnded = handler; };

/** An answer other than 2xx: its status and ProblemDetails (title, detail, code, errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** Field errors flattened to sentences, for a 400. */
  get fieldErrors() {
    return Object.entries(this.problem.errors ?? {}).flatMap(([field, list]) => list.map((m) => `${field}: ${m}`));
  }
}

/**
 * Calls the Api. A body that is a string goes as it is (CSV), anything else as JSON.
 * A 401 means the session ended (expired, or the key was revoked): the page goes back to sign-in.
 */
export async function call(method, path, body, { contentType = 'text/csv', signInAttempt = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-TOKEN'] = csrfToken;
  let payload;
  if (body !== undefined) {
    if (typeof body === 'string') {
      headers['Content-Type'] = contentType;
      payload = body;
    } else {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
  }

  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
  const text = await response.text();
  const data = text && (response.headers.get('Content-Type') ?? '').includes('json') ? JSON.parse(text) : null;
  if (response.status === 401 && !signInAttempt) {
    csrfToken = null;
    onSessionEnded();
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path) => call('GET', path);
export const post = (path, body, options) => call('POST', path, body, options);

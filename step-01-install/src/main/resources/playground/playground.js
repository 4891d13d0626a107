// The JWT playground: plain JavaScript, no library. It learns this step's endpoints from the API
// root, then calls them with fetch exactly as a client would, and shows every exchange raw.
// Server text only ever reaches the page through textContent, never as HTML.
'use strict';

(() => {
  // The claims Simple JWT itself sets; any other claim in a payload was added by the app (step 5).
  const STANDARD_CLAIMS = new Map([
    ['token_type', 'access or refresh'],
    ['exp', 'expires at'],
    ['iat', 'issued at'],
    ['jti', "the token's id (step 6 blacklists by it)"],
    ['user_id', 'the user'],
    ['nbf', 'not valid before'],
    ['aud', 'audience'],
    ['iss', 'issuer'],
  ]);
  const HEADER_MEANINGS = new Map([['alg', 'how it is signed'], ['typ', 'a JWT'], ['kid', 'which key signed it']]);
  const VIEWS = [
    ['public_view', 'anyone'],
    ['protected_view', 'logged-in users'],
    ['hello', 'logged-in users, class-based'],
    ['staff_view', 'staff only: 403 for others'],
    ['me', 'who the token says you are, no database lookup'],
    ['token_jwks', 'anyone: the public keys that verify the tokens'],
  ];
  const MAX_LOG_ENTRIES = 50;

  // The only place tokens live: this object, gone when the page is closed or reloaded.
  const session = { access: null, refresh: null, previousRefresh: null, refreshNote: '' };
  // Cookie mode (step 8 with JWT_AUTH_COOKIE): the tokens are in HttpOnly cookies this page cannot
  // read; it keeps only the session's CSRF token, which it must send with each unsafe request.
  const cookies = { loggedIn: false, csrf: null };
  let endpoints = {};
  const cookieMode = () => Boolean(endpoints.token_csrf);

  const byId = (id) => document.getElementById(id);

  /** An element with attributes and children (strings become text nodes, never HTML). */
  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== undefined && value !== null && value !== false) {
        element.setAttribute(name, value === true ? '' : value);
      }
    });
    children.flat().forEach((child) => {
      if (child !== null && child !== undefined) {
        element.append(child instanceof Node ? child : String(child));
      }
    });
    return element;
  }

  function say(message, kind) {
    const status = byId('status');
    status.textContent = message;
    status.className = kind || '';
  }

  // ---- talking to the server -------------------------------------------------------------------

  /** Sends one request, logs it, and returns {status, body} (body parsed when it is JSON). */
  async function send(method, path, { body, bearer } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (bearer && session.access && byId('send-access').checked) {
      headers.Authorization = 'Bearer ' + session.access;
    }
    if (cookieMode() && cookies.csrf && method !== 'GET') {
      headers['X-CSRFToken'] = cookies.csrf;
    }
    const started = performance.now();
    const entry = { method, path, headers, body, at: new Date() };
    try {
      const response = await fetch(path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: cookieMode() ? 'same-origin' : 'omit', cache: 'no-store',
      });
      entry.text = await response.text();
      entry.status = response.status;
      entry.statusText = response.statusText;
      entry.responseHeaders = [...response.headers];
    } catch (error) {
      entry.error = String(error);
    }
    entry.ms = Math.round(performance.now() - started);
    addToLog(entry);
    let parsed = null;
    try {
      parsed = JSON.parse(entry.text);
    } catch (ignored) {
      // not JSON: the log shows the text as it came
    }
    return { status: entry.status || 0, body: parsed };
  }

  /** "401 Unauthorized: Token is blacklisted", from any of the contract's error shapes. */
  function outcome(answer) {
    const body = answer.body || {};
    let reason = body.detail || body.message;
    if (reason && Array.isArray(body.messages) && body.messages[0]) {
      reason += ' (' + body.messages[0].message + ')'; // why the view refused the token: expired, wrong type...
    }
    if (!reason) {
      const firstField = Object.keys(body)[0];
      if (firstField && Array.isArray(body[firstField])) {
        reason = firstField + ': ' + body[firstField].join(' ');
      }
    }
    const line = answer.status ? String(answer.status) : 'No answer (is the server running?)';
    return reason ? line + ': ' + reason : line;
  }

  // ---- the actions -----------------------------------------------------------------------------

  async function logIn(event) {
    event.preventDefault();
    if (cookieMode()) {
      await logInWithCookies();
      return;
    }
    const username = byId('username').value;
    const answer = await send('POST', endpoints.token_obtain_pair,
      { body: { username, password: byId('password').value } });
    if (answer.status === 200 && answer.body.access) {
      session.access = answer.body.access;
      session.refresh = answer.body.refresh;
      session.previousRefresh = null;
      session.refreshNote = '';
      byId('password').value = '';
      renderTokens();
      say('Logged in as ' + username + ': the server sent an access token and a refresh token.', 'ok');
    } else {
      say(outcome(answer), 'error');
    }
  }

  async function logInWithCookies() {
    const username = byId('username').value;
    const form = await send('GET', endpoints.token_csrf);
    cookies.csrf = form.body && form.body.csrftoken;
    const answer = await send('POST', endpoints.token_obtain_pair,
      { body: { username, password: byId('password').value } });
    if (answer.status === 200 && answer.body.csrftoken) {
      cookies.csrf = answer.body.csrftoken;
      cookies.loggedIn = true;
      byId('password').value = '';
      renderTokens();
      say('Logged in as ' + username + ' with cookies: the tokens are in HttpOnly cookies that this page'
        + ' cannot read. It keeps only the CSRF token, and sends it as X-CSRFToken.', 'ok');
    } else {
      say(outcome(answer), 'error');
    }
  }

  async function refreshWithCookies() {
    const answer = await send('POST', endpoints.token_refresh);
    if (answer.status === 200) {
      cookies.csrf = answer.body.csrftoken;
      say('Refreshed: new tokens in the cookies, none in the answer.', 'ok');
    } else {
      say('Refresh refused → ' + outcome(answer), 'error');
    }
  }

  async function callView(path) {
    const answer = await send('GET', path, { bearer: true });
    say('GET ' + path + ' → ' + outcome(answer), answer.status === 200 ? 'ok' : 'error');
  }

  async function refresh(token) {
    if (cookieMode() && cookies.loggedIn && !session.refresh) {
      await refreshWithCookies();
      return;
    }
    const usingPrevious = token === session.previousRefresh && token !== session.refresh;
    const answer = await send('POST', endpoints.token_refresh, { body: { refresh: token || '' } });
    if (answer.status !== 200) {
      const reuse = usingPrevious && answer.body && answer.body.detail === 'Token is blacklisted';
      say('Refresh refused → ' + outcome(answer) + (reuse
        ? '. A reuse: with token families (step 8) the server has now revoked every token of this login,'
          + ' the current refresh token too. Try "Refresh".' : ''), 'error');
      return;
    }
    session.access = answer.body.access;
    if (answer.body.refresh) {
      session.previousRefresh = token;
      session.refresh = answer.body.refresh;
      session.refreshNote = 'new: rotated';
      say((usingPrevious ? 'The previous refresh token was still accepted. ' : '')
        + 'Refreshed with rotation: a new access token and a new refresh token, to use from now on.'
        + ' Try "Refresh with the previous token": a server with a blacklist (step 6) refuses it.', 'ok');
    } else {
      say('Refreshed: a new access token. The refresh token stays the same (this step does not rotate).', 'ok');
    }
    renderTokens();
  }

  async function verify(which) {
    const answer = await send('POST', endpoints.token_verify, { body: { token: session[which] || '' } });
    say('Verify the ' + which + ' token → ' + outcome(answer) + (answer.status === 200 ? ' (valid)' : ''),
      answer.status === 200 ? 'ok' : 'error');
  }

  async function logOut() {
    if (cookieMode() && cookies.loggedIn && !session.refresh) {
      const answer = await send('POST', endpoints.token_blacklist);
      cookies.loggedIn = answer.status !== 200;
      renderTokens();
      say('Log out → ' + outcome(answer) + (answer.status === 200 ? ': the server cleared the cookies.' : ''),
        answer.status === 200 ? 'ok' : 'error');
      return;
    }
    const answer = await send('POST', endpoints.token_blacklist, { body: { refresh: session.refresh || '' } });
    if (answer.status === 200) {
      session.refreshNote = 'blacklisted: you logged out';
      renderTokens();
      say('Logged out: the server blacklisted the refresh token, so refreshing with it now fails (try it).'
        + ' The access token still works until it expires: nothing looks access tokens up. A real client'
        + ' forgets both now; the playground keeps them so you can see that.', 'ok');
    } else {
      say('Log out → ' + outcome(answer), 'error');
    }
  }

  async function logOutEverywhere() {
    const answer = await send('POST', endpoints.token_blacklist_all, { bearer: true });
    if (answer.status === 200) {
      session.refreshNote = 'blacklisted: logged out everywhere';
      renderTokens();
      say('Logged out everywhere: ' + answer.body.blacklisted + ' refresh token(s) of yours blacklisted,'
        + ' on every device. The access token still works until it expires.', 'ok');
    } else {
      say('Log out everywhere → ' + outcome(answer), 'error');
    }
  }

  function forget() {
    Object.assign(session, { access: null, refresh: null, previousRefresh: null, refreshNote: '' });
    renderTokens();
    say('Tokens forgotten. No request was sent: before step 6, this is all that logging out can mean.', 'ok');
  }

  // ---- decoding and showing tokens ---------------------------------------------------------------

  function base64UrlJson(part) {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function decode(token) {
    const parts = token.split('.');
    try {
      return { parts, header: base64UrlJson(parts[0]), payload: base64UrlJson(parts[1]) };
    } catch (error) {
      return { parts, header: null, payload: null };
    }
  }

  /** "4 min 59 s", "14 d 23 h": how far a time in seconds is from now. */
  function distance(seconds) {
    const s = Math.abs(Math.round(seconds));
    const [d, h, m] = [Math.floor(s / 86400), Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60)];
    if (d) return d + ' d ' + h + ' h';
    if (h) return h + ' h ' + m + ' min';
    if (m) return m + ' min ' + (s % 60) + ' s';
    return s + ' s';
  }

  function countdownText(exp) {
    const left = exp - Date.now() / 1000;
    return left > 0 ? 'expires in ' + distance(left) : 'expired ' + distance(left) + ' ago';
  }

  function countdown(exp) {
    return el('span', { class: 'countdown', 'data-exp': exp }, countdownText(exp));
  }

  function tick() {
    document.querySelectorAll('.countdown').forEach((element) => {
      const exp = Number(element.dataset.exp);
      element.textContent = countdownText(exp);
      element.classList.toggle('expired', exp <= Date.now() / 1000);
    });
  }

  /** A time in seconds, as the clock on the wall says it (with the date unless it is today). */
  function wallTime(seconds) {
    const date = new Date(seconds * 1000);
    return date.toDateString() === new Date().toDateString() ? date.toLocaleTimeString() : date.toLocaleString();
  }

  /** A claim's value as the payload has it, and for times, when that is and how far away. */
  function claimValue(name, value) {
    if (value === undefined) {
      return el('span', { class: 'absent' }, '(none)');
    }
    const cell = [el('code', {}, JSON.stringify(value))];
    if ((name === 'exp' || name === 'iat') && typeof value === 'number') {
      cell.push(' ', el('span', { class: 'when' }, wallTime(value)));
      if (name === 'exp') {
        cell.push(el('br'), countdown(value));
      }
    }
    return cell;
  }

  /** A claim's name, and under it what it is for (or that the app added it). */
  function claimName(part, name) {
    const meaning = part === 'header' ? HEADER_MEANINGS.get(name)
      : STANDARD_CLAIMS.get(name) || el('span', { class: 'badge custom' }, 'custom claim');
    return el('th', { scope: 'row' }, el('code', {}, name), meaning ? [el('br'), el('span', { class: 'meaning' }, meaning)] : null);
  }

  /** One token as it travels: its name, how long it has left, and its three parts. */
  function encodedToken(id, title, decoded, note) {
    const heading = el('h3', { id: id + '-title' }, title);
    if (decoded.payload && typeof decoded.payload.exp === 'number') {
      heading.append(' ', countdown(decoded.payload.exp));
    }
    if (note) {
      heading.append(' ', el('span', { class: 'badge' + (note.startsWith('blacklisted') ? ' bad' : '') }, note));
    }
    const [header, payload, signature] = decoded.parts;
    return el('div', { class: 'token', id },
      heading,
      el('p', { class: 'encoded' },
        el('span', { class: 'part-header' }, header), '.',
        el('span', { class: 'part-payload' }, payload || ''), '.',
        el('span', { class: 'part-signature' }, signature || '')));
  }

  /** Both tokens decoded side by side: they differ in type, expiry and id, and share the rest. */
  function decodedTable(columns) {
    const names = (part) => [...new Set(columns.flatMap(({ decoded }) => Object.keys(decoded[part] || {})))];
    const section = (part, label) => el('tbody', {},
      el('tr', {}, el('th', { colspan: columns.length + 1, scope: 'rowgroup', class: 'part' }, label)),
      names(part).map((name) => el('tr', { class: part === 'payload' && !STANDARD_CLAIMS.has(name) ? 'custom' : null },
        claimName(part, name),
        columns.map(({ decoded }) => el('td', {}, claimValue(name, (decoded[part] || {})[name]))))));
    return el('table', { id: 'claims', class: 'claims' },
      el('caption', {}, 'Decoded: anyone can read a token; the signature only stops changes.'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'claim'),
        columns.map(({ label }) => el('th', { scope: 'col' }, label)))),
      section('header', 'Header'),
      section('payload', 'Payload'));
  }

  function renderTokens() {
    const tokens = byId('tokens');
    tokens.replaceChildren();
    const columns = [];
    if (session.access) {
      const decoded = decode(session.access);
      tokens.append(encodedToken('access-token', 'Access token', decoded));
      columns.push({ label: 'access', decoded });
    }
    if (session.refresh) {
      const decoded = decode(session.refresh);
      tokens.append(encodedToken('refresh-token', 'Refresh token', decoded, session.refreshNote));
      columns.push({ label: 'refresh', decoded });
    }
    if (columns.some(({ decoded }) => !decoded.payload)) {
      tokens.append(el('p', { class: 'error' }, 'Not a JWT this page can decode.'));
    } else if (columns.length) {
      tokens.append(decodedTable(columns));
    }
    if (cookies.loggedIn && !columns.length) {
      tokens.append(el('p', { id: 'cookie-tokens' }, 'In HttpOnly cookies: this page cannot read them. What it can read'
        + ' of document.cookie: ', el('code', {}, document.cookie || '(nothing)')));
    }
    byId('no-tokens').hidden = columns.length > 0 || cookies.loggedIn;
    byId('refresh-previous')?.toggleAttribute('hidden', !session.previousRefresh);
  }

  // ---- the log of exchanges ----------------------------------------------------------------------

  function requestText(entry) {
    const lines = [entry.method + ' ' + entry.path + ' HTTP/1.1'];
    Object.entries(entry.headers).forEach(([name, value]) => lines.push(name + ': ' + value));
    if (entry.body !== undefined) {
      const shown = 'password' in entry.body ? { ...entry.body, password: '•••••' } : entry.body;
      lines.push('', JSON.stringify(shown));
    }
    return lines.join('\n');
  }

  function responseText(entry) {
    if (entry.error) {
      return 'No response: ' + entry.error;
    }
    const lines = ['HTTP/1.1 ' + entry.status + ' ' + entry.statusText];
    entry.responseHeaders.forEach(([name, value]) => lines.push(name + ': ' + value));
    let body = entry.text;
    try {
      body = JSON.stringify(JSON.parse(entry.text), null, 2);
    } catch (ignored) {
      // shown as it came
    }
    lines.push('', body);
    return lines.join('\n');
  }

  function addToLog(entry) {
    const log = byId('log');
    log.querySelectorAll('details[open]').forEach((details) => details.removeAttribute('open'));
    const kind = entry.error || entry.status >= 400 ? 'error' : 'ok';
    const summary = el('summary', {},
      el('span', { class: 'status ' + kind }, entry.error ? 'failed' : entry.status + ' ' + entry.statusText), ' ',
      el('code', {}, entry.method + ' ' + entry.path), ' ',
      el('span', { class: 'when' }, entry.at.toLocaleTimeString() + ' · ' + entry.ms + ' ms'));
    log.prepend(el('li', { class: 'exchange' }, el('details', { open: true }, summary,
      el('h3', {}, 'Request'), el('pre', { class: 'request' }, requestText(entry)),
      el('h3', {}, 'Response'), el('pre', { class: 'response' }, responseText(entry)))));
    while (log.children.length > MAX_LOG_ENTRIES) {
      log.lastElementChild.remove();
    }
  }

  // ---- building the page from the endpoints ------------------------------------------------------

  function button(label, detail, onClick, id) {
    const b = el('button', { type: 'button', id }, label, ' ', el('span', { class: 'route' }, detail));
    b.addEventListener('click', onClick);
    return b;
  }

  function showActions() {
    document.querySelectorAll('[data-path]').forEach((span) => {
      span.textContent = endpoints[span.dataset.path] || '';
    });
    const views = VIEWS.filter(([name]) => endpoints[name]);
    byId('view-buttons').append(...views.map(([name, who]) =>
      button('GET ' + endpoints[name], who, () => callView(endpoints[name]), 'call-' + name)));
    byId('views').hidden = views.length === 0;

    const tokenButtons = [];
    if (endpoints.token_refresh) {
      tokenButtons.push(button('Refresh', 'POST ' + endpoints.token_refresh, () => refresh(session.refresh), 'refresh'));
      const previous = button('Refresh with the previous token', 'the one rotation replaced',
        () => refresh(session.previousRefresh), 'refresh-previous');
      previous.hidden = true;
      tokenButtons.push(previous);
    }
    if (endpoints.token_verify) {
      tokenButtons.push(button('Verify the access token', 'POST ' + endpoints.token_verify, () => verify('access'), 'verify-access'));
      tokenButtons.push(button('Verify the refresh token', 'POST ' + endpoints.token_verify, () => verify('refresh'), 'verify-refresh'));
    }
    byId('token-buttons').append(...tokenButtons);
    byId('token-actions').hidden = tokenButtons.length === 0;

    const logoutButtons = [];
    if (endpoints.token_blacklist) {
      logoutButtons.push(button('Log out', 'POST ' + endpoints.token_blacklist + ' (refresh token)', logOut, 'logout'));
    }
    if (endpoints.token_blacklist_all) {
      logoutButtons.push(button('Log out everywhere', 'POST ' + endpoints.token_blacklist_all + ' (access token)',
        logOutEverywhere, 'logout-all'));
    }
    byId('logout-buttons').prepend(...logoutButtons);

    byId('endpoints').tBodies[0].append(...Object.entries(endpoints).map(([name, path]) =>
      el('tr', {}, el('td', {}, el('code', {}, name)), el('td', {}, el('code', {}, path)))));
  }

  async function start() {
    byId('login').addEventListener('submit', logIn);
    byId('forget').addEventListener('click', forget);
    byId('clear-log').addEventListener('click', () => byId('log').replaceChildren());
    const root = await send('GET', '/api/');
    if (root.status !== 200 || !root.body) {
      say('Could not read the API root: ' + outcome(root), 'error');
      return;
    }
    endpoints = root.body;
    if (cookieMode()) {
      byId('storage-note').replaceChildren(el('strong', {}, 'Kept in HttpOnly cookies:'), ' this server is in cookie'
        + ' mode, so after a login through this page the browser holds the tokens and sends them itself. No'
        + ' script can read them, this one included; it keeps only the CSRF token, useless without them.');
    }
    showActions();
    renderTokens();
    setInterval(tick, 1000);
    document.body.dataset.ready = 'true'; // for the browser tests: the endpoints are in place
  }

  start();
})();

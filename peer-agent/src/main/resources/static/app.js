// p2pnet agent UI: vanilla JS over the agent's own control API (/api/v1, docs/agent-control.md).
// No build step and nothing from the internet; live updates from the SSE stream /api/v1/events,
// with polling while the stream is down.
'use strict';

const $ = (selector, root = document) => root.querySelector(selector);
const PIECE_COLOURS = ['#bbb', '#2f6fdb', '#1a7f37', '#c62828']; // missing, in flight, verified, failed
const PIECE_REFRESH_MS = 1000;
const POLL_MS = 2000;
const downloads = new Map(); // id -> {view, element, piecesFetchedAt}
const joinedRooms = new Map(); // room -> chat element
let loggedIn = false; // true when this page got in with a web session (see /api/v1/session)
let csrfToken = null; // the web session's CSRF token: every change made with the session cookie sends it

// ---------- helpers ----------

async function api(method, path, body) {
  const options = { method, headers: { Accept: 'application/json, application/problem+json' } };
  if (csrfToken && method !== 'GET') {
    options.headers['X-CSRF-Token'] = csrfToken;
  }
  if (body instanceof FormData) {
    options.body = body;
  } else if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  if (response.status === 401 && loggedIn) {
    location.assign('/login'); // the web session ended (expired, logged out elsewhere)
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error((data && (data.detail || data.title)) || `${method} ${path}: HTTP ${response.status}`);
  }
  return data;
}

function showError(error) {
  const box = $('#error');
  box.textContent = error ? String(error.message || error) : '';
  box.hidden = !error;
}

/** Runs an action from a button or form, showing its error instead of losing it. */
function guarded(action) {
  return async (event) => {
    if (event) event.preventDefault();
    try {
      showError(null);
      await action(event);
    } catch (error) {
      showError(error);
    }
  };
}

function formatBytes(bytes) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

function formatEta(view) {
  const left = view.size - view.verifiedBytes;
  if (left <= 0) return 'done';
  if (!view.downloadRate) return '–';
  const seconds = Math.ceil(left / view.downloadRate);
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function isFileLink(text) {
  return /^(magnet:\?|ed2k:\/\/\|file\|)/i.test(text);
}

async function addLink(link, sources = []) {
  await api('POST', '/api/v1/downloads', { link, sources, mirrors: [] });
  await refreshDownloads();
  location.hash = '#downloads';
}

// ---------- views ----------

function showView() {
  const id = (location.hash || '#downloads').slice(1);
  const current = document.getElementById(id) && document.getElementById(id).classList.contains('view')
      ? id : 'downloads';
  document.querySelectorAll('.view').forEach((view) => view.classList.toggle('current', view.id === current));
  document.querySelectorAll('nav a').forEach((link) => {
    if (link.getAttribute('href') === `#${current}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  if (current === 'rooms') refreshRooms().catch(showError);
  if (current === 'settings') refreshSettings().catch(showError);
}

// ---------- downloads ----------

function downloadElement(id) {
  let entry = downloads.get(id);
  if (!entry) {
    const node = $('#download-template').content.firstElementChild.cloneNode(true);
    node.dataset.id = id;
    node.querySelectorAll('button[data-action]').forEach((button) => {
      button.addEventListener('click', guarded(() => downloadAction(id, button.dataset.action)));
    });
    $('#download-list .empty')?.remove();
    $('#download-list').append(node);
    entry = { element: node, piecesFetchedAt: 0 };
    downloads.set(id, entry);
  }
  return entry;
}

function renderDownload(view) {
  const entry = downloadElement(view.id);
  entry.view = view;
  const node = entry.element;
  const fraction = view.size > 0 ? view.verifiedBytes / view.size : 0;
  $('.name', node).textContent = view.name || view.id;
  $('.size', node).textContent = formatBytes(view.size);
  $('.state', node).textContent = view.state.toLowerCase();
  node.dataset.state = view.state;
  $('.rate', node).textContent = `${formatBytes(view.downloadRate)}/s down, ${formatBytes(view.uploadRate)}/s up`;
  $('.eta', node).textContent = formatEta(view);
  $('progress', node).value = fraction;
  $('.percent', node).textContent = `${Math.floor(fraction * 100)} %`;
  $('.error-text', node).textContent = view.error || '';
  $('.source-count', node).textContent = view.sources.length;
  const sources = $('.sources ul', node);
  sources.replaceChildren(...view.sources.map((source) => element('li', {},
      `${source.address} (${source.network}): ${formatBytes(source.rate || 0)}/s, ${formatBytes(source.bytes)}`
      + `${source.banned ? ', banned' : ''}`)));
  $('[data-action=pause]', node).disabled = view.state !== 'DOWNLOADING' && view.state !== 'QUEUED';
  $('[data-action=resume]', node).disabled = view.state !== 'PAUSED' && view.state !== 'FAILED';
  maybeRefreshPieces(entry);
}

/** The piece map is fetched at most once a second per download, not on every event. */
function maybeRefreshPieces(entry) {
  const now = Date.now();
  if (now - entry.piecesFetchedAt < PIECE_REFRESH_MS && entry.view.state === 'DOWNLOADING') return;
  entry.piecesFetchedAt = now;
  api('GET', `/api/v1/downloads/${encodeURIComponent(entry.view.id)}/pieces`)
    .then((pieces) => drawPieces($('canvas.pieces', entry.element), pieces.map))
    .catch(() => { /* the download may just have been cancelled */ });
}

function drawPieces(canvas, map) {
  const width = Math.max(1, Math.floor(canvas.clientWidth)) || 300;
  canvas.width = width;
  const context = canvas.getContext('2d');
  const count = map.length;
  for (let x = 0; x < width && count > 0; x++) {
    // several pieces per pixel: show the "worst" (failed over missing over in flight over verified)
    const from = Math.floor((x * count) / width);
    const to = Math.max(from + 1, Math.floor(((x + 1) * count) / width));
    let state = 2;
    for (let i = from; i < to; i++) {
      const piece = map.charCodeAt(i) - 48;
      if (piece === 3) { state = 3; break; }
      if (piece === 0) state = 0;
      else if (piece === 1 && state !== 0) state = 1;
    }
    context.fillStyle = PIECE_COLOURS[state];
    context.fillRect(x, 0, 1, canvas.height);
  }
}

async function downloadAction(id, action) {
  if (action === 'cancel') {
    await api('DELETE', `/api/v1/downloads/${encodeURIComponent(id)}`);
    downloads.get(id)?.element.remove();
    downloads.delete(id);
    return;
  }
  renderDownload(await api('POST', `/api/v1/downloads/${encodeURIComponent(id)}/${action}`));
}

async function refreshDownloads() {
  const views = await api('GET', '/api/v1/downloads');
  const seen = new Set(views.map((view) => view.id));
  views.forEach(renderDownload);
  [...downloads.keys()].filter((id) => !seen.has(id)).forEach((id) => {
    downloads.get(id).element.remove();
    downloads.delete(id);
  });
}

async function submitAdd() {
  const link = $('#add-link').value.trim();
  const sources = $('#add-sources').value.split(',').map((s) => s.trim()).filter(Boolean);
  const file = $('#add-torrent').files[0];
  if (file) {
    await uploadTorrent(file, sources);
    $('#add-torrent').value = '';
  } else if (link) {
    await addLink(link, sources);
    $('#add-link').value = '';
  } else {
    throw new Error('Paste a magnet or ed2k link, or choose a .torrent file.');
  }
  $('#add-sources').value = '';
}

async function uploadTorrent(file, sources) {
  const form = new FormData();
  form.append('torrent', file, file.name);
  sources.forEach((source) => form.append('sources', source));
  renderDownload(await api('POST', '/api/v1/downloads', form));
}

function setUpDropZone() {
  const zone = $('#add-form');
  zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('dragging'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', guarded(async (event) => {
    zone.classList.remove('dragging');
    const file = event.dataTransfer.files[0];
    if (file) {
      await uploadTorrent(file, []);
    } else {
      const text = event.dataTransfer.getData('text/plain').trim();
      if (isFileLink(text)) await addLink(text);
    }
  }));
}

// ---------- shares ----------

const shares = new Map(); // path -> element

function linkRow(label, value) {
  const row = element('div', { class: 'link-row' });
  const input = element('input', { type: 'text', readonly: '', 'aria-label': label });
  input.value = value;
  const copy = element('button', { type: 'button' }, `Copy ${label}`);
  copy.addEventListener('click', guarded(async () => {
    input.select();
    if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(value);
    else document.execCommand('copy');
    copy.textContent = 'Copied';
    setTimeout(() => { copy.textContent = `Copy ${label}`; }, 1500);
  }));
  row.append(input, copy);
  return row;
}

function renderShare(view, removed) {
  let node = shares.get(view.path);
  if (removed) {
    node?.remove();
    shares.delete(view.path);
    return;
  }
  if (!node) {
    node = element('article', { class: 'share' });
    $('#share-list .empty')?.remove();
    $('#share-list').append(node);
    shares.set(view.path, node);
  }
  const title = element('h3', {}, view.name);
  const meta = element('p', { class: 'meta' }, `${formatBytes(view.size)} · ${view.state.toLowerCase()} · `
      + `uploaded ${formatBytes(view.uploaded || 0)} · ${view.path}`);
  const parts = [title, meta];
  if (view.state === 'HASHING') {
    const bar = element('progress', { max: '1', 'aria-label': `hashing ${view.name}` });
    bar.value = view.progress;
    parts.push(bar);
  }
  if (view.error) parts.push(element('p', { class: 'error-text' }, view.error));
  if (view.ed2kLink) parts.push(linkRow('ed2k link', view.ed2kLink));
  if (view.magnet) parts.push(linkRow('magnet link', view.magnet));
  node.replaceChildren(...parts);
}

async function refreshShares() {
  const views = await api('GET', '/api/v1/shares');
  const seen = new Set(views.map((view) => view.path));
  views.forEach((view) => renderShare(view, false));
  [...shares.keys()].filter((path) => !seen.has(path)).forEach((path) => renderShare({ path }, true));
}

// ---------- search ----------

async function search() {
  const q = $('#search-q').value.trim();
  const hits = await api('GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
  const results = $('#search-results');
  if (hits.length === 0) {
    results.replaceChildren(element('p', { class: 'empty' }, `Nothing found for “${q}”.`));
    return;
  }
  const table = element('table');
  const head = element('tr');
  ['name', 'size', 'seeders', 'leechers', ''].forEach((h) => head.append(element('th', { scope: 'col' }, h)));
  table.append(head);
  hits.forEach((hit) => {
    const row = element('tr');
    row.append(element('td', {}, hit.path || hit.torrentName), element('td', {}, formatBytes(hit.size)),
        element('td', {}, hit.seeders), element('td', {}, hit.leechers));
    const button = element('button', { type: 'button' }, 'Download');
    const link = `magnet:?xt=urn:btih:${hit.infoHash}&dn=${encodeURIComponent(hit.torrentName)}&xl=${hit.size}`;
    button.addEventListener('click', guarded(() => addLink(link)));
    const cell = element('td');
    cell.append(button);
    row.append(cell);
    table.append(row);
  });
  const wrap = element('div', { class: 'table-wrap' });
  wrap.append(table);
  results.replaceChildren(wrap);
}

// ---------- rooms ----------

async function createRoom() {
  const name = $('#room-name').value.trim();
  const topic = $('#room-topic').value.trim();
  const room = await api('POST', '/api/v1/rooms', { name, topic: topic || null, private: $('#room-private').checked });
  $('#room-created').textContent = `Created room ${room.name}`
      + (room.inviteCode ? ` (private, invite code ${room.inviteCode})` : '');
  $('#room-form').reset();
  await refreshRooms();
}

async function refreshRooms() {
  const [rooms, joined] = await Promise.all([api('GET', '/api/v1/rooms'), api('GET', '/api/v1/rooms/joined')]);
  joined.forEach((membership) => chatFor(membership.room));
  const list = $('#room-list');
  if (rooms.length === 0) {
    list.replaceChildren(element('p', { class: 'empty' }, 'No rooms in the network.'));
    return;
  }
  list.replaceChildren(...rooms.map((room) => {
    const row = element('div', { class: 'room', 'data-room': room.name });
    row.append(element('strong', {}, room.name), ` (${room.users} users) ${room.topic || ''} `);
    const join = element('button', { type: 'button' }, joinedRooms.has(room.name) ? 'Joined' : `Join ${room.name}`);
    join.disabled = joinedRooms.has(room.name);
    join.addEventListener('click', guarded(async () => {
      await api('POST', `/api/v1/rooms/${encodeURIComponent(room.name)}/join`);
      chatFor(room.name);
      join.textContent = 'Joined';
      join.disabled = true;
    }));
    row.append(join);
    return row;
  }));
}

function chatFor(room) {
  let chat = joinedRooms.get(room);
  if (chat) return chat;
  chat = element('section', { class: 'chat', 'data-room': room, 'aria-label': `chat in ${room}` });
  const log = element('ol', { 'aria-live': 'polite' });
  const form = element('form');
  const id = `say-${joinedRooms.size}`;
  const label = element('label', { for: id }, `Message to ${room}`);
  const input = element('input', { id, type: 'text', maxlength: '4000', autocomplete: 'off' });
  const send = element('button', { type: 'submit' }, 'Send');
  const leave = element('button', { type: 'button' }, `Leave ${room}`);
  form.append(label, input, send, leave);
  form.addEventListener('submit', guarded(async () => {
    const text = input.value.trim();
    if (!text) return;
    const link = text.split(/\s+/).find(isFileLink);
    await api('POST', `/api/v1/rooms/${encodeURIComponent(room)}/messages`, { text, link: link || null });
    input.value = '';
  }));
  leave.addEventListener('click', guarded(async () => {
    await api('POST', `/api/v1/rooms/${encodeURIComponent(room)}/leave`);
    chat.remove();
    joinedRooms.delete(room);
    refreshRooms().catch(showError);
  }));
  chat.append(element('h3', {}, room), log, form);
  $('#joined-rooms').append(chat);
  joinedRooms.set(room, chat);
  loadHistory(room, log).catch(showError);
  return chat;
}

async function loadHistory(room, log) {
  const history = await api('GET', `/api/v1/rooms/${encodeURIComponent(room)}/messages?limit=50`);
  (Array.isArray(history) ? history : []).forEach((event) => appendRoomEvent(log, event));
}

function appendRoomEvent(log, event) {
  if (event.id !== undefined && log.querySelector(`li[data-id="${CSS.escape(String(event.id))}"]`)) return;
  const item = element('li', event.id !== undefined ? { 'data-id': String(event.id) } : {});
  if (event.type === 'message') {
    item.append(element('span', { class: 'nick' }, `${event.nickname}: `));
    (event.text || '').split(/(\s+)/).forEach((word) => {
      if (isFileLink(word)) item.append(downloadLinkButton(word));
      else item.append(word);
    });
    if (event.link && !(event.text || '').includes(event.link)) item.append(' ', downloadLinkButton(event.link));
  } else {
    item.className = 'system';
    item.textContent = `${event.nickname || ''} ${event.type}${event.text ? `: ${event.text}` : ''}`;
  }
  log.append(item);
  log.scrollTop = log.scrollHeight;
}

/** A file link in a chat message is a button: activating it starts the download. */
function downloadLinkButton(link) {
  const name = /dn=([^&]+)/.exec(link)?.[1] || /^ed2k:\/\/\|file\|([^|]+)/i.exec(link)?.[1] || 'file';
  const button = element('button', { type: 'button', class: 'file-link', title: link },
      `Download ${decodeURIComponent(name)}`);
  button.addEventListener('click', guarded(() => addLink(link)));
  return button;
}

// ---------- settings ----------

async function refreshSettings() {
  const settings = await api('GET', '/api/v1/settings');
  $('#download-limit').value = Math.round(settings.downloadLimit / 1024);
  $('#upload-limit').value = Math.round(settings.uploadLimit / 1024);
  await refreshRoots();
  $('#network-status').textContent = JSON.stringify(await api('GET', '/api/v1/network'), null, 2);
}

async function refreshRoots() {
  const roots = await api('GET', '/api/v1/shares/roots');
  const list = $('#share-roots');
  if (roots.length === 0) {
    list.replaceChildren(element('li', { class: 'empty' }, 'Nothing shared yet.'));
    return;
  }
  list.replaceChildren(...roots.map((root) => {
    const item = element('li', { 'data-path': root.path, 'data-origin': root.origin });
    item.append(element('code', {}, root.path), ' ');
    if (root.origin === 'CONFIGURED') {
      item.append(element('span', { class: 'origin' }, '(configuration: p2pnet.agent.shared-dirs)'));
    } else {
      const remove = element('button', { type: 'button', 'aria-label': `Stop sharing ${root.path}` }, 'Stop sharing');
      remove.addEventListener('click', guarded(async () => {
        await api('DELETE', `/api/v1/shares/roots?path=${encodeURIComponent(root.path)}`);
        await Promise.all([refreshRoots(), refreshShares()]);
      }));
      item.append(element('span', { class: 'origin' }, '(added here) '), remove);
    }
    return item;
  }));
}

async function saveLimits() {
  const kib = (id) => Math.round(Number($(id).value) * 1024);
  await api('PUT', '/api/v1/settings', { downloadLimit: kib('#download-limit'), uploadLimit: kib('#upload-limit') });
  await refreshSettings();
}

async function shareDirectory() {
  const path = $('#share-dir').value.trim();
  (await api('POST', '/api/v1/shares', { path })).forEach((view) => renderShare(view, false));
  $('#share-dir').value = '';
  await refreshRoots();
}

// ---------- live updates ----------

let pollTimer = null;

function setLive(text) {
  $('#live').textContent = text;
}

function startPolling() {
  if (pollTimer) return;
  setLive('live stream down: polling');
  pollTimer = setInterval(() => {
    refreshDownloads().catch(() => setLive('agent unreachable'));
    refreshShares().catch(() => {});
  }, POLL_MS);
}

function stopPolling() {
  clearInterval(pollTimer);
  pollTimer = null;
}

function connectEvents() {
  if (!window.EventSource) {
    startPolling();
    return;
  }
  const source = new EventSource('/api/v1/events');
  source.onopen = () => {
    stopPolling();
    setLive('live');
    // catch up on whatever changed while the stream was down
    refreshDownloads().catch(showError);
    refreshShares().catch(showError);
  };
  source.onerror = () => startPolling(); // EventSource reconnects by itself; poll meanwhile
  source.addEventListener('download', (message) => renderDownload(JSON.parse(message.data)));
  source.addEventListener('share', (message) => {
    const event = JSON.parse(message.data);
    renderShare(event.share, event.removed);
  });
  source.addEventListener('room', (message) => {
    const event = JSON.parse(message.data);
    const chat = chatFor(event.room);
    appendRoomEvent($('ol', chat), event.event);
  });
}

// ---------- start ----------

document.body.classList.add('js');
window.addEventListener('hashchange', showView);
$('#add-form').addEventListener('submit', guarded(submitAdd));
$('#search-form').addEventListener('submit', guarded(search));
$('#rooms-refresh').addEventListener('click', guarded(refreshRooms));
$('#room-form').addEventListener('submit', guarded(createRoom));
$('#limits-form').addEventListener('submit', guarded(saveLimits));
$('#share-dir-form').addEventListener('submit', guarded(shareDirectory));
setUpDropZone();
api('GET', '/api/v1/session').then((session) => {
  loggedIn = session.via === 'session';
  csrfToken = session.csrfToken || null;
  $('#logout-form').hidden = !loggedIn;
}).catch(() => {});
// logging out is a change like any other: it needs the session's CSRF token, which a form cannot send
$('#logout-form').addEventListener('submit', guarded(async () => {
  const response = await fetch('/logout', { method: 'POST', headers: { 'X-CSRF-Token': csrfToken || '' } });
  if (!response.ok) {
    throw new Error(`Log out failed: HTTP ${response.status}`);
  }
  location.assign('/login'); // the answer followed the redirect to /login already; show it
}));
showView();
refreshDownloads().catch(showError);
refreshShares().catch(showError);
api('GET', '/api/v1/rooms/joined').then((joined) => joined.forEach((m) => chatFor(m.room))).catch(() => {});
connectEvents();

'use strict';
// Regen Studio's page: plain JS over the studio's /api (README.md, "Regen Studio").

const $ = (id) => document.getElementById(id);
const state = { model: null, summary: null, directions: [], explore: { seed: 1, n: 1, index: 0 },
  restore: null, run: null };

function say(text, error) {
  $('status').textContent = text;
  $('status').classList.toggle('error', Boolean(error));
}

async function api(path, options) {
  const response = await fetch(path, options);
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

const postJson = (path, body) => api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body) });

/** Runs an action, showing its failure on the page instead of losing it. */
async function attempt(what, action) {
  say(what + '...');
  try {
    await action();
    say(what + ': done');
  } catch (e) {
    say(what + ' failed: ' + e.message, true);
  }
}

const query = (params) => new URLSearchParams(params).toString();
const blobUrl = async (response) => URL.createObjectURL(await response.blob());
const readFile = (file) => new Promise((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(reader.result);
  reader.onerror = () => reject(new Error('cannot read ' + file.name));
  reader.readAsDataURL(file);
});

// Models and tabs.

async function loadModels() {
  const models = await (await api('/api/models')).json();
  const list = $('models');
  list.replaceChildren();
  for (const m of models) {
    const item = document.createElement('li');
    item.dataset.name = m.name;
    item.textContent = m.name + (m.kind ? ' (' + m.kind + ')' : ' (broken)');
    item.classList.toggle('broken', Boolean(m.error));
    item.onclick = () => pick(m);
    list.appendChild(item);
  }
  say(models.length ? models.length + ' models; pick one' : 'no models in the studio folder yet: train one');
}

async function pick(summary) {
  state.model = summary.name;
  state.summary = summary;
  state.fromImage = null;
  state.toImage = null;
  for (const li of $('models').children) li.classList.toggle('selected', li.dataset.name === summary.name);
  if (summary.error) {
    $('model-info').textContent = summary.error;
    showTabs([]);
    say(summary.name + ' cannot be used: ' + summary.error, true);
    return;
  }
  $('model-info').textContent = summary.kind + ', ' + summary.channels + 'x' + summary.height + 'x' + summary.width
    + (summary.latent ? ', latent ' + summary.latent : '') + (summary.classes ? ', ' + summary.classes + ' classes' : '')
    + ', ' + summary.epochs + ' epochs' + (summary.trainedOn ? ', trained to undo ' + summary.trainedOn : '')
    + '\n' + summary.layers;
  const labels = $('label');
  labels.replaceChildren(new Option('each row its own', ''));
  for (let k = 0; k < summary.classes; k++) labels.appendChild(new Option('class ' + k, String(k)));
  $('label-picker').hidden = summary.classes === 0;
  const ways = $('translate-direction');
  ways.replaceChildren(...summary.directions.map((d) => new Option(d, d)));
  showRestoreChoices(summary);
  showTabs(summary.uses);
  if (summary.uses.includes('explore')) await attempt('loading directions', loadDirections);
  const first = summary.uses[0] || 'training';
  openTab(first);
  if (first === 'generate') await attempt('generating', generate);
}

const METHOD_NAMES = { optimisation: 'latent search', posterior: 'posterior sampling',
  projection: 'projection (VAE)', network: 'the network (trained for this damage)' };

/** The restoration methods the model takes, its default first; a restoration network keeps to the damage it learned. */
function showRestoreChoices(summary) {
  $('method').replaceChildren(...summary.methods.map((m) => new Option(METHOD_NAMES[m] || m, m)));
  for (const option of $('task').options) option.disabled = Boolean(summary.task) && option.value !== summary.task;
  if (!summary.task) return;
  $('task').value = summary.task;
  // The damage it learned sets the strength it is shown (noise:0.2, blur:1, down:4).
  const [kind, value] = summary.trainedOn.split(':');
  if (kind === 'noise' || kind === 'blur') $('sigma').value = value;
  if (kind === 'down') $('factor').value = value;
}

function showTabs(uses) {
  for (const button of $('tabs').children) {
    button.hidden = button.dataset.use !== undefined && !uses.includes(button.dataset.use);
  }
}

function openTab(name) {
  for (const button of $('tabs').children) button.classList.toggle('active', button.dataset.tab === name);
  for (const panel of document.querySelectorAll('.panel')) panel.classList.toggle('active', panel.id === 'panel-' + name);
  if (name === 'training') attempt('loading runs', refreshTraining);
  if (name === 'explore' && state.summary && state.summary.uses.includes('explore')) explore();
}

// Generate.

async function generate() {
  const params = { model: state.model, seed: $('seed').value, n: $('count').value, columns: 8 };
  if ($('label').value !== '') params.label = $('label').value;
  $('sample-grid').src = await blobUrl(await api('/api/sample.png?' + query(params)));
}

function openSample(event) {
  const grid = $('sample-grid');
  const n = Number($('count').value);
  const columns = 8;
  const rows = Math.ceil(n / columns);
  const box = grid.getBoundingClientRect();
  const column = Math.min(columns - 1, Math.floor((event.clientX - box.left) / box.width * columns));
  const row = Math.min(rows - 1, Math.floor((event.clientY - box.top) / box.height * rows));
  const index = row * columns + column;
  if (index >= n) return;
  state.explore = { seed: Number($('seed').value), n: n, index: index };
  openTab('explore');
  attempt('exploring sample ' + index, explore);
}

// Explore: sliders along the model's directions; one request in flight, the latest position wins.

async function loadDirections() {
  const answer = await (await api('/api/directions?' + query({ model: state.model }))).json();
  state.directions = answer.directions;
  $('explore-source').textContent = 'Directions: ' + answer.source;
  const sliders = $('sliders');
  sliders.replaceChildren();
  const edit = $('edit-direction');
  edit.replaceChildren();
  answer.directions.forEach((d, i) => {
    const label = document.createElement('label');
    label.title = '1 moves ' + d.meaning;
    const slider = document.createElement('input');
    Object.assign(slider, { type: 'range', min: -3, max: 3, step: 0.1, value: 0, className: 'direction-slider' });
    slider.dataset.index = i;
    slider.oninput = () => explore();
    label.append(d.name + ' ', slider);
    sliders.appendChild(label);
    edit.appendChild(new Option(d.name, d.name));
  });
}

let exploring = false;
let exploreAgain = false;

async function explore() {
  if (exploring) { exploreAgain = true; return; }
  exploring = true;
  try {
    do {
      exploreAgain = false;
      const amounts = [...document.querySelectorAll('.direction-slider')].map((s) => s.value).join(',');
      const params = { model: state.model, seed: state.explore.seed, n: state.explore.n, index: state.explore.index,
        columns: 8, amounts: amounts };
      if ($('label').value !== '') params.label = $('label').value;
      const old = $('explore-image').src;
      $('explore-image').src = await blobUrl(await api('/api/explore.png?' + query(params)));
      if (old.startsWith('blob:')) URL.revokeObjectURL(old);
    } while (exploreAgain);
  } catch (e) {
    say('exploring failed: ' + e.message, true);
  } finally {
    exploring = false;
  }
}

async function endOf(which) {
  const file = $(which + '-file').files[0];
  if (state[which + 'Image']) return { image: state[which + 'Image'] };
  if (file) return { image: await readFile(file) };
  return { seed: Number($(which + '-seed').value) };
}

async function interpolate() {
  const body = { model: state.model, from: await endOf('from'), to: await endOf('to'), steps: Number($('steps').value) };
  if ($('label').value !== '') body.label = Number($('label').value);
  $('interpolation').src = await blobUrl(await postJson('/api/interpolate.png', body));
}

async function loadTestImages() {
  const answer = await (await api('/api/test-images?' + query({ model: state.model, n: 16 }))).json();
  const strip = $('test-images');
  strip.replaceChildren();
  for (const url of answer.images) {
    const image = new Image();
    image.src = url;
    image.title = 'click: start here; shift-click: end here';
    image.onclick = (event) => {
      state[event.shiftKey ? 'toImage' : 'fromImage'] = url;
      say((event.shiftKey ? 'end' : 'start') + ' set to a test image');
    };
    strip.appendChild(image);
  }
}

// Restore: the upload drawn on a canvas at its own size; the mask is a bitmap of the same size.

async function loadRestoreImage() {
  const file = $('restore-file').files[0];
  if (!file) return;
  const url = await readFile(file);
  const image = new Image();
  await new Promise((resolve, reject) => {
    image.onload = resolve;
    image.onerror = () => reject(new Error(file.name + ' is not an image the browser can show'));
    image.src = url;
  });
  const canvas = $('restore-canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  state.restore = { url: url, image: image, mask: new Uint8Array(canvas.width * canvas.height) };
  paintRestoreCanvas();
}

function paintRestoreCanvas() {
  const canvas = $('restore-canvas');
  const context = canvas.getContext('2d');
  const r = state.restore;
  context.drawImage(r.image, 0, 0);
  const overlay = context.getImageData(0, 0, canvas.width, canvas.height);
  for (let p = 0; p < r.mask.length; p++) {
    if (r.mask[p]) overlay.data.set([255, 0, 0, 255], p * 4);
  }
  context.putImageData(overlay, 0, 0);
}

let lastPoint = null;

/** Marks the brush's square at the pointer as missing, and along the way from the last point, so fast strokes leave no gaps. */
function drawMask(event) {
  const r = state.restore;
  if (!r) return;
  const canvas = $('restore-canvas');
  const box = canvas.getBoundingClientRect();
  // The canvas keeps its aspect inside a square box: map the pointer through the drawn area.
  const scale = Math.min(box.width / canvas.width, box.height / canvas.height);
  const x0 = box.left + (box.width - canvas.width * scale) / 2;
  const y0 = box.top + (box.height - canvas.height * scale) / 2;
  const point = [(event.clientX - x0) / scale, (event.clientY - y0) / scale];
  const from = lastPoint || point;
  const steps = Math.max(1, Math.ceil(Math.hypot(point[0] - from[0], point[1] - from[1])));
  const radius = Number($('brush').value);
  for (let s = 0; s <= steps; s++) {
    const cx = Math.floor(from[0] + (point[0] - from[0]) * s / steps);
    const cy = Math.floor(from[1] + (point[1] - from[1]) * s / steps);
    for (let y = cy - radius; y <= cy + radius; y++) {
      for (let x = cx - radius; x <= cx + radius; x++) {
        if (x >= 0 && y >= 0 && x < canvas.width && y < canvas.height) r.mask[y * canvas.width + x] = 1;
      }
    }
  }
  lastPoint = point;
  paintRestoreCanvas();
}

/** The mask as a PNG of pure black and white: white where pixels are missing. */
function maskPng() {
  const canvas = document.createElement('canvas');
  canvas.width = $('restore-canvas').width;
  canvas.height = $('restore-canvas').height;
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(canvas.width, canvas.height);
  state.restore.mask.forEach((missing, p) => {
    const v = missing ? 255 : 0;
    pixels.data.set([v, v, v, 255], p * 4);
  });
  context.putImageData(pixels, 0, 0);
  return canvas.toDataURL('image/png');
}

async function restore() {
  if (!state.restore) throw new Error('upload an image first');
  const task = $('task').value;
  if (task === 'inpaint' && !state.restore.mask.some((m) => m)) throw new Error('draw the missing region first');
  const body = { model: state.model, image: state.restore.url, task: task, method: $('method').value,
    sigma: Number($('sigma').value), factor: Number($('factor').value),
    damage: $('already-damaged').checked ? 'observed' : 'apply', samples: 8 };
  if (task === 'inpaint') body.mask = maskPng();
  const answer = await (await postJson('/api/restore', body)).json();
  $('damaged-image').src = answer.damaged;
  $('restored-image').src = answer.restored;
  $('restored-download').href = answer.restored;
  $('restored-download').hidden = false;
  $('restore-samples').hidden = !answer.samples;
  if (answer.samples) $('restore-samples').src = answer.samples;
  $('restore-note').textContent = answer.method + ', ' + answer.damage + (answer.resized ? '; ' + answer.resized : '')
    + (answer.samples ? '; posterior samples show the spread' : '');
}

// Edit and translate.

async function edit() {
  const file = $('edit-file').files[0];
  if (!file) throw new Error('upload an image first');
  const answer = await (await postJson('/api/edit', { model: state.model, image: await readFile(file),
    direction: $('edit-direction').value, amount: Number($('edit-amount').value) })).json();
  $('edit-input').src = answer.input;
  $('edited-image').src = answer.edited;
  $('edit-note').textContent = (100 * answer.editedShare).toFixed(1) + '% of pixels changed by more than 0.05';
}

async function translate() {
  const file = $('translate-file').files[0];
  if (!file) throw new Error('upload an image first');
  const image = await readFile(file);
  const answer = await (await postJson('/api/translate', { model: state.model, image: image,
    direction: $('translate-direction').value })).json();
  $('translate-input').src = image;
  $('translated-image').src = answer.translated;
  $('translate-note').textContent = answer.padded ? 'translated (padded to the generators\' multiple and cropped back)'
    : 'translated';
}

// Training: runs, their curves and samples, and jobs; refreshed every few seconds while open.

async function refreshTraining() {
  const runs = await (await api('/api/runs')).json();
  const list = $('runs');
  list.replaceChildren();
  for (const run of runs) {
    const item = document.createElement('li');
    item.dataset.name = run.name;
    item.textContent = run.error ? run.name + ': ' + run.error : run.name + ': ' + run.epochs
      + (run.totalEpochs ? ' of ' + run.totalEpochs : '') + ' epochs' + (run.finished ? ', finished' : '');
    item.classList.toggle('selected', run.name === state.run);
    item.onclick = () => { state.run = run.name; attempt('loading ' + run.name, refreshTraining); };
    list.appendChild(item);
  }
  if (state.run) await showRun(state.run);
  await refreshJobs();
}

async function showRun(name) {
  const answer = await (await api('/api/runs/metrics?' + query({ run: name }))).json();
  $('run-title').textContent = name;
  drawCurve(answer.epochs);
  if (answer.epochs.length) {
    $('run-samples').src = '/api/runs/samples.png?' + query({ run: name, epoch: answer.epochs.length });
  }
}

function drawCurve(epochs) {
  const svg = $('loss-curve');
  svg.replaceChildren();
  if (!epochs.length) return;
  // A metric both halves report (a VAE's -elbo; CycleGAN's cycle), else the training loss alone.
  const key = Object.keys(epochs[0].train).find((k) => k in epochs[0].test) || Object.keys(epochs[0].train)[0];
  const series = [['train', epochs.map((e) => e.train[key])], ['test', epochs.map((e) => e.test[key])]]
    .filter(([, values]) => values.every((v) => typeof v === 'number'));
  const all = series.flatMap(([, values]) => values);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const x = (i) => 30 + (epochs.length === 1 ? 170 : i * 360 / (epochs.length - 1));
  const y = (v) => 180 - (hi === lo ? 80 : (v - lo) / (hi - lo) * 160);
  const colours = { train: '#23395d', test: '#c0392b' };
  for (const [name, values] of series) {
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('points', values.map((v, i) => x(i) + ',' + y(v)).join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', colours[name]);
    line.setAttribute('stroke-width', '2');
    svg.appendChild(line);
  }
  const caption = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  caption.setAttribute('x', '30');
  caption.setAttribute('y', '14');
  caption.textContent = key + ' by epoch (train blue, test red): ' + lo.toFixed(2) + ' to ' + hi.toFixed(2);
  svg.appendChild(caption);
}

async function refreshJobs() {
  const jobs = await (await api('/api/jobs')).json();
  const body = $('jobs').tBodies[0];
  body.replaceChildren();
  for (const job of jobs) {
    const row = body.insertRow();
    for (const text of [job.id, job.run, job.state, job.message]) row.insertCell().textContent = text;
    const cell = row.insertCell();
    if (job.state === 'queued' || job.state === 'running') {
      const cancel = document.createElement('button');
      cancel.textContent = 'Cancel';
      cancel.onclick = () => attempt('cancelling job ' + job.id,
        async () => { await api('/api/jobs/' + job.id, { method: 'DELETE' }); await refreshJobs(); });
      cell.appendChild(cancel);
    }
  }
}

async function queueJob(event) {
  event.preventDefault();
  const form = new FormData($('job-form'));
  const body = {};
  for (const [key, value] of form.entries()) {
    if (value !== '') body[key] = ['epochs', 'batch'].includes(key) ? Number(value) : value;
  }
  await postJson('/api/jobs', body);
  await refreshJobs();
}

// Wiring.

for (const button of $('tabs').children) button.onclick = () => openTab(button.dataset.tab);
$('generate-button').onclick = () => attempt('generating', generate);
$('sample-grid').onclick = openSample;
$('reset-sliders').onclick = () => {
  document.querySelectorAll('.direction-slider').forEach((s) => { s.value = 0; });
  explore();
};
$('interpolate-button').onclick = () => attempt('interpolating', interpolate);
// The latest choice of an end wins: a file, a seed typed, or a test image clicked.
$('from-file').onchange = () => { state.fromImage = null; };
$('to-file').onchange = () => { state.toImage = null; };
$('from-seed').oninput = () => { state.fromImage = null; $('from-file').value = ''; };
$('to-seed').oninput = () => { state.toImage = null; $('to-file').value = ''; };
$('restore-file').onchange = () => attempt('reading the image', loadRestoreImage);
$('clear-mask').onclick = () => { if (state.restore) { state.restore.mask.fill(0); paintRestoreCanvas(); } };
$('restore-button').onclick = () => attempt('restoring', restore);
let drawing = false;
$('restore-canvas').onmousedown = (event) => { drawing = true; lastPoint = null; drawMask(event); };
$('restore-canvas').onmousemove = (event) => { if (drawing) drawMask(event); };
window.addEventListener('mouseup', () => { drawing = false; });
$('edit-amount').oninput = () => { $('edit-amount-value').textContent = $('edit-amount').value; };
$('edit-button').onclick = () => attempt('editing', edit);
$('translate-button').onclick = () => attempt('translating', translate);
$('job-form').onsubmit = (event) => attempt('queueing the training', () => queueJob(event));
document.querySelector('[data-tab="explore"]').addEventListener('click',
  () => { if (state.summary && state.summary.uses.includes('explore')) loadTestImages().catch(() => {}); });
setInterval(() => {
  if ($('panel-training').classList.contains('active')) refreshTraining().catch((e) => say(e.message, true));
}, 3000);
showTabs([]);
openTab('training');
attempt('loading models', loadModels);

/**
 * The page's script, served as `GET /app.js`: vanilla JavaScript, no build step, no dependencies.
 * It reads the chosen file's schema (`POST /v1/schema`), offers its columns, runs `POST /v1/evaluate`, shows the
 * headline metrics and the HTML report (`POST /v1/report.html`) in a sandboxed iframe, and lists server-side jobs.
 */
export const APP_JS = String.raw`'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var file = null;
  var columns = [];
  var jobsTimer = null;
  var TYPES = [
    [/\.arrows$/i, 'application/vnd.apache.arrow.stream'],
    [/\.(arrow|feather|ipc)$/i, 'application/vnd.apache.arrow.file'],
    [/\.(parquet|pq)$/i, 'application/vnd.apache.parquet'],
    [/\.csv$/i, 'text/csv']
  ];
  var DEFAULTS = {
    label: ['label', 'y', 'target', 'y_true', 'actual', 'truth'],
    score: ['score', 'p', 'prob', 'proba', 'probability', 'y_score', 'pred_proba'],
    pred: ['pred', 'prediction', 'y_pred', 'yhat', 'predicted'],
    query: ['query', 'qid', 'query_id', 'group']
  };
  var HEADLINE = ['roc_auc', 'average_precision', 'log_loss', 'brier', 'accuracy', 'precision', 'recall', 'f1',
    'macro_f1', 'rmse', 'mae', 'r2', 'ndcg', 'map'];

  function headers(extra) {
    var h = extra || {};
    var token = $('token');
    if (token && token.value) h.Authorization = 'Bearer ' + token.value.trim();
    return h;
  }

  function showError(text) {
    var box = $('error');
    box.textContent = text;
    box.hidden = false;
    box.focus();
  }
  function clearError() { $('error').hidden = true; $('error').textContent = ''; }

  async function call(url, init) {
    var res = await fetch(url, init);
    if (!res.ok) {
      var text = await res.text();
      var message = 'HTTP ' + res.status;
      try {
        var body = JSON.parse(text);
        if (body && body.error) message = body.error.message + ' (' + body.error.code + ', HTTP ' + res.status + ')';
      } catch (e) { if (text) message += ': ' + text.slice(0, 300); }
      if (res.status === 401 && !$('token')) message += ' Reload the page to enter a token.';
      throw new Error(message);
    }
    return res;
  }

  function contentType(name) {
    for (var i = 0; i < TYPES.length; i++) if (TYPES[i][0].test(name)) return TYPES[i][1];
    return null;
  }

  function fill(select, names, wanted, optional) {
    select.textContent = '';
    if (optional) select.add(new Option('(none)', ''));
    names.forEach(function (n) { select.add(new Option(n, n)); });
    if (wanted !== undefined) select.value = wanted;
  }

  function pick(list) {
    var names = columns.map(function (c) { return c.name; });
    for (var i = 0; i < list.length; i++) {
      var hit = names.find(function (n) { return n.toLowerCase() === list[i]; });
      if (hit) return hit;
    }
    return undefined;
  }

  function showTaskFields() {
    var task = $('task').value;
    document.querySelectorAll('[data-tasks]').forEach(function (el) {
      var on = el.getAttribute('data-tasks').split(' ').indexOf(task) >= 0;
      el.hidden = !on;
      el.querySelectorAll('select, input').forEach(function (c) { c.disabled = !on; });
    });
  }

  async function chooseFile(f) {
    clearError();
    file = f;
    columns = [];
    $('columns-set').disabled = true;
    $('run').disabled = true;
    var type = contentType(f.name);
    if (!type) {
      showError('Cannot read ' + f.name + ': choose an Arrow (.arrow, .arrows), Parquet (.parquet) or CSV (.csv) file.');
      $('file-info').textContent = 'No usable file chosen.';
      return;
    }
    $('file-info').textContent = 'Reading the columns of ' + f.name + '…';
    try {
      var res = await call('/v1/schema', { method: 'POST', headers: headers({ 'Content-Type': type }), body: f });
      var schema = await res.json();
      columns = schema.columns;
      var names = columns.map(function (c) { return c.name; });
      var numeric = columns.filter(function (c) { return /^(Float|Int|Uint|Bool|Decimal)/i.test(c.type); }).map(function (c) { return c.name; });
      var label = pick(DEFAULTS.label) || names[0];
      var score = pick(DEFAULTS.score) || numeric.find(function (n) { return n !== label; }) || names[1];
      fill($('label'), names, label);
      fill($('score'), names, score);
      fill($('pred'), names, pick(DEFAULTS.pred) || names.find(function (n) { return n !== label; }));
      fill($('query'), names, pick(DEFAULTS.query));
      fill($('scores'), names);
      fill($('labels'), names);
      fill($('by'), names, '', true);
      $('file-info').textContent = f.name + ': ' + (schema.rows !== undefined ? schema.rows + ' rows, ' : '') +
        columns.length + ' columns (' + columns.map(function (c) { return c.name + ': ' + c.type; }).join(', ') + ').';
      $('columns-set').disabled = false;
      $('run').disabled = false;
      showTaskFields();
    } catch (e) {
      $('file-info').textContent = 'Could not read ' + f.name + '.';
      showError(e.message);
    }
  }

  function options() {
    var q = new URLSearchParams();
    q.set('task', $('task').value);
    ['label', 'score', 'pred', 'query', 'threshold', 'by'].forEach(function (id) {
      var el = $(id);
      if (!el.disabled && el.value !== '') q.set(id, el.value);
    });
    if (!$('curves').disabled && $('curves').checked) q.set('curves', 'true');
    ['scores', 'labels'].forEach(function (id) {
      var el = $(id);
      if (el.disabled) return;
      var values = Array.from(el.selectedOptions).map(function (o) { return o.value; });
      if (values.length > 0) q.set(id, values.join(','));
    });
    return q;
  }

  function format(v) {
    if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
    return String(v);
  }

  async function showReport(report) {
    var dl = $('summary');
    dl.textContent = '';
    var add = function (k, v, id) {
      var dt = document.createElement('dt'); dt.textContent = k;
      var dd = document.createElement('dd'); dd.textContent = v; if (id) dd.id = id;
      dl.append(dt, dd);
    };
    add('task', report.task);
    add('rows', format(report.rows));
    var metrics = report.metrics || {};
    HEADLINE.filter(function (k) { return k in metrics; }).forEach(function (k) { add(k, format(metrics[k]), 'metric-' + k); });
    if (report.warnings && report.warnings.length) add('warnings', report.warnings.map(function (w) { return w.code; }).join(', '));
    var res = await call('/v1/report.html', { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(report) });
    $('report-frame').srcdoc = await res.text();
    $('result').hidden = false;
  }

  async function run(event) {
    event.preventDefault();
    clearError();
    if (!file) { showError('Choose a file first.'); return; }
    if ($('token') && !$('token').value) { showError('Enter the bearer token first.'); $('token').focus(); return; }
    $('run').disabled = true;
    $('result').hidden = true;
    $('run-status').textContent = 'Evaluating…';
    try {
      var res = await call('/v1/evaluate?' + options().toString(), {
        method: 'POST', headers: headers({ 'Content-Type': contentType(file.name) }), body: file
      });
      var report = JSON.parse(await res.text());
      $('run-status').textContent = 'Rendering the report…';
      await showReport(report);
      $('run-status').textContent = 'Done: ' + report.rows + ' rows.';
    } catch (e) {
      $('run-status').textContent = 'Failed.';
      showError(e.message);
    } finally {
      $('run').disabled = false;
    }
  }

  function jobRow(job) {
    var tr = document.createElement('tr');
    var cell = function (content) { var td = document.createElement('td'); td.append(content); tr.append(td); return td; };
    cell(job.path);
    cell(job.status + (job.error ? ': ' + job.error.message : ''));
    var p = job.progress || {};
    var bar = document.createElement('progress');
    bar.max = 1;
    if (job.status === 'done') bar.value = 1;
    else if (p.totalBytes) bar.value = Math.min(1, p.bytesRead / p.totalBytes);
    else if (job.status !== 'running') bar.value = 0;
    bar.setAttribute('aria-label', 'progress of ' + job.path);
    cell(bar);
    cell(String(p.rows || 0));
    var actions = cell('');
    if (job.hasReport) {
      var view = document.createElement('button');
      view.type = 'button'; view.textContent = 'View report';
      view.setAttribute('aria-label', 'View the report of ' + job.path);
      view.addEventListener('click', function () { viewJob(job.id); });
      actions.append(view);
    }
    if (job.status === 'queued' || job.status === 'running') {
      var cancel = document.createElement('button');
      cancel.type = 'button'; cancel.textContent = 'Cancel';
      cancel.setAttribute('aria-label', 'Cancel the job on ' + job.path);
      cancel.addEventListener('click', async function () {
        try { await call('/v1/jobs/' + job.id, { method: 'DELETE', headers: headers() }); } catch (e) { showError(e.message); }
        refreshJobs();
      });
      actions.append(cancel);
    }
    return tr;
  }

  async function viewJob(id) {
    clearError();
    try {
      var res = await call('/v1/jobs/' + id, { headers: headers() });
      var job = JSON.parse(await res.text());
      await showReport(job.report);
      $('result').scrollIntoView();
    } catch (e) { showError(e.message); }
  }

  async function refreshJobs() {
    clearTimeout(jobsTimer);
    if ($('token') && !$('token').value) { $('jobs-status').textContent = 'Enter the token to see jobs.'; return; }
    try {
      var res = await call('/v1/jobs', { headers: headers() });
      var jobs = (await res.json()).jobs;
      var body = document.querySelector('#jobs-table tbody');
      body.textContent = '';
      jobs.forEach(function (j) { body.append(jobRow(j)); });
      var active = jobs.filter(function (j) { return j.status === 'queued' || j.status === 'running'; }).length;
      $('jobs-status').textContent = jobs.length === 0 ? 'No jobs yet.' : active > 0 ? active + ' running or queued; refreshing.' : jobs.length + ' jobs.';
      if (active > 0) jobsTimer = setTimeout(refreshJobs, 1000);
    } catch (e) { $('jobs-status').textContent = 'Could not list jobs: ' + e.message; }
  }

  async function startJob(event) {
    event.preventDefault();
    clearError();
    var path = $('job-path').value.trim();
    if (!path) { showError('Enter the path of a file in the server\'s data directory.'); $('job-path').focus(); return; }
    var typed = $('job-options').value.trim();
    var q = file && !typed ? options() : new URLSearchParams(typed);
    var opts = {};
    q.forEach(function (v, k) { opts[k] = v; });
    try {
      await call('/v1/jobs', { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify({ path: path, options: opts }) });
      refreshJobs();
    } catch (e) { showError(e.message); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var token = $('token');
    if (token) {
      token.value = sessionStorage.getItem('modelperf-token') || '';
      token.addEventListener('change', function () { sessionStorage.setItem('modelperf-token', token.value); refreshJobs(); });
    }
    $('file').addEventListener('change', function () { if (this.files[0]) chooseFile(this.files[0]); });
    var zone = $('drop-zone');
    zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      zone.classList.remove('over');
      if (e.dataTransfer.files[0]) chooseFile(e.dataTransfer.files[0]);
    });
    $('task').addEventListener('change', showTaskFields);
    $('evaluate-form').addEventListener('submit', run);
    $('job-form').addEventListener('submit', startJob);
    $('jobs-refresh').addEventListener('click', refreshJobs);
    showTaskFields();
    refreshJobs();
  });
})();
`;

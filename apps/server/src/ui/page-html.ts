/**
 * The web page at `GET /`: plain HTML and CSS, no build step and no network beyond this server. Its script is
 * `GET /app.js` ({@link APP_JS}).
 *
 * @param options - `auth`: the server wants a bearer token, so the page asks for it
 * @returns the HTML text
 */
export function pageHtml(options: { auth: boolean }): string {
  const token = options.auth
    ? `<section aria-labelledby="token-h"><h2 id="token-h">Access</h2>
<p><label for="token">Bearer token</label> <input id="token" name="token" type="password" autocomplete="off" required aria-describedby="token-help">
<span id="token-help" class="help">This server needs a token; it is kept in this tab only and sent as <code>Authorization: Bearer</code>.</span></p></section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>modelperf</title>
<link rel="icon" href="data:,">
<style>${PAGE_STYLE}</style>
<script src="/app.js" defer></script>
</head>
<body data-auth="${options.auth ? 'bearer' : 'none'}">
<header><h1>modelperf</h1><p class="help">Exact evaluation metrics for a prediction file. <a href="/docs">API docs</a></p></header>
<main>
${token}
<form id="evaluate-form" novalidate>
<fieldset><legend>1. Prediction file</legend>
<label id="drop-zone" for="file" class="drop">Choose or drop a file: Arrow (<code>.arrow</code>, <code>.arrows</code>), Parquet or CSV
<input id="file" name="file" type="file" accept=".arrow,.arrows,.feather,.ipc,.parquet,.pq,.csv"></label>
<p id="file-info" class="help" role="status" aria-live="polite">No file chosen.</p>
</fieldset>
<fieldset id="columns-set" disabled><legend>2. Task and columns</legend>
<div class="grid">
<p><label for="task">Task</label><select id="task" name="task">
<option value="binary">binary classification</option><option value="multiclass">multiclass classification</option>
<option value="multilabel">multilabel classification</option><option value="regression">regression</option><option value="ranking">ranking</option>
</select></p>
<p data-tasks="binary multiclass regression ranking"><label for="label">Label column</label><select id="label" name="label"></select></p>
<p data-tasks="binary ranking"><label for="score">Score column</label><select id="score" name="score"></select></p>
<p data-tasks="multiclass regression"><label for="pred">Prediction column</label><select id="pred" name="pred"></select></p>
<p data-tasks="multiclass multilabel"><label for="scores">Score columns (one per class)</label><select id="scores" name="scores" multiple size="4"></select></p>
<p data-tasks="multilabel"><label for="labels">Label columns</label><select id="labels" name="labels" multiple size="4"></select></p>
<p data-tasks="ranking"><label for="query">Query column</label><select id="query" name="query"></select></p>
<p data-tasks="binary multilabel"><label for="threshold">Threshold</label><input id="threshold" name="threshold" type="number" step="any" min="0" max="1" value="0.5"></p>
<p data-tasks="binary"><input id="curves" name="curves" type="checkbox" checked> <label for="curves">Curves and their charts (ROC, PR, threshold sweep)</label></p>
<p><label for="by">Slice by (optional)</label><select id="by" name="by"></select></p>
</div>
</fieldset>
<p><button id="run" type="submit" disabled>Run evaluation</button> <span id="run-status" role="status" aria-live="polite"></span></p>
</form>
<div id="error" class="error" role="alert" tabindex="-1" hidden></div>
<section id="result" aria-labelledby="result-h" hidden>
<h2 id="result-h">Report</h2>
<dl id="summary" class="summary"></dl>
<iframe id="report-frame" title="Evaluation report" sandbox="allow-same-origin"></iframe>
</section>
<section aria-labelledby="jobs-h">
<h2 id="jobs-h">Jobs on server files</h2>
<form id="job-form" novalidate>
<p><label for="job-path">File path (relative to the server's data directory)</label> <input id="job-path" name="path" type="text" required>
<button type="submit">Start job</button></p>
<p class="help">The job uses the task and columns chosen above, or those typed here when no file is loaded.</p>
<p><label for="job-options">Options (query-string form)</label> <input id="job-options" name="options" type="text" placeholder="task=binary&amp;label=label&amp;score=score" size="40"></p>
</form>
<p><button id="jobs-refresh" type="button">Refresh jobs</button> <span id="jobs-status" role="status" aria-live="polite"></span></p>
<table id="jobs-table"><caption class="sr-only">Jobs</caption><thead><tr><th scope="col">File</th><th scope="col">Status</th><th scope="col">Progress</th><th scope="col">Rows</th><th scope="col">Actions</th></tr></thead>
<tbody></tbody></table>
</section>
</main>
</body>
</html>
`;
}

const PAGE_STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.4; }
body { margin: 0; background: #f6f7f9; color: #1b1f24; }
header, main { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
h1 { margin: 1rem 0 0; }
fieldset { border: 1px solid #c8ccd2; border-radius: 6px; margin: 0 0 1rem; background: #fff; }
legend { font-weight: 600; padding: 0 .3rem; }
label { font-weight: 500; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0 1rem; }
.grid label { display: block; }
select, input[type=number], input[type=text], input[type=password] { font: inherit; padding: .25rem; min-width: 12rem; }
.drop { display: block; border: 2px dashed #8a96a3; border-radius: 6px; padding: 1rem; cursor: pointer; }
.drop.over { background: #e6f0ff; border-color: #1f6feb; }
.drop input { display: block; margin-top: .5rem; }
button { font: inherit; padding: .35rem .9rem; cursor: pointer; }
:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
.help { color: #4a5561; font-size: .92em; }
.error { border: 2px solid #b42318; background: #fef3f2; color: #7a271a; padding: .6rem .9rem; border-radius: 6px; margin: 0 0 1rem; white-space: pre-wrap; }
.summary { display: grid; grid-template-columns: max-content auto; gap: .15rem 1rem; background: #fff; padding: .6rem; border-radius: 6px; }
.summary dt { font-weight: 600; }
#report-frame { width: 100%; height: 80vh; border: 1px solid #c8ccd2; border-radius: 6px; background: #fff; }
table { border-collapse: collapse; background: #fff; width: 100%; margin-bottom: 2rem; }
th, td { border: 1px solid #d5d9de; padding: .3rem .5rem; text-align: left; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
[hidden] { display: none !important; }
`;

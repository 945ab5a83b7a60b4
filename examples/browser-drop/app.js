// The page's script: reads a dropped file with @modelperf/core's browser build and shows the metrics.
// Bundled by build.mjs (esbuild) into dist/app.js; Parquet support is a separate chunk loaded on first use.
import { detectInputFormat, evaluate, readTableBytes } from '@modelperf/core';

const $ = (id) => document.getElementById(id);

/** Evaluates a file with the task and columns chosen on the page, and shows the result. */
async function show(file) {
  $('error').hidden = true;
  $('metrics').hidden = true;
  $('status').textContent = `Reading ${file.name} (${file.size} bytes)...`;
  try {
    const started = performance.now();
    const table = await readTableBytes(new Uint8Array(await file.arrayBuffer()), detectInputFormat(file.name));
    const task = $('task').value;
    const spec = task === 'regression'
      ? { task, label: $('label').value, pred: $('score').value }
      : { task, label: $('label').value, score: $('score').value };
    const report = await evaluate(table, spec);
    const body = $('metrics').querySelector('tbody');
    body.replaceChildren(...Object.entries(report.metrics).map(([name, value]) => {
      const row = document.createElement('tr');
      const th = document.createElement('th');
      const td = document.createElement('td');
      th.textContent = name;
      td.id = `metric-${name}`;
      td.textContent = String(value);
      row.append(th, td);
      return row;
    }));
    $('metrics').hidden = false;
    $('status').textContent = `${report.rows} rows of ${file.name} evaluated (${report.task}) in ${Math.round(performance.now() - started)} ms.`;
  } catch (error) {
    $('status').textContent = '';
    $('error').textContent = error instanceof Error ? error.message : String(error);
    $('error').hidden = false;
  }
}

$('file').addEventListener('change', () => {
  const file = $('file').files?.[0];
  if (file) void show(file);
});
const drop = $('drop');
drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  const file = event.dataTransfer?.files?.[0];
  if (file) void show(file);
});
document.body.dataset.ready = 'true';

/** Inline stylesheet of the HTML report: system fonts only, a print layout, no external resources. */
export const HTML_STYLE = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #59636e; --line: #d0d7de; --warn-bg: #fff8c5; --warn-line: #d4a72c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: var(--fg); background: #f6f8fa; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; background: white; min-height: 100vh; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); margin: 0; }
.meta code { color: var(--fg); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.warnings { border: 2px solid var(--warn-line); background: var(--warn-bg); border-radius: 6px; padding: 10px 16px; margin: 18px 0; }
.warnings h2 { border: 0; margin: 0 0 4px; font-size: 1.05rem; }
.warnings ul { margin: 0; padding-left: 20px; }
.headline { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; }
.metric { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.metric .name { color: var(--muted); font-size: 0.85rem; }
.metric .value { font-size: 1.35rem; font-variant-numeric: tabular-nums; font-weight: 600; }
.metric .ci { color: var(--muted); font-size: 0.8rem; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 18px; }
figure.chart { margin: 0; max-width: 100%; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 6px 0 12px; }
th, td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 2px solid var(--line); }
.table-wrap { overflow-x: auto; }
footer { color: var(--muted); font-size: 0.85rem; margin-top: 40px; }
@media print {
  body { background: white; font-size: 11pt; }
  main { max-width: none; padding: 0; min-height: 0; }
  h2 { break-after: avoid; }
  figure.chart, table, .warnings, .metric { break-inside: avoid; }
  .table-wrap, figure.chart { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;

import { ValidationError } from '../errors.js';
import { type CheckFinding, finding } from './check-finding.js';
import { type CheckContext, formatShare } from './check-context.js';
import type { ColumnProfileState } from './column-profile-state.js';

/**
 * `time_leakage`: rows of val/test that are earlier than the latest train row (`time < max(train time)`), which a
 * model deployed after training could never have seen in that order. An error when any row is.
 *
 * @remarks
 * The time column may be a date or timestamp (compared as epoch milliseconds), a number (epoch seconds, a day index,
 * …), or text that `Date.parse` reads (ISO 8601, as CSV files hold it). Missing times are left out.
 *
 * @param ctx - the check context
 * @returns the findings
 * @throws ValidationError `invalid_input` naming the column and a value when a text time cannot be parsed
 * @example
 * ```ts
 * timeLeakage(ctx)[0]?.details.rows; // test rows earlier than the latest train row
 * ```
 */
export function timeLeakage(ctx: CheckContext): CheckFinding[] {
  if (ctx.time === undefined) return [];
  const name = ctx.time;
  const train = ctx.train.profiles.get(name);
  if (train === undefined) return [];
  const trainTimes = timesOf(train, 'train', name);
  let latest = -Infinity;
  let latestRow = -1;
  for (let i = 0; i < trainTimes.length; i++) {
    if (trainTimes[i] > latest) {
      latest = trainTimes[i];
      latestRow = i;
    }
  }
  if (latestRow < 0) return [];
  const textual = train.kind === 'categorical' || /^(date|timestamp|time)/.test(train.typeName);
  const show = (v: number): string | number => (textual ? new Date(v).toISOString() : v);
  const out: CheckFinding[] = [];
  for (const split of ctx.others) {
    const p = split.profiles.get(name);
    if (p === undefined) continue;
    const times = timesOf(p, split.name, name);
    let rows = 0;
    let earliest = Infinity;
    const examples: number[] = [];
    for (let i = 0; i < times.length; i++) {
      const t = times[i];
      if (t < latest) {
        rows++;
        if (examples.length < ctx.maxExamples) examples.push(i);
      }
      if (t < earliest) earliest = t;
    }
    if (rows === 0) continue;
    const share = rows / split.rows;
    out.push(finding({
      check: 'time_leakage', severity: 'error', split: split.name, column: name,
      message: `${rows} ${split.name} rows (${formatShare(share)}) are earlier than the latest train row (${String(show(latest))}, train row ${latestRow}); the earliest is ${String(show(earliest))}.`,
      value: share, threshold: 0,
      details: { rows, share, train_latest: show(latest), train_latest_row: latestRow, earliest: show(earliest), examples },
    }));
  }
  return out;
}

function timesOf(p: ColumnProfileState, split: string, name: string): Float64Array {
  if (p.kind === 'numeric') return p.values();
  const parsed = p.categories.map((c) => Date.parse(c));
  const bad = parsed.findIndex((v) => Number.isNaN(v));
  if (bad >= 0) {
    throw new ValidationError('invalid_input', `Time column \`${name}\` of ${split} holds ${JSON.stringify(p.categories[bad])}, which is not a date; use ISO 8601 text, a date/timestamp column or numbers.`);
  }
  const codes = p.codeArray();
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] >= 0 ? parsed[codes[i]] : NaN;
  return out;
}

import { describe, expect, it } from 'vitest';
import { jsonNumber, reportToJson } from '../../src/report/report-to-json.js';

describe('reportToJson', () => {
  it('writes non-finite numbers as strings and typed arrays as arrays', () => {
    const text = reportToJson({ a: NaN, b: Infinity, c: -Infinity, d: Float64Array.of(1, NaN), e: 0.1 }, 0);
    expect(text).toBe('{"a":"NaN","b":"Infinity","c":"-Infinity","d":[1,"NaN"],"e":0.1}');
    const back = JSON.parse(text) as Record<string, unknown>;
    expect(jsonNumber(back.a)).toBeNaN();
    expect(jsonNumber(back.b)).toBe(Infinity);
    expect(jsonNumber(back.c)).toBe(-Infinity);
    expect(jsonNumber(back.e)).toBe(0.1);
  });

  it('round-trips float64 values exactly', () => {
    const v = [0.1 + 0.2, 1 / 3, 5e-324, 1.7976931348623157e308];
    expect((JSON.parse(reportToJson({ v })) as { v: number[] }).v).toEqual(v);
  });
});

import { type Table, tableFromArrays, Type } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { InputOutputError, ValidationError } from '../../src/errors.js';
import { readCsvBytes } from '../../src/io/read-csv-bytes.js';
import { writeCsvBytes } from '../../src/io/write-csv-bytes.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function column(table: Table, name: string): unknown[] {
  const vector = table.getChild(name);
  if (vector === null) throw new Error(`no column ${name}`);
  return [...vector];
}

function typeOf(table: Table, name: string): string {
  return String(table.schema.fields.find((field) => field.name === name)?.type);
}

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

/** Seeded xorshift32 in [0, 1). */
function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

describe('readCsvBytes: types', () => {
  it('infers Float64, Bool and Dictionary<Utf8> columns from every cell', () => {
    const table = readCsvBytes('label,score,region,flag\n1,0.25,eu,true\n0,1e-3,us,False\n1,-2.5E+2,eu,TRUE\n');
    expect(table.numRows).toBe(3);
    expect(table.batches).toHaveLength(1);
    expect(typeOf(table, 'label')).toBe('Float64');
    expect(typeOf(table, 'score')).toBe('Float64');
    expect(typeOf(table, 'region')).toBe('Dictionary<Int32, Utf8>');
    expect(typeOf(table, 'flag')).toBe('Bool');
    expect(column(table, 'label')).toEqual([1, 0, 1]);
    expect(column(table, 'score')).toEqual([0.25, 0.001, -250]);
    expect(column(table, 'region')).toEqual(['eu', 'us', 'eu']);
    expect(column(table, 'flag')).toEqual([true, false, true]);
  });

  it('reads empty cells and NA/NaN/null spellings as nulls in every type', () => {
    const table = readCsvBytes('a,b,c\n1,x,true\n,NA,\nNaN,null,NULL\n4,y,false\n');
    expect(column(table, 'a')).toEqual([1, null, null, 4]);
    expect(table.getChild('a')?.nullCount).toBe(2);
    expect(column(table, 'b')).toEqual(['x', null, null, 'y']);
    expect(column(table, 'c')).toEqual([true, null, null, false]);
    expect(typeOf(table, 'c')).toBe('Bool');
  });

  it('keeps the cell text when a column that started numeric turns out to hold strings (second pass)', () => {
    const table = readCsvBytes('id,score\n007,0.5\n1.50,0.25\nabc,0.75\n');
    expect(typeOf(table, 'id')).toBe('Dictionary<Int32, Utf8>');
    expect(column(table, 'id')).toEqual(['007', '1.50', 'abc']);
    expect(typeOf(table, 'score')).toBe('Float64');
  });

  it('makes mixed numbers and booleans a string column', () => {
    const table = readCsvBytes('y\n1\ntrue\n');
    expect(column(table, 'y')).toEqual(['1', 'true']);
  });

  it('makes an all-null column Float64 and a header-only file a table with zero rows', () => {
    const table = readCsvBytes('a,b\n,1\nNA,2\n');
    expect(typeOf(table, 'a')).toBe('Float64');
    expect(table.getChild('a')?.nullCount).toBe(2);
    const empty = readCsvBytes('label,score\n');
    expect(empty.numRows).toBe(0);
    expect(empty.schema.fields.map((field) => field.name)).toEqual(['label', 'score']);
  });

  it('accepts inf, Infinity, leading +, .5 and 5. but not JS-only number forms', () => {
    const table = readCsvBytes('x\ninf\n-Infinity\n+1\n.5\n5.\n 2 \n');
    expect(column(table, 'x')).toEqual([Infinity, -Infinity, 1, 0.5, 5, 2]);
    expect(typeOf(readCsvBytes('x\n0x10\n'), 'x')).toBe('Dictionary<Int32, Utf8>');
    expect(typeOf(readCsvBytes('x\n1_000\n'), 'x')).toBe('Dictionary<Int32, Utf8>');
    expect(typeOf(readCsvBytes('x\n1e\n'), 'x')).toBe('Dictionary<Int32, Utf8>');
  });

  it('parses numbers exactly as Number() does (fast path and fallback), seeded', () => {
    const random = seeded(42);
    const texts: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const v = (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
      switch (i % 6) {
        case 0: texts.push(String(v)); break; // shortest round trip, up to 17 digits
        case 1: texts.push(v.toFixed(Math.floor(random() * 12))); break;
        case 2: texts.push(v.toExponential(Math.floor(random() * 20))); break;
        case 3: texts.push(String(Math.floor(random() * 2 ** 53))); break;
        case 4: texts.push(`${Math.floor(random() * 1e6)}.${String(Math.floor(random() * 1e9)).padStart(9, '0')}`); break;
        default: texts.push(`${(random() * 1e23).toPrecision(22)}`); break;
      }
    }
    const values = column(readCsvBytes(`x\n${texts.join('\n')}\n`), 'x');
    texts.forEach((text, i) => {
      if (!Object.is(values[i], Number(text))) throw new Error(`${text}: got ${String(values[i])}, expected ${Number(text)}`);
    });
  });

  it('keeps -0 and reads 17-digit values bit-exactly', () => {
    const values = column(readCsvBytes('x\n-0\n0.1\n0.30000000000000004\n9007199254740993\n'), 'x');
    expect(Object.is(values[0], -0)).toBe(true);
    expect(values.slice(1)).toEqual([0.1, 0.30000000000000004, 9007199254740992]);
  });
});

describe('readCsvBytes: syntax', () => {
  it('reads quoted fields holding delimiters, doubled quotes and line breaks', () => {
    const text = 'id,note,score\n1,"a, b",0.5\n2,"say ""hi""",0.25\n3,"two\nlines",0.75\n4,"",1\n';
    const table = readCsvBytes(text);
    expect(column(table, 'note')).toEqual(['a, b', 'say "hi"', 'two\nlines', null]);
    expect(column(table, 'score')).toEqual([0.5, 0.25, 0.75, 1]);
    expect(column(table, 'id')).toEqual([1, 2, 3, 4]);
  });

  it('reads quoted numbers and booleans as such', () => {
    const table = readCsvBytes('a,b\n"1.5","true"\n"2",false\n');
    expect(column(table, 'a')).toEqual([1.5, 2]);
    expect(column(table, 'b')).toEqual([true, false]);
  });

  it('accepts CRLF, a byte order mark, blank lines and a missing final line break', () => {
    const bytes = utf8('\uFEFFa,b\r\n1,x\r\n\r\n2,y');
    const table = readCsvBytes(bytes);
    expect(table.schema.fields.map((field) => field.name)).toEqual(['a', 'b']);
    expect(column(table, 'a')).toEqual([1, 2]);
    expect(column(table, 'b')).toEqual(['x', 'y']);
  });

  it('reads UTF-8 text, a tab delimiter, and custom null spellings', () => {
    const table = readCsvBytes(utf8('name\tv\nZoë\t1\n東京\t-\n'), { delimiter: '\t', nullValues: ['-'] });
    expect(column(table, 'name')).toEqual(['Zoë', '東京']);
    expect(column(table, 'v')).toEqual([1, null]);
  });

  it('names empty header cells and de-duplicates repeated names as pandas does', () => {
    const table = readCsvBytes(',a,a,a\n0,1,2,3\n');
    expect(table.schema.fields.map((field) => field.name)).toEqual(['Unnamed: 0', 'a', 'a.1', 'a.2']);
    expect(column(table, 'a.2')).toEqual([3]);
  });

  it('gives the same table when the input is cut into small pieces (records spanning pieces)', () => {
    const random = seeded(7);
    const lines = ['label,score,note'];
    for (let i = 0; i < 500; i++) {
      const note = i % 7 === 0 ? `"multi\nline, ""${i}"""` : i % 5 === 0 ? '' : `n${i % 13}`;
      lines.push(`${i % 3},${random()},${note}`);
    }
    const bytes = utf8(`${lines.join('\n')}\n`);
    const whole = readCsvBytes(bytes);
    for (const pieceBytes of [1, 7, 64, 1000]) {
      const pieces = readCsvBytes(bytes, { pieceBytes });
      expect(pieces.numRows).toBe(500);
      for (const name of ['label', 'score', 'note']) expect(column(pieces, name)).toEqual(column(whole, name));
    }
  });
});

describe('readCsvBytes: failures', () => {
  it('names the line of a row with too many or too few fields', () => {
    const tooMany = catchError(() => readCsvBytes('a,b\n1,2\n3,4,5\n'));
    expect(tooMany).toBeInstanceOf(InputOutputError);
    expect((tooMany as InputOutputError).code).toBe('corrupt_file');
    expect(tooMany.message).toContain('CSV line 3 has 3 fields, but the header has 2 (a, b)');
    const tooFew = catchError(() => readCsvBytes('a,b\n1,2\n3\n'));
    expect(tooFew.message).toContain('CSV line 3 has 1 field, but the header has 2');
  });

  it('counts line breaks inside quoted fields and blank lines in the line number', () => {
    const error = catchError(() => readCsvBytes('a,b\n"x\ny",1\n\n2,3,4\n'));
    expect(error.message).toContain('CSV line 5 has 3 fields');
  });

  it('rejects a truncated file whose last row is cut short, in any piece size', () => {
    const full = 'label,score,region\n1,0.5,eu\n0,0.25,us\n1,0.75,eu\n';
    const cut = full.slice(0, full.length - 6); // "...\n1,0.7"
    for (const pieceBytes of [undefined, 5]) {
      const error = catchError(() => readCsvBytes(utf8(cut), { pieceBytes }));
      expect((error as InputOutputError).code).toBe('corrupt_file');
      expect(error.message).toContain('CSV line 4 has 2 fields');
    }
  });

  it('rejects an unclosed quote and text after a closing quote', () => {
    const open = catchError(() => readCsvBytes('a,b\n1,"never closed\n2,3\n'));
    expect((open as InputOutputError).code).toBe('corrupt_file');
    expect(open.message).toContain('CSV line 2: a quoted field is never closed');
    const after = catchError(() => readCsvBytes('a,b\n1,"x"y\n'));
    expect((after as InputOutputError).code).toBe('corrupt_file');
  });

  it('rejects invalid UTF-8 and gzip bytes, and an input without a header', () => {
    expect((catchError(() => readCsvBytes(Uint8Array.of(0x61, 0x0a, 0xff, 0xfe, 0x0a))) as InputOutputError).code).toBe('corrupt_file');
    expect((catchError(() => readCsvBytes(Uint8Array.of(0x1f, 0x8b, 8, 0))) as InputOutputError).code).toBe('corrupt_file');
    const empty = catchError(() => readCsvBytes(new Uint8Array(0)));
    expect(empty).toBeInstanceOf(ValidationError);
    expect((empty as ValidationError).code).toBe('empty_input');
    expect((catchError(() => readCsvBytes('\n\n')) as ValidationError).code).toBe('empty_input');
  });

  it('rejects a delimiter that is not one plain character', () => {
    expect((catchError(() => readCsvBytes('a\n1\n', { delimiter: ';;' })) as ValidationError).code).toBe('invalid_argument');
  });
});

describe('writeCsvBytes', () => {
  it('round-trips numbers, booleans, nulls and strings that need quoting', () => {
    const source = tableFromArrays({
      score: Float64Array.of(0.1, 1e-7, -2.5, 0.30000000000000004),
      label: BigInt64Array.of(1n, 0n, 9007199254740991n, -3n),
      flag: [true, false, null, true],
      note: ['a, b', 'say "hi"', 'two\nlines', ' padded '],
    });
    const text = new TextDecoder().decode(writeCsvBytes(source));
    expect(text.split('\n')[0]).toBe('score,label,flag,note');
    const table = readCsvBytes(text);
    expect(column(table, 'score')).toEqual([0.1, 1e-7, -2.5, 0.30000000000000004]);
    expect(column(table, 'label')).toEqual([1, 0, 9007199254740991, -3]);
    expect(column(table, 'flag')).toEqual([true, false, null, true]);
    expect(column(table, 'note')).toEqual(['a, b', 'say "hi"', 'two\nlines', ' padded ']);
    expect(table.getChild('flag')?.type.typeId).toBe(Type.Bool);
  });
});

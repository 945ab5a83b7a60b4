import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from './http-error.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Makes a check of `Authorization: Bearer <token>` against the configured token, in constant time (both sides are
 * hashed first, so neither the token's length nor its content leaks through timing).
 *
 * @param token - the configured token
 * @returns a function that throws HttpError 401 unless the header carries the token
 * @example
 * ```ts
 * const check = bearerTokenCheck('s3cret');
 * check(request.headers.authorization);
 * ```
 */
export function bearerTokenCheck(token: string): (header: string | undefined) => void {
  const expected = digest(token);
  return (header) => {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
    const ok = match !== null && timingSafeEqual(digest(match[1]), expected);
    if (!ok) {
      throw new HttpError(401, 'unauthorized', header === undefined
        ? 'This route needs `Authorization: Bearer <token>`.'
        : 'The bearer token is wrong.', { 'www-authenticate': 'Bearer' });
    }
  };
}

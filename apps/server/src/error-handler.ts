import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isModelperfError, type ModelperfErrorCode } from '@modelperf/core';
import { HttpError } from './http-error.js';

/**
 * HTTP status of each core error code: bad options and unreadable bodies are 400, well-formed inputs whose columns
 * or values do not fit the evaluation are 422, a missing job file is 404, anything internal is 500.
 */
export const STATUS_OF_CODE: Record<ModelperfErrorCode, number> = {
  invalid_argument: 400,
  corrupt_file: 400,
  unknown_format: 400,
  io_error: 400,
  empty_input: 422,
  invalid_input: 422,
  missing_column: 422,
  column_type: 422,
  null_value: 422,
  length_mismatch: 422,
  file_not_found: 404,
  backend_unavailable: 503,
  internal: 500,
};

/** Codes for Fastify's own client errors. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_argument',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_VALIDATION: 'invalid_argument',
};

/**
 * The server's only place that turns errors into HTTP responses: `{ "error": { "code", "message" } }`, never a stack.
 * Unexpected errors are logged with their stack and answered with a generic 500.
 *
 * @param error - what a hook or handler threw
 * @param request - the request
 * @param reply - the reply
 * @returns the reply
 */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  let status = 500;
  let code = 'internal';
  let message = 'An unexpected error occurred; see the server log (request id ' + request.id + ').';
  if (error instanceof HttpError) {
    status = error.status;
    code = error.code;
    message = error.message;
    reply.headers(error.headers);
  } else if (isModelperfError(error)) {
    status = STATUS_OF_CODE[error.code] ?? 500;
    code = error.code;
    if (status < 500 || code === 'backend_unavailable') message = error.message;
  } else {
    const statusCode = (error as FastifyError).statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      status = statusCode;
      const fastifyCode = (error as FastifyError).code;
      code = FASTIFY_CODES[fastifyCode] ?? (fastifyCode ? fastifyCode.toLowerCase() : 'bad_request');
      message = error.message;
    }
  }
  if (status >= 500 && code !== 'busy' && code !== 'timeout') request.log.error({ err: error }, 'request failed');
  else request.log.info({ code, status }, 'request refused');
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message } });
}

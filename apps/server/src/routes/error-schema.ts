/** The JSON schema of every error response: `{ "error": { "code", "message" } }`. */
export const ERROR_SCHEMA = {
  description: 'An error',
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
} as const;

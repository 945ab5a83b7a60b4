declare module 'autocannon' {
  interface Options {
    url: string; method?: string; connections?: number; amount?: number; duration?: number;
    headers?: Record<string, string>; body?: string | Buffer;
  }
  interface Result {
    errors: number; timeouts: number; non2xx: number; '2xx': number;
    latency: { p50: number; p90: number; p99: number; average: number; max: number }; requests: { average: number };
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}

// The worker-thread module of parallel evaluation, built beside cli.js (the bundled engine loads it by path).
export { default } from '@modelperf/core/evaluate-worker';

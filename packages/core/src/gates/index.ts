export { GATE_OPERATORS, sliceGateValue, type Gate, type GateOperator, type GateResult, type GateSource, type GateValue } from './gate.js';
export { parseGate } from './parse-gate.js';
export { evaluateGates } from './evaluate-gates.js';
export { gateSourceFromReport } from './gate-source-from-report.js';
export { gateSourceFromComparison } from './gate-source-from-comparison.js';

/*
 * fast-check as the mutation run sees it (stryker.config.json maps `fast-check` here; `npm test` never does).
 * Each mutant runs every property that reaches it, and a property of 300 runs costs seconds: under Stryker a
 * property runs at most RUNS times and stops at its first failure without shrinking (a killed mutant needs no
 * minimal counterexample). Fewer runs can only let a mutant survive, never kill one. The properties that
 * count the cases their generators reached (FULL) run in full, or their counts would fail.
 */
const path = require('path');

const real = require(path.join(path.dirname(require.resolve('fast-check/package.json')), 'lib/cjs/fast-check.js'));
const RUNS = 25;
const FULL = [/^replan properties /, /^properties of staged re-splits /];
const full = () => {
  const name = globalThis.expect?.getState().currentTestName ?? '';
  return FULL.some((re) => re.test(name));
};
const capped = (params) => (full() ? params : { ...params, numRuns: Math.min(params?.numRuns ?? 100, RUNS), endOnFailure: true });
const fc = { ...real, assert: (property, params) => real.assert(property, capped(params)), check: (property, params) => real.check(property, capped(params)) };

module.exports = { ...fc, default: fc, __esModule: true };

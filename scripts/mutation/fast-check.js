/*
 * fast-check as the mutation run sees it (stryker.config.json maps `fast-check` here; `npm test` never does).
 * Each mutant runs every property that reaches it, and a property of 300 runs costs seconds: under Stryker a
 * property runs at most RUNS times, from a fixed seed unless it has its own (the same mutants die every run),
 * and stops at its first failure without shrinking (a killed mutant needs no minimal counterexample). Fewer
 * runs can only let a mutant survive, never kill one.
 */
const path = require('path');

const real = require(path.join(path.dirname(require.resolve('fast-check/package.json')), 'lib/cjs/fast-check.js'));
const RUNS = 40;
const SEED = 20_241_201;
const capped = (params) => ({ seed: SEED, ...params, numRuns: Math.min(params?.numRuns ?? 100, RUNS), endOnFailure: true });
const fc = { ...real, assert: (property, params) => real.assert(property, capped(params)), check: (property, params) => real.check(property, capped(params)) };

module.exports = { ...fc, default: fc, __esModule: true };

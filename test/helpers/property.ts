import type fc from 'fast-check';

/** The seed every property starts from unless FC_SEED names another. */
const SEED = 20_250_301;

function seedFromEnv(): number | undefined {
  const text = process.env.FC_SEED?.trim();
  if (!text) return undefined;
  if (text === 'random') {
    const seed = Math.floor(Math.random() * 2 ** 31);
    console.info(`fast-check: FC_SEED=${seed}`);
    return seed;
  }
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be a whole number or "random", not ${JSON.stringify(text)}`);
  return seed;
}
const fromEnv = seedFromEnv();

/**
 * fast-check's options for a property: `numRuns` cases from a fixed seed, so every run (CI's too) checks the
 * same cases and a failure comes back the same way. `FC_SEED=<n>` checks other cases, `FC_SEED=random` new
 * ones each run (the seed is printed). A failing property prints its seed and the path to the case.
 */
export function seeded<T>(numRuns = 100, seed = SEED): fc.Parameters<T> {
  return { numRuns, seed: fromEnv ?? seed };
}

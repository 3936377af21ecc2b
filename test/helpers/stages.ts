import { DayNumber } from '../../src/planning/days';
import { PlanSettings, defaultSettings } from '../../src/planning/settings';
import { Stage, parseStages, stagesWindow } from '../../src/planning/stages';

/** Stages as `--stages` spells them; throws on a spelling the test did not mean to refuse. */
export function stagesOf(text: string, start?: DayNumber): Stage[] {
  const parsed = parseStages(text, start);
  if ('error' in parsed) throw new Error(parsed.error.en);
  return parsed.stages;
}

/** Daily settings over the stages' window (unless `extra` says otherwise), with the stages. */
export function stagedSettings(stages: Stage[], extra: Partial<PlanSettings> = {}): PlanSettings {
  const { start, end } = stagesWindow(stages);
  return { ...defaultSettings(start, end), granularity: 'day', ...extra, stages };
}

import { Problem, describeProblem } from '../planning/problems';
import { Refused } from '../jobs/target';
import { Progress } from './progress';

export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
  progress: Progress;
}

/** What a command did not do, for the first line of a refusal. */
export interface NotDone {
  vi: string;
  en: string;
}

export const NOT_PLANNED: NotDone = { vi: 'Không lập kế hoạch', en: 'Not planned' };

/** Lists the problems that stop a command and returns exit code 1: nothing was written. */
export function refuse(io: CommandIO, problems: readonly Problem[], where: string, what: NotDone = NOT_PLANNED): number {
  io.progress.done();
  const errors = problems.filter((p) => p.severity === 'error');
  io.err(`${what.vi}: ${errors.length} lỗi trong ${where}; không ghi tệp nào.`);
  io.err(`${what.en}: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${where}; nothing was written.`);
  for (const p of problems) io.err(`${p.severity === 'error' ? 'LỖI/ERROR' : 'Cảnh báo/Warning'} ${describeProblem(p)}`);
  return 1;
}

/** A job's refusal: about what was read (`input`), or about the workbook the forms would go into (`target`). */
export const refuseJob = (io: CommandIO, r: Refused, input: string, target: string | undefined, what: NotDone = NOT_PLANNED): number =>
  refuse(io, r.problems, r.about === 'target' && target ? target : input, what);

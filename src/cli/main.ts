import { constants } from 'os';
import { parseArgs } from './args';
import { planCommand } from './plan-command';
import { PLAN_OPTIONS } from './plan-options';
import { CONSOLIDATE_OPTIONS, consolidateCommand } from './consolidate-command';
import { REPLAN_OPTIONS, replanCommand } from './replan-command';
import { SPLIT_OPTIONS, splitCommand } from './split-command';
import { removePendingSync } from '../hosts/files/leftovers';
import { WorkbookFileError } from '../hosts/files/read-workbook-file';
import { REMAP_OPTIONS, remapCommand } from './remap-command';
import { createProgress } from './progress';
import { RefusedError, UsageError } from './usage-error';

export const USAGE = `quota-plan — lập chỉ tiêu số hóa Sổ hộ tịch / split register digitization into exact quotas

quota-plan plan INPUT.xlsx [--sheet NAME] --start DATE --end DATE [--granularity day|week|month]
  [--method even|workdays|priority|capacity] [--priority KS,KH,KT] [--workdays all|mon-fri|mon-sat|MASK]
  [--holidays vn|none] [--days-off DATE,..] [--extra-workdays DATE,..] [--rate N] [--machines N]
  [--stages SPEC] [--out OUTPUT.xlsx] [--json PLAN.json] [--lang vi|en] [DOCUMENT…]
  --stages NAME[=LABEL][/books|/records]:[START]..END[+LAG],… plans workflow stages, each in its window
  (e.g. collect:2025-03-01..2025-03-07,scan:..2025-03-15,entry:..2025-03-20,attach:..2025-03-25+2; a missing
  START is --start or the first stage's); --start and --end then default to the stages' window. Without
  --stages, a sheet named "Giai đoạn" or "Stages" in INPUT (columns Giai đoạn, Bắt đầu, Hạn, Trễ, Đơn vị
  tính) gives the stages.

quota-plan replan BOOK.xlsx --end DATE [--as-of DATE] [--stages SPEC] [--method M] [--rate N] [--machines "UNIT=N,.."]
  [--note TEXT] [--release-held yes] [--out OUTPUT.xlsx] [--json PLAN.json] [--lang vi|en] [DOCUMENT…]
  Re-splits what is left after the actuals typed in BOOK (a workbook plan or replan wrote) from the day after
  --as-of (default: today in Viet Nam) to --end; keeps every actual and past target, and targets typed over on
  Phụ lục 01 (held); adds a line to Lịch sử kế hoạch. With stages, each stage is re-split in its window
  (--stages: new windows, same stages in the same order).

quota-plan split BOOK.xlsx --by parent|unit --out-dir DIR
  Writes one workbook per parent (district) or per unit into DIR, named after it, holding its rows of BOOK's
  forms, to send out for filling in. Units without a parent get a workbook each.

quota-plan consolidate BOOK.xlsx RETURNED.xlsx… --out OUTPUT.xlsx [--json PLAN.json]
  Copies the actuals typed in the workbooks sent back (split parts or copies of BOOK) into a copy of BOOK.
  Refused, naming the file and cell: another plan or revision, a row BOOK lacks, an edited target, an actual
  that is not a whole number, two files disagreeing. A blank never erases; a changed figure is warned about.

quota-plan remap INPUT.xlsx --out UNITS.xlsx [--json REMAP.json] [--sheet NAME] [--into "FORMER=NEW,.."] [--lang vi|en]
  INPUT lists communes as they were before 1/7/2025 (with codes, or with their district or province where
  names repeat); UNITS.xlsx is a new units sheet of the communes since then (Resolution 202/2025/QH15), each
  the sum of the former ones that became it, naming them and their cells. A former commune split among new
  ones is refused until its new commune is given: a "Xã mới" column in INPUT, or --into. UNITS.xlsx must not
  exist yet.

DOCUMENT (Decree 30/2020/NĐ-CP; stored on Lịch, kept by replan, split and consolidate; unset ones print dotted):
  --issuer "SỞ TƯ PHÁP" --issuer-parent "UBND TỈNH SƠN LA" --number "45/KH-STP" --place "Sơn La"
  --issued DATE --signer-title "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" --signer NAME --preparer NAME
  --recipients "UBND tỉnh (b/c); Lưu: VT" (a position's lines split at " / ", recipients at ";"; replan changes
  only those given).

Dates: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy (yy: 20yy) or YYYY-MM-DD; a range as FROM..TO. Defaults: month, even, mon-fri, vn, rate 300, machines 1, vi.
Exit codes: 0 done (warnings allowed), 1 input refused (nothing written), 2 usage error.`;

/** Runs the CLI; returns the exit code. Users never see a stack trace (set QUOTA_PLAN_DEBUG=1 to get one). */
type Write = (line: string) => void;
const stdout: Write = (line) => process.stdout.write(line + '\n');
const stderr: Write = (line) => process.stderr.write(line + '\n');

export async function main(argv: readonly string[], out: Write = stdout, err: Write = stderr): Promise<number> {
  const [command, ...rest] = argv;
  const progress = createProgress(err);
  try {
    if (command === undefined) {
      err(USAGE);
      return 2;
    }
    if (command === '--help' || command === 'help' || command === '-h') {
      out(USAGE);
      return 0;
    }
    const io = { out, err, progress };
    if (command === 'plan') return await planCommand(parseArgs(rest, PLAN_OPTIONS), io);
    if (command === 'replan') return await replanCommand(parseArgs(rest, REPLAN_OPTIONS), io);
    if (command === 'split') return await splitCommand(parseArgs(rest, SPLIT_OPTIONS), io);
    if (command === 'consolidate') return await consolidateCommand(parseArgs(rest, CONSOLIDATE_OPTIONS), io);
    if (command === 'remap') return await remapCommand(parseArgs(rest, REMAP_OPTIONS), io);
    throw new UsageError(`Không có lệnh «${command}».`, `Unknown command "${command}".`);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.vi}\n${e.en}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof RefusedError) {
      err(`${e.vi}\n${e.en}`);
      return 1;
    }
    if (e instanceof WorkbookFileError) {
      err(`${e.problem.vi}\n${e.problem.en}`);
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    err(`Lỗi không mong đợi / Unexpected error: ${message}`);
    if (process.env.QUOTA_PLAN_DEBUG && e instanceof Error) err(e.stack ?? '');
    return 1;
  } finally {
    progress.done();
  }
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * On Ctrl-C, SIGTERM or SIGHUP (a closed terminal), removes this run's temporary files and locks, then ends
 * by the same signal, as a shell expects. Outputs already renamed into place stay; the others are as they were.
 */
export function removeLeftoversOnSignals(err: Write = stderr): void {
  const handler = (signal: NodeJS.Signals): void => {
    removePendingSync();
    err(`\nĐã dừng (${signal}): đã xóa các tệp tạm; tệp kết quả nào chưa ghi xong thì vẫn như trước.`);
    err(`Stopped (${signal}): temporary files removed; outputs not yet in place are as they were.`);
    for (const s of SIGNALS) process.removeListener(s, handler);
    try {
      process.kill(process.pid, signal);
    } catch {
      process.exit(128 + (constants.signals[signal] ?? 0));
    }
  };
  for (const s of SIGNALS) process.on(s, handler);
}

/** The command line's entry point (bin/quota-plan.js). */
export function runCli(argv: readonly string[] = process.argv.slice(2)): void {
  removeLeftoversOnSignals();
  main(argv).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runCli();

import { HostError } from '../host';

/** Office.js errors → what the pane shows: both languages, the error code, never a stack. */

const CELL_EDIT = 'InvalidOperationInCellEditMode';
export const PAYLOAD_TOO_LARGE = 'RequestPayloadSizeLimitExceeded';

/** The code of an Office.js error (`OfficeExtension.Error`), or null for anything else. */
export function officeCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code ? code : null;
}

/**
 * Whether Excel refused the whole request, so that none of it was applied: while a cell is being edited
 * the batch fails outright (`RunOptions.delayForCellEdit`), and one too large is never taken. Any other
 * failure may leave the operations before the failing one done.
 */
export function refusedWhole(e: unknown): boolean {
  const code = officeCode(e);
  return code === CELL_EDIT || code === PAYLOAD_TOO_LARGE;
}

/** The first line of an error's message, without a trailing full stop. */
const firstLine = (e: unknown): string => String((e as { message?: unknown } | null)?.message ?? e).split('\n')[0].trim().replace(/\.$/, '');

/** A programming error (neither Excel's nor one of ours) goes to the console with its stack: the pane shows no stack. */
export function logUnexpected(e: unknown): void {
  if (!(e instanceof HostError) && !officeCode(e)) console.error('Quota Planner: unexpected error in the Excel host:', e);
}

export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const code = officeCode(e);
  if (code === CELL_EDIT) {
    return new HostError(
      'Hãy kết thúc việc sửa ô trong Excel (nhấn Enter hoặc Esc), rồi thử lại.',
      'Finish editing the cell in Excel (press Enter or Esc), then try again.',
      'cell-edit',
    );
  }
  if (code) {
    const message = firstLine(e);
    return new HostError(
      `Excel không thực hiện được yêu cầu (mã lỗi ${code})${message ? `: ${message}` : ''}.`,
      `Excel could not do it (error code ${code})${message ? `: ${message}` : ''}.`,
      'office',
    );
  }
  // A bug: its JavaScript message means nothing to people, and its stack is in the console.
  logUnexpected(e);
  return new HostError(
    'Đã có lỗi không mong đợi khi làm việc với Excel; sổ tính không bị thay đổi nếu việc ghi chưa bắt đầu. Chi tiết đã ghi vào bảng điều khiển (console).',
    'Something unexpected went wrong while working with Excel; the workbook was not changed if writing had not started. Details are in the console.',
    'unexpected',
  );
}

/** Runs `f`, turning any failure into a HostError. */
export async function guarded<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toHostError(e);
  }
}

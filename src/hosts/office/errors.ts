import { HostError } from '../../taskpane/host';

/** Office.js errors → what the pane shows: both languages, the error code, never a stack. */

const CELL_EDIT = 'InvalidOperationInCellEditMode';
export const PAYLOAD_TOO_LARGE = 'RequestPayloadSizeLimitExceeded';

/** The code of an Office.js error (`OfficeExtension.Error`), or null for anything else. */
export function officeCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code ? code : null;
}

/** The first line of an error's message, without a trailing full stop. */
const firstLine = (e: unknown): string => String((e as { message?: unknown } | null)?.message ?? e).split('\n')[0].trim().replace(/\.$/, '');

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
  const message = firstLine(e);
  if (code) {
    return new HostError(
      `Excel không thực hiện được yêu cầu (mã lỗi ${code})${message ? `: ${message}` : ''}.`,
      `Excel could not do it (error code ${code})${message ? `: ${message}` : ''}.`,
      'office',
    );
  }
  return new HostError(`Lỗi không mong đợi: ${message}.`, `Unexpected error: ${message}.`, 'unexpected');
}

/** Runs `f`, turning any failure into a HostError. */
export async function guarded<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toHostError(e);
  }
}

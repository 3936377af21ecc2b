import { constants, promises as fs } from 'fs';
import { Problem, problem } from '../../planning/problems';
import { READ_LIMITS, ReadPurpose, checkWorkbookBytes, fileTooLarge } from '../../xlsx/package-check';
import { nodeStreamInflater } from './zip-node';

/** A workbook file read whole and checked (`checkWorkbookBytes`): the bytes ExcelJS and the marker reader get. */
export interface WorkbookFile {
  path: string;
  bytes: Uint8Array;
}

const unreadable = (code: string, vi: string, en: string): Problem => problem('error', code, null, null, vi, en);

/**
 * Reads a workbook file for `purpose`, or says why not, naming it: only a regular file (a folder, a device
 * such as /dev/zero or a pipe is refused before it is opened), no larger than a workbook can be, and whose
 * package passes the check. Memory stays bounded by the file's size, whatever it inflates to.
 */
export async function readWorkbookFile(path: string, purpose: ReadPurpose): Promise<WorkbookFile | Problem> {
  let size: number;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) {
      return unreadable('not-a-file', `${path} không phải là tệp (là thư mục hoặc thiết bị); hãy chọn một tệp .xlsx.`,
        `${path} is not a file (it is a folder or a device); choose an .xlsx file.`);
    }
    size = stat.size;
  } catch (e) {
    return openFailed(path, e);
  }
  if (size > READ_LIMITS.fileBytes) return fileTooLarge(path, size);
  let bytes: Buffer;
  try {
    // Non-blocking, so a path swapped for a pipe since the stat above cannot hang the open.
    const handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size > READ_LIMITS.fileBytes) throw Object.assign(new Error('changed'), { code: 'ECHANGED' });
      bytes = Buffer.alloc(stat.size);
      for (let at = 0; at < bytes.length; ) {
        const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
        if (bytesRead === 0) break;
        at += bytesRead;
      }
    } finally {
      await handle.close();
    }
  } catch (e) {
    return openFailed(path, e);
  }
  const checked = await checkWorkbookBytes(path, bytes, nodeStreamInflater, purpose);
  return checked.ok ? { path, bytes } : checked.problem;
}

function openFailed(path: string, e: unknown): Problem {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ENOENT') return unreadable('not-found', `Không tìm thấy tệp ${path}.`, `File not found: ${path}.`);
  if (code === 'EACCES' || code === 'EPERM') {
    return unreadable('unreadable', `Không có quyền đọc ${path}.`, `No permission to read ${path}.`);
  }
  if (code === 'ECHANGED') {
    return unreadable('unreadable', `${path} thay đổi trong lúc đọc; hãy chạy lại.`, `${path} changed while it was read; run again.`);
  }
  return unreadable('unreadable', `Không đọc được ${path} (${code || String(e)}).`, `Cannot read ${path} (${code || String(e)}).`);
}

/** The problem as an error, for callers with no refusal to return it in. */
export class WorkbookFileError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.vi} / ${problem.en}`);
  }
}

/** Reads and checks a workbook file, throwing `WorkbookFileError` when it is refused. */
export async function workbookFile(path: string, purpose: ReadPurpose = 'plan-book'): Promise<WorkbookFile> {
  const read = await readWorkbookFile(path, purpose);
  if ('severity' in read) throw new WorkbookFileError(read);
  return read;
}

import { HostError, SETTINGS_KEY } from '../host';


/** The pane's settings live in the document (`Office.context.document.settings`), under the pane's one key. */

/** The part of `Office.Settings` the pane uses; tests pass a fake. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

export function loadSettings(settings: DocumentSettings): unknown {
  return settings.get(SETTINGS_KEY) ?? null;
}

/** Sets the settings and saves them with the document. */
export function saveSettings(settings: DocumentSettings, value: unknown): Promise<void> {
  settings.set(SETTINGS_KEY, value);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (!result.error) resolve();
      else {
        reject(new HostError(
          `Không lưu được cài đặt vào sổ tính (mã lỗi ${result.error.code}): ${result.error.message}`,
          `Could not save the settings in the workbook (error code ${result.error.code}): ${result.error.message}`,
          'settings',
        ));
      }
    });
  });
}

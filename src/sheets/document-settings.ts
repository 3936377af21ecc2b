import { DayNumber } from '../planning/days';

/**
 * The document around the forms' tables, as Decree 30/2020/NĐ-CP (Appendix I) lays out an administrative
 * document: the issuing body under the body above it, the number and symbol, place and date, the signer's
 * position and name, the recipients. What is not set prints as a dotted line, to fill by hand as paper forms do.
 */
export interface DocumentSettings {
  /** The issuing body ("SỞ TƯ PHÁP"). */
  issuer: string;
  /** The body above it ("UBND TỈNH SƠN LA"), printed on the line above; '' for none. */
  issuerParent: string;
  /** The plan's number and symbol ("45/KH-STP"). */
  number: string;
  /** The place name of the date line ("Sơn La"). */
  place: string;
  /** The date of issue. */
  issued: DayNumber | null;
  /** The signer's position, a line each ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"). */
  signerTitle: string[];
  signer: string;
  /** Who prepared the roll-up (NGƯỜI LẬP BIỂU). */
  preparer: string;
  /** Nơi nhận, one recipient a line. */
  recipients: string[];
}

export const EMPTY_DOCUMENT: DocumentSettings = {
  issuer: '', issuerParent: '', number: '', place: '', issued: null, signerTitle: [], signer: '', preparer: '', recipients: [],
};

/** Document settings with what is not given left unset. */
export const documentSettings = (given: Partial<DocumentSettings> = {}): DocumentSettings => ({ ...EMPTY_DOCUMENT, ...given });

/** A position typed on one line, its lines split at a line break or at " / " ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"). */
export const titleLines = (text: string): string[] => text.split(/\r?\n|\s+\/\s+/).map((s) => s.trim()).filter(Boolean);

/** Recipients typed on one line, split at a line break or a semicolon ("UBND tỉnh (b/c); Lưu: VT"). */
export const recipientLines = (text: string): string[] => text.split(/\r?\n|;/).map((s) => s.trim().replace(/^[-–•]\s*/, '').replace(/[.;]$/, '').trim()).filter(Boolean);

import { DayNumber } from './days';

/** Why a day is not an ordinary one: a public holiday, its substitute, a decreed swap, or the user's own. */
export type SpecialKind = 'holiday' | 'substitute' | 'decreed-off' | 'make-up' | 'day-off' | 'extra-workday';

/** A day that is not what its weekday says, named in both languages (vi 'Tết Nguyên Đán', en 'Lunar New Year'). */
export interface SpecialDay {
  day: DayNumber;
  kind: SpecialKind;
  vi: string;
  en: string;
}

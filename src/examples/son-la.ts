/**
 * Sơn La's peak month (../shared/seeds/son-la-2025-peak-month-plan.txt): 285,559 records in 2,895 books
 * across the province's 12 districts, 1–25/3/2025, in stages with their own deadlines. The plan gives
 * the province's totals only; the split by district and register is invented, summing to them exactly.
 */

/** District, then births, marriages, deaths and books left to digitize. */
export const SON_LA_DISTRICTS: readonly [string, number, number, number, number][] = [
  ['Thành phố Sơn La', 11814, 4296, 5370, 218],
  ['Huyện Quỳnh Nhai', 7819, 2843, 3553, 144],
  ['Huyện Thuận Châu', 21417, 7788, 9735, 395],
  ['Huyện Mường La', 13407, 4875, 6094, 247],
  ['Huyện Bắc Yên', 7179, 2610, 3263, 132],
  ['Huyện Phù Yên', 13926, 5063, 6329, 257],
  ['Huyện Mộc Châu', 15183, 5520, 6901, 280],
  ['Huyện Yên Châu', 8931, 3247, 4059, 165],
  ['Huyện Mai Sơn', 20247, 7362, 9202, 373],
  ['Huyện Sông Mã', 17925, 6518, 8147, 330],
  ['Huyện Sốp Cộp', 5432, 1974, 2468, 100],
  ['Huyện Vân Hồ', 13785, 5012, 6265, 254],
];

/**
 * The plan's stages as `--stages` spells them: books collected and classified by 7/3, scanned by 15/3,
 * cross-checked by 15/3 (alongside the scan), entered by 20/3, scans attached and reviewed by 25/3.
 */
export const SON_LA_STAGES =
  'collect:2025-03-01..2025-03-07,scan:..2025-03-15,cross-check:..2025-03-15,entry:..2025-03-20,attach:..2025-03-25';

import * as path from 'path';
import { writeAtomically } from '../hosts/files/write-file';
import { loadReform } from '../hosts/files/places';
import { loadCommunes } from './national';
import { chonThanhWorkbook, daiLanhWorkbook, khanhHoaWorkbook, provinceWorkbook, sonLaWorkbook, vanNinhWorkbook } from './workbooks';

/** Regenerates examples/*.xlsx (`npm run examples`). */
async function main(): Promise<void> {
  const dir = path.join(__dirname, '..', '..', 'examples');
  const binhPhuoc = loadCommunes().filter((c) => c.province === 'Tỉnh Bình Phước');
  const reform = loadReform();
  const books = {
    'dai-lanh-2024.xlsx': daiLanhWorkbook(), 'chon-thanh-2023.xlsx': chonThanhWorkbook(), 'binh-phuoc-2025.xlsx': provinceWorkbook(binhPhuoc),
    'son-la-2025.xlsx': sonLaWorkbook(), 'khanh-hoa-2026.xlsx': khanhHoaWorkbook(reform.current), 'van-ninh-2025.xlsx': vanNinhWorkbook(reform.former),
  };
  await writeAtomically(Object.entries(books).map(([name, wb]) => ({ target: path.join(dir, name), write: (tmp) => wb.xlsx.writeFile(tmp) })));
  process.stdout.write(Object.keys(books).map((name) => `examples/${name}\n`).join(''));
}

main().catch((e) => {
  process.stderr.write(String(e) + '\n');
  process.exitCode = 1;
});

// Regenerates tests/fixtures/golden/findings.json from the code as it is now:
//   npx ts-node -T tests/golden/write.ts
// Only when findings are meant to change; read the diff before committing it.
import fs from 'node:fs';
import path from 'node:path';
import { GOLDEN_FILE, goldenAll, goldenText } from './audits';

void (async () => {
  const golden = await goldenAll();
  const text = goldenText(golden);
  JSON.parse(text);
  fs.mkdirSync(path.dirname(GOLDEN_FILE), { recursive: true });
  fs.writeFileSync(GOLDEN_FILE, text);
  console.log(`${path.relative(process.cwd(), GOLDEN_FILE)}: ${Object.keys(golden.audits).length} exports`);
})();

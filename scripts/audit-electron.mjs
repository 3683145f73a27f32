// Runs Electronegativity over the app's source (common/, main/, preload/, renderer/ together, so its
// global checks see the whole app) and fails on any HIGH or MEDIUM finding. The scanner always
// exits 0, so the verdict comes from parsing its CSV report.
//
// Some checks are "review this" findings by design (any preload script, any non-literal
// openExternal). Such a finding is accepted only by an entry in
// scripts/electronegativity-reviewed.json naming the rule, the file and why it is safe.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const VERSION = '1.10.3';
const ELECTRON = '45.5.0';
const outDir = resolve('test-results', 'electronegativity');
const report = join(outDir, 'report.csv');
mkdirSync(outDir, { recursive: true });

const reviewed = JSON.parse(readFileSync(resolve('scripts', 'electronegativity-reviewed.json'), 'utf8'));
const src = mkdtempSync(join(tmpdir(), 'frontdesk-audit-'));
for (const folder of ['common', 'main', 'preload', 'renderer']) cpSync(folder, join(src, folder), { recursive: true });

/** Minimal RFC 4180 line parser: the report quotes fields that hold commas. */
function parseCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field.trim());
      field = '';
    }
    else field += c;
  }
  fields.push(field.trim());
  return fields;
}

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const SEVERITIES = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']);

function scan() {
  rmSync(report, { force: true });
  const run = spawnSync('npx', ['-y', `@doyensec/electronegativity@${VERSION}`, '-i', src, '-r', '-e', ELECTRON, '-o', report], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    console.error(`electronegativity did not run (exit ${run.status})`);
    process.exit(2);
  }
  return readFileSync(report, 'utf8').split(/\r?\n/).filter(Boolean);
}

/** Every row whole: the header, then rows of eight fields with a check id and a known severity. */
function wellFormed(lines) {
  return (
    lines[0] === HEADER &&
    lines.slice(1).every((line) => {
      const fields = parseCsvLine(line);
      return fields.length >= 8 && /^[A-Z_]+$/.test(fields[0]) && SEVERITIES.has(fields[1]);
    })
  );
}

// The scanner writes its CSV header and its rows with separate, unordered asynchronous writes, so
// now and then the header lands over the first row. Such a report is never read as a verdict:
// the scan runs again, and a report that stays garbled fails the audit.
let lines = [];
for (let attempt = 1; attempt <= 3; attempt++) {
  lines = scan();
  if (wellFormed(lines)) break;
  if (attempt === 3) {
    console.error(`the electronegativity report stayed garbled after 3 scans: ${report}`);
    process.exit(2);
  }
  console.warn(`electronegativity wrote a garbled report (its header and rows race); scanning again (${attempt + 1}/3)`);
}
rmSync(src, { recursive: true, force: true });

let failures = 0;
for (const line of lines.slice(1)) {
  const [issue, severity, confidence, filename, location] = parseCsvLine(line);
  const text = `${severity.padEnd(6)} ${confidence.padEnd(9)} ${issue} ${filename}:${location}`;
  if (severity !== 'HIGH' && severity !== 'MEDIUM') {
    console.log(`note     ${text}`);
    continue;
  }
  const ok = reviewed.find((r) => r.rule === issue && r.file === filename);
  if (ok) {
    console.log(`reviewed ${text} — ${ok.why}`);
    continue;
  }
  failures++;
  console.error(`FAIL     ${text}`);
}
if (failures > 0) {
  console.error(`electronegativity: ${failures} HIGH/MEDIUM finding(s); report: ${report}`);
  process.exit(1);
}
console.log(`electronegativity: no unreviewed HIGH or MEDIUM findings (${lines.length - 1} in report ${report})`);

/**
 * Runs before `npm test` (the `pretest` script): the tests need two programs
 * from outside npm — Java 17+ for Amazon DynamoDB Local, and Chromium for the
 * KPI email layout test. When one is missing and this runs as root on
 * Debian/Ubuntu, it is installed with apt-get; otherwise this says how.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

interface Requirement {
  what: string;
  present(): boolean;
  debianPackage: string;
}

const javaMajor = (): number => {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`);
  return match ? Number(match[1]) : 0;
};

const requirements: Requirement[] = [
  { what: 'Java 17 or newer (runs Amazon DynamoDB Local)', present: () => javaMajor() >= 17, debianPackage: 'default-jre-headless' },
  { what: 'Chromium (renders the KPI email in the layout test)', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'), debianPackage: 'chromium' },
];

const missing = requirements.filter((r) => !r.present());
if (missing.length === 0) process.exit(0);

const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
const packages = missing.map((r) => r.debianPackage);
if (!canInstall) {
  console.error(`The tests need: ${missing.map((r) => r.what).join('; ')}.`);
  console.error(`Install with: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
  console.error('(or point CHROMIUM_PATH at an existing Chromium).');
  process.exit(1);
}
console.log(`Installing ${packages.join(', ')} with apt-get, needed by the tests: ${missing.map((r) => r.what).join('; ')}…`);
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
const stillMissing = requirements.filter((r) => !r.present());
if (stillMissing.length > 0) {
  console.error(`Still missing after apt-get: ${stillMissing.map((r) => r.what).join('; ')}`);
  process.exit(1);
}

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connectToLocalSystem } from '../local/connect';
import { unitDirectoryOfDeployment, UnitsNotLoadedError } from '../functions/shared/unit-directory';
import { unitDirectory, type UnitDirectory } from '../domain';
import { PROVINCE_RECIPIENT_SCOPE } from '../report';
import { InvalidStakeholderError, parseStakeholder } from '../report/stakeholder';
import { listStakeholders, putStakeholder, removeStakeholder } from '../functions/storage/stakeholder-store';
import { runMain } from './run-main';

/**
 * `npm run stakeholders -- <command>`: the KPI email's recipients, in the local system's registry.
 *   add --name <name> --email <address> --role <role> [--scope province|<unit code>] [--language vi|en] [--id <id>] [--inactive]
 *       (a unit code: a commune or ward in force today, e.g. 29242; GET /v1/units lists them)
 *   list
 *   remove <stakeholderId>
 *   seed <file.json>      (see config/stakeholders.example.json; re-seeding updates, ids come from the addresses)
 */
const USAGE = `usage: npm run stakeholders -- add --name <name> --email <address> --role <role> [--scope province|<unit code>] [--language vi|en] [--id <id>] [--inactive]
       npm run stakeholders -- list
       npm run stakeholders -- remove <stakeholderId>
       npm run stakeholders -- seed <file.json>`;

class UsageError extends Error {
  override name = 'UsageError';
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      language: { type: 'string' },
      id: { type: 'string' },
      inactive: { type: 'boolean' },
    },
  });
  if (!['add', 'seed', 'list', 'remove'].includes(command ?? '')) throw new UsageError(USAGE);
  if (command === 'remove' && !positionals[0]) throw new UsageError(USAGE);

  const local = await connectToLocalSystem();
  try {
    // A unit's scope is checked against the deployment's units store (npm run units:load), before anything is written;
    // entries for the whole province need no units.
    const scopes = command === 'add' ? [values.scope] : command === 'seed' ? seedEntries(positionals[0]).map((entry) => (entry as { scope?: unknown } | null)?.scope) : [];
    const forUnits = scopes.some((scope) => scope !== undefined && String(scope).trim() !== PROVINCE_RECIPIENT_SCOPE);
    const units: UnitDirectory = forUnits ? await unitDirectoryOfDeployment() : unitDirectory([]);
    const toAdd =
      command === 'add'
        ? [
            parseStakeholder(
              {
                name: values.name,
                email: values.email,
                role: values.role,
                ...(values.scope !== undefined && { scope: values.scope }),
                ...(values.language !== undefined && { language: values.language }),
                ...(values.id !== undefined && { stakeholderId: values.id }),
                active: values.inactive !== true,
              },
              units,
            ),
          ]
        : command === 'seed'
          ? seedFile(positionals[0], units)
          : [];

    if (command === 'add' || command === 'seed') {
      for (const stakeholder of toAdd) await putStakeholder(stakeholder);
      for (const s of toAdd) console.log(`saved ${s.stakeholderId}: ${s.name} <${s.email}>, ${s.role}, scope ${s.scope}, ${s.language}${s.active ? '' : ', inactive'}`);
    } else if (command === 'list') {
      const all = await listStakeholders();
      if (all.length === 0) console.log('No stakeholders yet: add one with `npm run stakeholders -- add ...` or seed a file.');
      for (const s of all) console.log(`${s.stakeholderId}\t${s.active ? 'active' : 'inactive'}\t${s.language}\t${s.scope}\t${s.role}\t${s.name} <${s.email}>`);
    } else {
      const removed = await removeStakeholder(positionals[0]!);
      console.log(removed ? `removed ${positionals[0]}` : `no stakeholder ${positionals[0]}`);
      if (!removed) process.exitCode = 1;
    }
  } finally {
    await local.close();
  }
}

function seedEntries(path: string | undefined): unknown[] {
  if (!path) throw new UsageError(USAGE);
  const data = JSON.parse(readFileSync(path, 'utf8')) as { stakeholders?: unknown[] };
  if (!Array.isArray(data.stakeholders)) throw new UsageError(`${path}: expected { "stakeholders": [ ... ] }`);
  return data.stakeholders;
}

function seedFile(path: string | undefined, units: UnitDirectory) {
  return seedEntries(path).map((entry, index) => {
    try {
      return parseStakeholder(entry, units);
    } catch (error) {
      if (error instanceof InvalidStakeholderError) throw new InvalidStakeholderError(`${path}, entry ${index + 1}: ${error.message}`, { cause: error });
      throw error;
    }
  });
}

runMain(
  () => main(process.argv.slice(2)),
  (error) => (error instanceof UsageError || error instanceof InvalidStakeholderError || error instanceof UnitsNotLoadedError ? error.message : error),
);

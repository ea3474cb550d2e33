import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogTables } from './tables';

/**
 * sandbox/data/catalog. This file sits three levels below the package root
 * both as source (src/systems/catalog) and compiled (dist/systems/catalog),
 * so one relative path serves ts-jest/swc and `node dist` alike.
 */
export const CATALOG_DATA_DIR = path.resolve(__dirname, '..', '..', '..', 'data', 'catalog');

/**
 * Reads the JSON tables. The shapes are only asserted here; expand-items.ts
 * checks every reference while expanding and the data test checks every
 * record, so bad data fails loudly at start-up or in CI, never silently.
 */
export function readCatalogTables(dir: string = CATALOG_DATA_DIR): CatalogTables {
  if (!existsSync(dir)) throw new Error(`catalog: data directory not found: ${dir}`);
  const read = <T>(name: string): T => readJson<T>(path.join(dir, name));
  const itemsDir = path.join(dir, 'items');
  const itemFiles = readdirSync(itemsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readJson<CatalogTables['itemFiles'][number]>(path.join(itemsDir, name)));
  return {
    meta: read('meta.json'),
    materials: read('materials.json'),
    conditions: read('conditions.json'),
    bases: read('bases.json'),
    halls: read('halls.json'),
    fees: read('fees.json'),
    steps: read('steps.json'),
    forms: read('forms.json'),
    itemFiles,
    packages: read('packages.json'),
  };
}

function readJson<T>(file: string): T {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`catalog: ${file} is not a JSON object or array`);
  // Shape asserted, not parsed: see readCatalogTables.
  return parsed as T;
}

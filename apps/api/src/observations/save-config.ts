// What saving a figure reads that rarely changes — the settings, the dimension vocabulary and
// each measure's dimensions — kept per process and per database, with the configuration version
// it was read at (migration 20261208010000-save-figure: config_version grows in the same
// transaction as any change of those tables). The save statement (save_figure) compares that
// version with the database's and answers 'stale' when another process (or this one) has
// changed the configuration since: the caller then forgets the cache, reads it again and saves
// again. So a warm save reads none of it, and no process ever saves against an old vocabulary.
// Nothing but the save path reads this cache: elsewhere the settings are read as before.
import type { Db } from '../db/schema.js';
import { listDimensions } from '../dimensions/dimensions.repository.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import { getSettings, type Settings } from '../settings/settings.service.js';
import type { DimensionVocabulary } from './breakdown.js';
import { configVersion, measureAt, measureDimensionsAt } from './observations.repository.js';

export interface SaveConfig {
  version: number;
  settings: Settings;
  vocabulary: DimensionVocabulary[];
  /** Dimension codes per measure, read as measures are first saved. */
  dimensionsOf: Map<string, string[]>;
  /** Measures as read when first saved to (who may write one follows from its row). */
  measures: Map<string, MeasureRow>;
}

interface Entry {
  pending: Promise<SaveConfig>;
  config?: SaveConfig;
}

const cached = new WeakMap<Db, Entry>();

async function load(db: Db): Promise<SaveConfig> {
  // The version first: what is read after it is at least as new, so a cache is never labelled
  // newer than its content (at worst it is reloaded once more than needed).
  const version = await configVersion(db);
  const [settings, vocabulary] = await Promise.all([getSettings(db), listDimensions(db)]);
  return { version, settings, vocabulary, dimensionsOf: new Map(), measures: new Map() };
}

/** The cache (read when there is none). */
export async function saveConfig(db: Db): Promise<SaveConfig> {
  let entry = cached.get(db);
  if (!entry) {
    const fresh: Entry = { pending: load(db) };
    fresh.pending.then(
      (c) => {
        fresh.config = c;
      },
      () => {
        if (cached.get(db) === fresh) cached.delete(db);
      },
    );
    cached.set(db, fresh);
    entry = fresh;
  }
  return entry.pending;
}

/**
 * Puts the dimensions of these (existing) measures in the cache, read with the version in one
 * statement; throws StaleSaveConfig when the version has moved since the cache was read.
 */
export async function withDimensionsOf(
  db: Db,
  config: SaveConfig,
  measureIds: string[],
): Promise<void> {
  const missing = [...new Set(measureIds)].filter((id) => !config.dimensionsOf.has(id));
  if (missing.length === 0) return;
  const { version, dims } = await measureDimensionsAt(db, missing);
  if (version !== config.version) {
    forgetSaveConfig(db, config);
    throw new StaleSaveConfig();
  }
  const found = new Map<string, string[]>(missing.map((id) => [id, []]));
  for (const d of dims) found.get(d.measure_id)?.push(d.code);
  for (const [id, codes] of found) config.dimensionsOf.set(id, codes);
}

/**
 * A measure from the cache, read (with the version, in one statement) when not yet in it;
 * undefined when there is no such measure. A single save checks the version it holds with the
 * rest: a measure changed since (moved, archived, deleted) makes the save stale.
 */
export async function cachedMeasure(
  db: Db,
  config: SaveConfig,
  measureId: string,
): Promise<MeasureRow | undefined> {
  const known = config.measures.get(measureId);
  if (known) return known;
  const { version, measure } = await measureAt(db, measureId);
  if (version !== config.version) {
    forgetSaveConfig(db, config);
    throw new StaleSaveConfig();
  }
  if (measure) config.measures.set(measureId, measure);
  return measure;
}

/** The cache was read before the configuration's latest change: read it again. */
export class StaleSaveConfig extends Error {}

/** Drops the cache if it is still this one (the save found it stale). */
export function forgetSaveConfig(db: Db, config: SaveConfig): void {
  if (cached.get(db)?.config === config) cached.delete(db);
}

/** Whether the configuration has changed since this cache was read. */
export async function saveConfigMoved(db: Db, config: SaveConfig): Promise<boolean> {
  return (await configVersion(db)) !== config.version;
}

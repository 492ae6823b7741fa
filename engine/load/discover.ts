// Finds the collections of an export in either shape (docs/contract.md, "two shapes") and
// reads its meta. Anything that makes the export unreadable is
// an InputError with one clear bilingual line.
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTION_NAMES, CollectionName, MetaT, SCHEMA_VERSIONS } from '../../schemas/case-export';
import { InputError } from '../errors';
import { arrayElementTexts, scanRecord, topLevelMembers } from './json-text';
import { validateMeta } from './validator';

export interface CollectionFile {
  collection: CollectionName;
  file: string;
  format: 'ndjson' | 'array';
  /** For a JSON array, each record's own text (numbers and keys as written, one line each). */
  texts?: string[];
}

export interface DiscoveredExport {
  path: string;
  shape: 'file' | 'folder';
  meta: MetaT;
  files: CollectionFile[];
}

// JSON.parse cannot take a string over ~512 M characters; say so before trying.
const MAX_JSON_BYTES = 400 * 1024 * 1024;
const DATA_EXT = /\.(ndjson|jsonl|json)$/;

export function discover(exportPath: string): DiscoveredExport {
  if (!fs.existsSync(exportPath)) throw new InputError(`找不到导出数据: ${exportPath}`, `export not found: ${exportPath}`);
  const stat = fs.statSync(exportPath);
  return stat.isDirectory() ? discoverFolder(exportPath) : discoverFile(exportPath);
}

function readJson(file: string): { value: unknown; text: string } {
  const size = fs.statSync(file).size;
  if (size > MAX_JSON_BYTES)
    throw new InputError(`${file}: 文件过大(${Math.round(size / 1048576)} MB),请改用逐行 NDJSON 格式导出`, `${file}: too large for one JSON document (${Math.round(size / 1048576)} MB); export it as NDJSON, one record per line`);
  return parseJson(utf8(fs.readFileSync(file), file), file);
}

function parseJson(text: string, file: string): { value: unknown; text: string } {
  try {
    return { value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), text };
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const where = m ? lineColumn(text, Number(m[1])) : '';
    throw new InputError(`${file}${where}: JSON 格式错误`, `${file}${where}: malformed JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

/** Decodes strictly: a byte that is not UTF-8 stops the run rather than becoming U+FFFD unseen. */
function utf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = bytes.toString('utf8');
    const at = text.indexOf('\ufffd');
    const where = at < 0 ? '' : `:${text.slice(0, at).split('\n').length}`;
    throw new InputError(`${file}${where}: 不是 UTF-8 编码(请以 UTF-8 导出)`, `${file}${where}: not UTF-8 encoded (export as UTF-8)`);
  }
}

function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return `:${line}:${pos - before.lastIndexOf('\n')}`;
}

function checkMeta(meta: unknown, where: string, text?: string): MetaT {
  // JSON.parse keeps the last of two equal keys; the meta's own text says whether there were two.
  const repeated = text === undefined ? undefined : scanRecord(text).errors[0];
  if (repeated) throw new InputError(`${where}: meta 字段 ${repeated.path.replace('$', 'meta')} ${repeated.zh}`, `${where}: meta field ${repeated.path.replace('$', 'meta')} ${repeated.en}`);
  if (!meta || typeof meta !== 'object') throw new InputError(`${where}: 缺少 meta`, `${where}: meta is missing`);
  const version = (meta as Record<string, unknown>).schema_version;
  if (version === undefined) throw new InputError(`${where}: 缺少 meta.schema_version`, `${where}: meta.schema_version is missing`);
  if (!(SCHEMA_VERSIONS as readonly unknown[]).includes(version)) {
    const known = SCHEMA_VERSIONS.map((v) => `"${v}"`).join(', ');
    throw new InputError(`${where}: 不支持的契约版本 meta.schema_version=${JSON.stringify(version)}(支持 ${known})`, `${where}: unsupported meta.schema_version ${JSON.stringify(version)} (this harness reads ${known})`);
  }
  const errors = validateMeta(meta);
  if (errors.length) {
    const e = errors[0];
    throw new InputError(`${where}: meta 字段 ${e.path.replace('$', 'meta')} ${e.zh}`, `${where}: meta field ${e.path.replace('$', 'meta')} ${e.en}`);
  }
  return meta as MetaT;
}

function asCollection(name: string, where: string): CollectionName {
  if (!(COLLECTION_NAMES as string[]).includes(name))
    throw new InputError(`${where}: 未知的数据集合 "${name}"(契约 v1 的集合: ${COLLECTION_NAMES.join(', ')})`, `${where}: unknown collection "${name}" (contract v1 collections: ${COLLECTION_NAMES.join(', ')})`);
  return name as CollectionName;
}

function discoverFile(file: string): DiscoveredExport {
  return discoverDocument(readJson(file), file);
}

/**
 * An export in one JSON document already in memory (spec scenarios build theirs so), read
 * exactly as a file of that text would be; `file` names it in rejections and errors.
 */
export function discoverText(text: string, file: string): DiscoveredExport {
  return discoverDocument(parseJson(text, file), file);
}

function discoverDocument({ value: doc, text }: { value: unknown; text: string }, file: string): DiscoveredExport {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new InputError(`${file}: 顶层应为对象 {meta, …}`, `${file}: the top level must be an object {meta, …}`);
  const { meta } = doc as Record<string, unknown>;
  const seen = new Set<string>();
  const files: CollectionFile[] = [];
  let metaText: string | undefined;
  for (const { key, start, end } of topLevelMembers(text)) {
    // JSON.parse would keep only the last of two "households" arrays; say so instead.
    if (seen.has(key)) throw new InputError(`${file}: 顶层键 "${key}" 出现不止一次`, `${file}: top-level key "${key}" appears more than once`);
    seen.add(key);
    if (key === 'meta') {
      metaText = text.slice(start, end);
      continue;
    }
    const collection = asCollection(key, file);
    if (!Array.isArray((doc as Record<string, unknown>)[key])) throw new InputError(`${file}: ${key} 应为数组`, `${file}: ${key} must be an array`);
    files.push({ collection, file, format: 'array', texts: arrayElementTexts(text, start) });
  }
  return { path: file, shape: 'file', meta: checkMeta(meta, file, metaText), files };
}

function discoverFolder(dir: string): DiscoveredExport {
  const metaFile = path.join(dir, 'meta.json');
  if (!fs.existsSync(metaFile)) throw new InputError(`${dir}: 文件夹中缺少 meta.json`, `${dir}: the folder has no meta.json`);
  const metaJson = readJson(metaFile);
  const meta = checkMeta(metaJson.value, metaFile, metaJson.text.replace(/^\ufeff/, ''));
  const seen = new Map<CollectionName, string>();
  const files: CollectionFile[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (name === 'meta.json' || name.startsWith('.') || !DATA_EXT.test(name)) continue;
    const file = path.join(dir, name);
    const collection = asCollection(name.replace(DATA_EXT, ''), file);
    const twin = seen.get(collection);
    if (twin) throw new InputError(`${dir}: 集合 ${collection} 有两个文件: ${twin} 与 ${name}`, `${dir}: collection ${collection} has two files: ${twin} and ${name}`);
    seen.set(collection, name);
    if (name.endsWith('.json')) {
      const { value, text } = readJson(file);
      if (!Array.isArray(value)) throw new InputError(`${file}: 应为 JSON 数组`, `${file}: must be a JSON array`);
      files.push({ collection, file, format: 'array', texts: arrayElementTexts(text) });
    } else files.push({ collection, file, format: 'ndjson' });
  }
  return { path: dir, shape: 'folder', meta, files };
}

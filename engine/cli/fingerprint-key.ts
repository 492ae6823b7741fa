// The agency's fingerprint key: `--fingerprint-key-file FILE`, else JIUZHU_FINGERPRINT_KEY. A key
// named but unusable is exit 2, never a silent fall-back to keyless fingerprints (they would all change).
import fs from 'node:fs';
import { Option } from 'commander';
import { UsageError } from '../errors';

export const FINGERPRINT_KEY_ENV = 'JIUZHU_FINGERPRINT_KEY';

/** The key bytes (trailing newline dropped), or undefined when neither the file nor the variable is given. */
export function readFingerprintKey(file: string | undefined, env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  if (file !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`无法读取指纹密钥文件 ${file}`, `cannot read the fingerprint key file ${file}`);
    }
    if (!text.trim()) throw new UsageError(`指纹密钥文件 ${file} 为空`, `the fingerprint key file ${file} is empty`);
    return Buffer.from(text.replace(/\r?\n$/, ''), 'utf8');
  }
  const value = env[FINGERPRINT_KEY_ENV];
  if (value === undefined) return undefined;
  if (!value.trim()) throw new UsageError(`环境变量 ${FINGERPRINT_KEY_ENV} 为空`, `the environment variable ${FINGERPRINT_KEY_ENV} is empty`);
  return Buffer.from(value, 'utf8');
}

/** The same option on every command that prints fingerprints (audit, explain), so both print the same ones. */
export const fingerprintKeyOption = () =>
  new Option('--fingerprint-key-file <file>', '用机构保管的密钥计算指纹(HMAC-SHA256;也可设环境变量 JIUZHU_FINGERPRINT_KEY) / key fingerprints with the agency\'s key (HMAC-SHA256; or set JIUZHU_FINGERPRINT_KEY)');

/** Read the key (exit 2 if named but unusable) and key every fingerprint of this run with it. */
export async function useFingerprintKey(file: string | undefined): Promise<void> {
  const key = readFingerprintKey(file);
  // Loaded here, not at the top: `jiuzhu --help` loads no engine module.
  (await import('../findings/finding')).setFingerprintKey(key);
}

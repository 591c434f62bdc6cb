import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The local Secrets Manager: names to JSON strings, kept in a file (mode 0600) under
 * .causeway/ when persistent, in memory for tests and evals.
 */
export class SecretStore {
  private readonly secrets: Map<string, string>;

  constructor(private readonly file?: string) {
    this.secrets = new Map(file && existsSync(file) ? Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : []);
  }

  get(name: string): string | undefined {
    return this.secrets.get(name);
  }

  put(name: string, value: string): void {
    this.secrets.set(name, value);
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify(Object.fromEntries(this.secrets), null, 2), { mode: 0o600 });
    }
  }
}

/**
 * A file the command was given cannot be used: missing, not JSON, or not the format the
 * command reads. Its message starts with the file's path; the command line says it with exit
 * code 2, before any local stack is started.
 */
export class FileError extends Error {
  override name = 'FileError';
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
  }
}

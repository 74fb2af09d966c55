/**
 * Prints the scrypt hash of a staff password for the practice file's inbox.staff[].passwordHash.
 * The password is read from standard input (never an argument, which would land in shell history):
 *   npm run --silent hash-password            (type it, then Enter)
 *   printf '%s' "$PW" | npm run --silent hash-password
 */
import { createInterface } from 'node:readline';
import { hashPassword } from '../src/inbox/passwords.js';

const MIN_LENGTH = 12;

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password, then Enter: ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  if (process.stdin.isTTY) process.stdin.setRawMode?.(false);
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

const password = await readPassword();
if (password.length < MIN_LENGTH) {
  process.stderr.write(`\nA staff password needs at least ${MIN_LENGTH} characters.\n`);
  process.exit(1);
}
process.stdout.write(`${await hashPassword(password)}\n`);

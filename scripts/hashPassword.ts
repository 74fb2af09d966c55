/**
 * Prints the scrypt hash of a staff password for the practice file's inbox.staff[].passwordHash.
 * The password is read from standard input (never an argument, which would land in shell history):
 *   npm run --silent hash-password            (type it, not shown, then Enter)
 *   printf '%s' "$PW" | npm run --silent hash-password
 */
import { createInterface } from 'node:readline';
import { hashPassword } from '../src/inbox/passwords.js';

const MIN_LENGTH = 12;

/** From a terminal: raw mode, nothing echoed; Backspace deletes, Ctrl-C stops. */
function readHidden(): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stderr.write('Password (not shown), then Enter: ');
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPiped(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

const password = process.stdin.isTTY ? await readHidden() : await readPiped();
if (password.length < MIN_LENGTH) {
  process.stderr.write(`A staff password needs at least ${MIN_LENGTH} characters.\n`);
  process.exit(1);
}
process.stdout.write(`${await hashPassword(password)}\n`);

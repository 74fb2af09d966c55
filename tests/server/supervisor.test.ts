import { readFileSync } from 'node:fs';
import { projectRoot } from '../support/dialog.js';

/**
 * After a fatal fault the bot exits with code 1 on purpose (src/server/fatalPolicy.ts), so every
 * deploy template must have a supervisor that starts it again, whatever the exit.
 */
const read = (path: string) => readFileSync(`${projectRoot}/${path}`, 'utf8');

describe('deploy templates restart the bot whatever ends it', () => {
  it('compose: the bot service restarts unless stopped by hand', () => {
    expect(read('deploy/compose.yaml')).toMatch(/\n {2}bot:[\s\S]*\n {4}restart: (unless-stopped|always)\n/);
  });

  it('compose with PostgreSQL: the database and both bots restart, the bots share one DIRECTLINE_SECRET and wait for the database', () => {
    const compose = read('deploy/compose.postgres.yaml');
    expect(compose).toMatch(/\nx-bot: &bot\n[\s\S]*?\n {2}restart: unless-stopped\n/);
    expect(compose).toMatch(/\n {2}db:\n[\s\S]*?\n {4}restart: unless-stopped\n/);
    expect(compose.match(/\n {4}<<: \*bot\n/g)).toHaveLength(2);
    expect(compose).toMatch(/condition: service_healthy/);
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\//);
  });

  it('systemd: Restart=always and no start limit that would give up', () => {
    const unit = read('deploy/systemd/gp-intake-bot.service');
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^StartLimitIntervalSec=0$/m);
    expect(unit).not.toMatch(/^Restart=(no|on-failure|on-abnormal)$/m);
  });

  it('App Service: a health check and Always On (the platform restarts an exited process)', () => {
    const bicep = read('deploy/azure/main.bicep');
    expect(bicep).toMatch(/healthCheckPath: '\/health'/);
    expect(bicep).toMatch(/alwaysOn: true/);
  });

  it('the image has a health check and the README says to run it with a restart policy', () => {
    expect(read('deploy/Dockerfile')).toMatch(/HEALTHCHECK/);
    expect(read('deploy/README.md')).toMatch(/--restart unless-stopped/);
  });
});

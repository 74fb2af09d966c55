import { readFileSync } from 'node:fs';
import { projectRoot } from '../support/dialog.js';

/**
 * One Node LTS line everywhere: CI (.ci/node22.sh), the Docker image and the Azure App Service run the
 * line that package.json's engines starts at, and the other LTS line engines accepts is named too.
 */
const read = (path: string) => readFileSync(`${projectRoot}/${path}`, 'utf8');
const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;

/** The majors engines accepts, from ">=22.13 <23 || >=24": 22 and 24. */
const acceptedMajors = engines.split('||').map((part) => Number(/>=\s*(\d+)/.exec(part)?.[1]));
const ciMajor = Number(/version="\$\{NODE22_VERSION:-(\d+)\.\d+\.\d+\}"/.exec(read('.ci/node22.sh'))?.[1]);

describe('the Node line is the same in CI, the image and the templates', () => {
  it('engines accepts the 22 and 24 LTS lines, nothing older', () => {
    expect(acceptedMajors).toEqual([22, 24]);
  });

  it('CI brings the first line engines accepts', () => {
    expect(ciMajor).toBe(acceptedMajors[0]);
  });

  it('CI smoke-runs the built bot on the other line engines accepts', () => {
    const smokeMajor = Number(/version="\$\{NODE24_VERSION:-(\d+)\.\d+\.\d+\}"/.exec(read('.ci/node24.sh'))?.[1]);
    expect(smokeMajor).toBe(acceptedMajors[1]);
    expect(read('.ci/run')).toContain('"$node24_bin/node" .ci/smoke.mjs');
  });

  it('the Docker image and App Service run that line', () => {
    expect(read('deploy/Dockerfile')).toContain(`ARG NODE_IMAGE=node:${ciMajor}-`);
    expect(read('deploy/Dockerfile')).not.toMatch(/^FROM node:/m);
    expect(read('deploy/azure/main.bicep')).toContain(`linuxFxVersion: 'NODE|${ciMajor}-lts'`);
  });

  it('the README quick start names the lines engines accepts', () => {
    const quickStart = /## Quick start\n([\s\S]*?)\n## /.exec(read('README.md'))?.[1] ?? '';
    for (const major of acceptedMajors) expect(quickStart).toContain(`Node.js ${major}`);
  });
});

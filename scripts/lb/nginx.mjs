// nginx as the load balancer of a load run: Debian's package (installed with apt-get as root when
// missing, as npm test installs Chromium), run as the current user from a directory of its own, with
// deploy/nginx/suijing.conf.template filled in. The upstream list is a file of its own so that the
// health watcher can mark an instance down and reload.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT, installDebianPackages } from '../lib.mjs';

const execFileAsync = promisify(execFile);
export const TEMPLATE = path.join(ROOT, 'deploy/nginx/suijing.conf.template');

/** The nginx binary: NGINX_PATH, Debian's, or Debian's package installed now. */
export function ensureNginx() {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  installDebianPackages(['nginx'], 'the load run behind a load balancer', '(or set NGINX_PATH to an nginx binary).');
  return '/usr/sbin/nginx';
}

/** The template with its ${SUIJING_...} placeholders filled in (nginx's own $variables left alone). */
export function fillTemplate(values, template = readFileSync(TEMPLATE, 'utf8')) {
  return template.replace(/\$\{(SUIJING_[A-Z_]+)\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`${TEMPLATE}: no value for \${${name}}`);
    return values[name];
  });
}

/**
 * The upstream include: one server line per instance, `down` for those taken out. When every one is out
 * none is marked (failing open, as cloud balancers do): nginx's passive checks then pick what answers,
 * rather than it answering 502 to everyone because all instances were slow to say they are ready.
 */
export function upstreamLines(backends) {
  const allDown = backends.every((b) => b.down);
  return backends
    .map((b) => `server 127.0.0.1:${b.port} max_fails=1 fail_timeout=5s${b.down && !allDown ? ' down' : ''};\n`)
    .join('');
}

/** The main configuration around the template: one worker, everything nginx writes in the run directory. */
function mainConf(dir) {
  const user = process.getuid?.() === 0 ? `user ${os.userInfo().username};\n` : '';
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `    ${name}_temp_path ${path.join(dir, `${name}_temp`)};\n`)
    .join('');
  return (
    `${user}daemon off;\nworker_processes 1;\npid ${path.join(dir, 'nginx.pid')};\n` +
    `error_log ${path.join(dir, 'error.log')} warn;\n` +
    `events {\n    worker_connections 4096;\n}\n` +
    `http {\n    access_log off;\n${temp}    include ${path.join(dir, 'suijing.conf')};\n}\n`
  );
}

/**
 * Starts nginx on `port` in front of `backends` ([{ port }]); resolves once it answers.
 * @returns {{ url: string, setDown(index: number, down: boolean): Promise<void>, stop(): Promise<void>, errorLog: string }}
 */
export async function startNginx({ port, backends, dir }) {
  const nginx = ensureNginx();
  mkdirSync(dir, { recursive: true });
  const state = backends.map((b) => ({ port: b.port, down: false }));
  const upstreams = path.join(dir, 'upstreams.conf');
  writeFileSync(upstreams, upstreamLines(state));
  writeFileSync(
    path.join(dir, 'suijing.conf'),
    fillTemplate({
      SUIJING_LISTEN: `127.0.0.1:${port}`,
      SUIJING_UPSTREAMS: upstreams,
      // The load run's citizens stand for a cloud balancer on the loopback: their X-Forwarded-For is believed.
      SUIJING_TRUSTED_PROXY: '127.0.0.1',
    }),
  );
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, mainConf(dir));
  const args = ['-p', dir, '-c', conf];
  await execFileAsync(nginx, [...args, '-t', '-q']).catch((error) => {
    throw new Error(`nginx -t: ${error.stderr || error.message}`);
  });
  const child = spawn(nginx, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: see ${dir}/error.log`);
    const ok = await fetch(`${url}/healthz`).then(
      () => true,
      () => false,
    );
    if (ok) break;
    if (attempt > 100) throw new Error('nginx did not answer within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const errorLog = path.join(dir, 'error.log');
  return {
    url,
    errorLog,
    /** Marks instance `index` down (or up again) and reloads: new workers take the list, old ones finish. */
    async setDown(index, down) {
      state[index].down = down;
      // Whole or not at all: nginx may still be reading the file for the previous reload, and an empty
      // list makes it refuse the new configuration ("no servers are inside upstream").
      writeFileSync(`${upstreams}.next`, upstreamLines(state));
      renameSync(`${upstreams}.next`, upstreams);
      await execFileAsync(nginx, [...args, '-s', 'reload']);
    },
    /** What nginx logged about the instances (refused, reset, timed out): one line each. */
    upstreamErrors() {
      const text = existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '';
      return text.split('\n').filter((line) => line.includes('upstream'));
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGQUIT');
      await exited;
    },
  };
}

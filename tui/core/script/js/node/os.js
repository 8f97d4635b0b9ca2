'use strict';
// os: the real machine's CPU count and kernel release; the rest fixed (nothing of the host leaks).
const ptv = internalBinding('ptview');
const JSON = ptv.JSON;  // ptview's own copy: a script's JSON.parse = … leaves the host alone
const info = JSON.parse(ptv.call('os_info'));
const cpu = { model: 'cpu', speed: 2000, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } };
module.exports = {
  EOL: '\n', cpus: () => Array.from({ length: info.cpus }, () => ({ ...cpu })), availableParallelism: () => info.cpus,
  platform: () => 'linux', type: () => 'Linux', release: () => info.release, arch: () => 'x64',
  hostname: () => info.hostname, totalmem: () => info.totalmem, freemem: () => info.freemem,
  homedir: () => info.homedir, tmpdir: () => info.tmpdir, endianness: () => 'LE', uptime: () => 1000,
  loadavg: () => [0, 0, 0], networkInterfaces: () => ({}), userInfo: () => ({ username: 'node', uid: 1000, gid: 1000, shell: '/bin/sh', homedir: info.homedir }),
  constants: { signals: {}, errno: {} },
};

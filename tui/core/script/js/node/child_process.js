'use strict';
// child_process.fork: the module runs as a model process of its own (its own loop, pool,
// clock and engine context); IPC messages are JSON copies delivered in the poll phase.
const ptv = internalBinding('ptview');
const JSON = ptv.JSON;  // ptview's own copy: a script's JSON.parse = … leaves the host alone
const EventEmitter = require('events');

class ChildProcess extends EventEmitter {
  send(message) { return ptv.call('child_send', this.pid, JSON.stringify(message)); }
  disconnect() { ptv.call('child_disconnect', this.pid); }
  kill() { ptv.refuse('child.kill() is not supported by ptview'); }
  ref() {} unref() {}
}
function fork(modulePath, args, options) {
  if (!Array.isArray(args)) { options = args; args = []; }
  const child = new ChildProcess();
  const k = (r) => {
    if (r.event === 'disconnect') child.connected = false;
    if (r.event === 'exit') child.exitCode = r.args[0];
    child.emit(r.event, ...r.args);
  };
  child.connected = true;
  const pid = ptv.call('fork', JSON.stringify(String(modulePath)), JSON.stringify(args.map(String)), ptv.register(k));
  if (typeof pid === 'string') ptv.refuse(pid);   // past the run's bound of model processes
  child.pid = pid;
  return child;
}
const refused = (what) => () => ptv.refuse(`child_process.${what} is not supported: scripts start no processes but the model's fork`);
module.exports = {
  fork, ChildProcess,
  spawn: refused('spawn'), exec: refused('exec'), execFile: refused('execFile'),
  spawnSync: refused('spawnSync'), execSync: refused('execSync'), execFileSync: refused('execFileSync'),
};

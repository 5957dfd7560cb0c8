const { spawn } = require('node:child_process');
const t0 = performance.now();
const p = spawn('node', [process.env.BIN || 'bin/migo-contract.cjs', 'simulator', '--port', '0', ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
let buf = '';
p.stdout.on('data', (d) => { buf += d; if (buf.includes('\n')) { const line = JSON.parse(buf.split('\n')[0]); console.log('first line after', (performance.now() - t0).toFixed(0), 'ms', line.middleware, Object.keys(line)); p.kill('SIGTERM'); } });
p.on('exit', (code, sig) => console.log('exit', code, sig, (performance.now() - t0).toFixed(0)));

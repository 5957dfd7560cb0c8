// Preloaded (NODE_OPTIONS=--require) into a nested run, and inherited by its workers: every DNS lookup of a name
// that is not loopback, and every connection to an address that is not loopback, is refused and written to the
// file named by MIGO_NETWORK_LOG. A run that points a production host name at this gets nothing, and the log
// says whether it tried: "no connection attempted" is proven without a bypass and without reaching anything.
const dns = require('node:dns');
const fs = require('node:fs');
const net = require('node:net');

const log = process.env.MIGO_NETWORK_LOG;
const record = (what) => {
  if (log) fs.appendFileSync(log, `${what}\n`);
};
const isLoopback = (host) => {
  const bare = String(host)
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || /^127\./.test(bare);
};
const refused = (host) =>
  Object.assign(
    new Error(`getaddrinfo ENOTFOUND ${host} (network refused by tests/security/no-network.cjs)`),
    {
      code: 'ENOTFOUND',
      hostname: host,
    },
  );

const lookup = dns.lookup;
dns.lookup = function (host, ...args) {
  if (isLoopback(host)) return lookup.call(this, host, ...args);
  record(`lookup ${host}`);
  const callback = args.at(-1);
  process.nextTick(() => callback(refused(host)));
  return undefined;
};
const promisedLookup = dns.promises.lookup;
dns.promises.lookup = async function (host, ...args) {
  if (isLoopback(host)) return promisedLookup.call(this, host, ...args);
  record(`lookup ${host}`);
  throw refused(host);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options =
    typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  const host = options.host ?? 'localhost';
  if (!options.path && net.isIP(host) && !isLoopback(host)) {
    record(`connect ${host}`);
    process.nextTick(() => this.destroy(refused(host)));
    return this;
  }
  return connect.apply(this, args);
};

// The ceiling for a simulator on this machine (shared/research/perf-anchors.md §2): fastify with no logger doing
// the same per-request work as the simulator's Payment Link route (token pattern, body schema, a new uid), and
// nothing else. Prints {"url"} once listening on a free port.
const fastify = require('fastify')({ logger: false });
const { randomUUID } = require('node:crypto');

let seq = 0;
fastify.post(
  '/transactions',
  {
    schema: {
      headers: {
        type: 'object',
        required: ['authorization'],
        properties: { authorization: { type: 'string', pattern: '^(Bearer )?[0-9a-f]{64}$' } },
      },
      body: {
        type: 'object',
        required: ['amount', 'userId', 'channel'],
        properties: {
          amount: { type: 'number', exclusiveMinimum: 0 },
          userId: { type: 'string', minLength: 1 },
          channel: { type: 'string', minLength: 1 },
          client: { type: 'string', minLength: 1 },
        },
      },
    },
  },
  async () => {
    const uid = `trx_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    seq += 1;
    return {
      uid,
      reference: `CLIENT${String(seq).padStart(6, '0')}SB`,
      URL: `http://127.0.0.1/?orderId=${uid}`,
    };
  },
);
fastify
  .listen({ host: '127.0.0.1', port: 0 })
  .then((address) => console.log(JSON.stringify({ url: address })));
process.on('SIGTERM', () => fastify.close().then(() => process.exit(0)));

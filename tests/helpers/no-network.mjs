// Preloaded with `node --import` in tests: any attempt to open a socket, resolve a name or fetch fails loudly,
// so a test can prove chronolog works fully offline.
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

function forbid(what) {
  return () => {
    process.stderr.write(`NETWORK ACCESS ATTEMPTED: ${what}\n`);
    process.exit(99);
  };
}

net.Socket.prototype.connect = forbid('net.Socket.connect');
net.connect = net.createConnection = forbid('net.connect');
tls.connect = forbid('tls.connect');
http.request = http.get = forbid('http.request');
https.request = https.get = forbid('https.request');
dgram.createSocket = forbid('dgram.createSocket');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[name] = forbid(`dns.${name}`);
  dns.promises[name] = forbid(`dns.promises.${name}`);
}
globalThis.fetch = forbid('fetch');
globalThis.WebSocket = forbid('WebSocket');

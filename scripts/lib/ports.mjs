// Loopback port helpers.
import net from 'node:net';

/** True if nothing listens on 127.0.0.1:port and we may bind it. */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** A port the OS says is free on loopback right now. */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen({ port: 0, host }, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** `preferred` if free, otherwise any free port. */
export async function preferredOrFreePort(preferred) {
  if (preferred && (await isPortFree(preferred))) return preferred;
  return freePort();
}

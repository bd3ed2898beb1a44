/**
 * An open-loop load generator: requests go out at a fixed rate, on a schedule that does not wait
 * for earlier answers, over a fixed set of keep-alive connections. This is what "a steady load"
 * means for a server that acknowledges first and works after: a closed loop (autocannon's default,
 * where each connection sends its next request when the last is answered) measures throughput at
 * saturation instead, where latency is just connections ÷ requests per second.
 *
 * Each latency is measured from the moment the request was *due*, not from when a free connection
 * took it, so a server that falls behind is charged for the wait (no coordinated omission).
 */
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface SteadyRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface SteadyLoadSpec {
  readonly url: string;
  /** Requests per second, spread evenly. */
  readonly rate: number;
  readonly connections: number;
  /** Sent and answered, not recorded. */
  readonly warmupSeconds: number;
  readonly seconds: number;
  /** Called for each request just before it is sent (a fresh signature each time). */
  readonly makeRequest: () => SteadyRequest;
  /** A request unanswered this long counts as a timeout. */
  readonly timeoutMs?: number;
}

export interface SteadyLoadResult {
  /** Latencies of 2xx responses in the measured window, ms from the due time. */
  readonly latencies: number[];
  /** Seconds into the measured window at which each recorded request was due. */
  readonly dueAt: number[];
  /** Responses in the measured window by status. */
  readonly statusCodes: Record<string, number>;
  /** 2xx responses over the whole run, warm-up included. */
  readonly okAll: number;
  readonly errors: number;
  /** The first few connection errors' messages (e.g. ECONNRESET), to tell a failure's kind. */
  readonly errorMessages: readonly string[];
  readonly timeouts: number;
  /** Requests sent over the whole run. */
  readonly sent: number;
  /** Requests due in the measured window that were answered, per second. */
  readonly achievedRate: number;
}

export async function steadyLoad(spec: SteadyLoadSpec): Promise<SteadyLoadResult> {
  const { rate, connections, warmupSeconds, seconds } = spec;
  const target = new URL(spec.url);
  // A socket left idle is closed by the server after its keep-alive timeout (Node's default: 5 s).
  // Reused at that very moment, the request fails with ECONNRESET, which says nothing about the
  // bot; so this client drops its idle sockets first.
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, timeout: 4_000 });
  const timeoutMs = spec.timeoutMs ?? 10_000;
  const latencies: number[] = [];
  const dueAt: number[] = [];
  const statusCodes: Record<string, number> = {};
  let okAll = 0;
  let errors = 0;
  const errorMessages: string[] = [];
  let timeouts = 0;
  let sent = 0;
  const total = Math.round(rate * (warmupSeconds + seconds));
  const interval = 1000 / rate;
  const started = performance.now();
  const measureFrom = started + warmupSeconds * 1000;
  const inFlight = new Set<Promise<void>>();

  const fire = (due: number): void => {
    const signed = spec.makeRequest();
    sent += 1;
    const done = new Promise<void>((resolve) => {
      const req = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { ...signed.headers, 'content-length': Buffer.byteLength(signed.body) },
          timeout: timeoutMs,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const ok = status >= 200 && status < 300;
            if (ok) okAll += 1;
            if (due >= measureFrom) {
              statusCodes[status] = (statusCodes[status] ?? 0) + 1;
              if (ok) {
                latencies.push(performance.now() - due);
                dueAt.push((due - measureFrom) / 1000);
              }
            }
            resolve();
          });
        },
      );
      let timedOut = false;
      req.on('timeout', () => {
        timedOut = true;
        timeouts += 1;
        req.destroy();
      });
      // A timed-out request is destroyed, which also emits 'error'; count it once, as a timeout.
      req.on('error', (err) => {
        if (!timedOut) {
          errors += 1;
          if (errorMessages.length < 5) errorMessages.push(err.message);
        }
        resolve();
      });
      req.end(signed.body);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };

  // Send every request whose due time has come; a 1 ms timer keeps the schedule within a
  // millisecond, and requests that fell behind it still carry their due time.
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = (): void => {
      const now = performance.now();
      while (next < total && started + next * interval <= now) {
        fire(started + next * interval);
        next += 1;
      }
      if (next >= total) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, 1);
    tick();
  });
  await Promise.all([...inFlight]);
  agent.destroy();
  return {
    latencies,
    dueAt,
    statusCodes,
    okAll,
    errors,
    errorMessages,
    timeouts,
    sent,
    achievedRate: latencies.length / seconds,
  };
}

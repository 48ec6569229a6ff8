import type { MiddlewareHandler } from 'hono';

/**
 * One log line is a flat object of primitives. What goes in is chosen field by field: never a
 * request or response body, a header, a query string, a token, a key or an email.
 */
export type LogEntry = Readonly<Record<string, string | number | boolean | null>>;

export type LogSink = (entry: LogEntry) => void;

/** Writes each entry as one line of JSON, with a timestamp first. */
export function jsonLineSink(write: (line: string) => void = (line) => process.stdout.write(line)): LogSink {
  return (entry) => write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

/** Logs method, path (without the query string, which may carry codes), status and duration. */
export function requestLogger(log: LogSink): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    log({
      level: 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
    });
  };
}

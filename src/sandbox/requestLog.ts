// GET /__sandbox/requests: what the gateway asked for since the last reset. Tests count upstream
// calls with it, so every request to a served API route is recorded before its answer is sent.

export interface LoggedRequest {
  method: string;
  route: string;
  path: string;
  /** null when a fault made the request time out or reset the socket. */
  status: number | null;
  idempotencyKey: string | null;
}

const KEEP = 1000;

export class RequestLog {
  private total = 0;
  private routes = new Map<string, number>();
  private recent: LoggedRequest[] = [];

  record(entry: LoggedRequest): void {
    this.total += 1;
    this.routes.set(entry.route, (this.routes.get(entry.route) ?? 0) + 1);
    this.recent.push(entry);
    if (this.recent.length > KEEP) this.recent.splice(0, this.recent.length - KEEP);
  }

  reset(): void {
    this.total = 0;
    this.routes.clear();
    this.recent = [];
  }

  toJSON(): { total: number; routes: Record<string, number>; requests: LoggedRequest[] } {
    return { total: this.total, routes: Object.fromEntries(this.routes), requests: [...this.recent] };
  }
}

// Which served route a request names. A path names exactly one path template: the one whose
// segments match it, literal segments winning over parameters from left to right, so
// `/v1/customers/search` is the search and never the customer "search". A method that template
// does not serve (OPTIONS included: only the CORS middleware in front of the table answers
// preflights, on public-key routes) is passed on, to be answered as an unknown route is: 404 in
// Mercado Pago's error shape (server.ts). As Express would: literals compare case-insensitively,
// one trailing slash is ignored (the SDK lists refunds at `…/refunds/`), HEAD runs the GET route,
// and parameters are percent-decoded (a segment that cannot be decoded matches no parameter).
import type { NextFunction, Request, Response } from 'express';

export type RouteRun = (req: Request, res: Response, params: Record<string, string>) => Promise<void>;

type Segment = { literal: string } | { param: string };

interface Template {
  segments: Segment[];
  methods: Map<string, RouteRun>;
}

const parseTemplate = (template: string): Segment[] =>
  template
    .split('/')
    .slice(1)
    .map((s) => {
      const m = /^\{([a-z_]+)\}$/.exec(s);
      return m ? { param: m[1] } : { literal: s.toLowerCase() };
    });

const decoded = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/** The parameters when `parts` match `segments`, else null. */
const match = (segments: Segment[], parts: string[]): Record<string, string> | null => {
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if ('literal' in s) {
      if (parts[i].toLowerCase() !== s.literal) return null;
      continue;
    }
    const value = parts[i] === '' ? null : decoded(parts[i]);
    if (value === null) return null;
    params[s.param] = value;
  }
  return params;
};

/** True when `a` is more specific than `b`: at the first segment where they differ, `a` has the literal. */
const moreSpecific = (a: Segment[], b: Segment[]): boolean => {
  for (let i = 0; i < a.length; i++) {
    const aLiteral = 'literal' in a[i];
    if (aLiteral !== 'literal' in b[i]) return aLiteral;
  }
  return false;
};

export class RouteTable {
  private readonly templates = new Map<string, Template>();

  add(method: string, template: string, run: RouteRun): void {
    let t = this.templates.get(template);
    if (!t) {
      t = { segments: parseTemplate(template), methods: new Map() };
      this.templates.set(template, t);
    }
    if (t.methods.has(method)) throw new Error(`route ${method} ${template} is registered twice`);
    t.methods.set(method, run);
  }

  /** The one template `path` names, with its methods and decoded parameters; null when none matches. */
  resolve(path: string): { template: string; methods: Map<string, RouteRun>; params: Record<string, string> } | null {
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const parts = trimmed.split('/').slice(1);
    let best: { key: string; template: Template; params: Record<string, string> } | null = null;
    for (const [key, template] of this.templates) {
      const params = match(template.segments, parts);
      if (params && (!best || moreSpecific(template.segments, best.template.segments)))
        best = { key, template, params };
    }
    return best && { template: best.key, methods: best.template.methods, params: best.params };
  }

  /** Express middleware: runs the route the path and method name, or passes the request on. */
  readonly dispatch = (req: Request, res: Response, next: NextFunction): void => {
    const found = this.resolve(req.path);
    const run = found?.methods.get(req.method === 'HEAD' ? 'GET' : req.method);
    if (!found || !run) return next();
    run(req, res, found.params).catch(next);
  };
}

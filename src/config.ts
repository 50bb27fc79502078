// Environment → typed, validated configuration (every variable is in the README's configuration
// table). loadConfig() is pure apart from the injected `fileExists`, so every rule is unit-tested without a
// process. A bad value throws ConfigError whose message is one line naming the variable; main.ts
// prints that line and exits 1. An empty string counts as unset (what `FOO=` in a shell or an
// .env file means).
import { existsSync, statSync } from 'node:fs';
import type { LogLevel } from './lib/logger';

export type { LogLevel };
export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  port: number;
  host: string;
  /** Mercado Pago base URL, no trailing slash; null: the embedded sandbox serves it. */
  mpApiUrl: string | null;
  /** Mercado Libre base URL, no trailing slash; null: the embedded sandbox serves it. */
  mlApiUrl: string | null;
  sandbox: {
    port: number;
    control: boolean;
    mpNotificationUrl: string | null;
    mlNotificationUrl: string | null;
    /** How long the access tokens the sandbox's `POST /oauth/token` issues live, in seconds. */
    tokenTtlS: number;
  };
  mpWebhookSecret: string | null;
  /** Mercado Libre application id (digits); when set, ML notifications naming another one are refused. */
  mlApplicationId: string | null;
  gatewayKeysFile: string | null;
  redisUrl: string | null;
  /**
   * The HMAC key of caller identities (idempotency records are kept per identity). Gateways that
   * share a Redis must share it; unset, a fixed built-in key (identities are still never tokens).
   */
  identitySecret: string | null;
  /** Normalised origins (`scheme://host[:port]`). */
  corsOrigins: string[];
  otlpEndpoint: string | null;
  /** Whether /explorer (the offline GraphiQL) is served: EXPLORER, on by default except in production. */
  explorer: boolean;
  nodeEnv: NodeEnv;
  logLevel: LogLevel;
}

/** The configuration once the upstream base URLs are known (embedded sandbox started or not). */
export type ResolvedConfig = Config & { mpApiUrl: string; mlApiUrl: string };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export interface LoadConfigOptions {
  /** Whether a regular file exists at a path; injected so tests need no files. */
  fileExists?: (path: string) => boolean;
}

const defaultFileExists = (path: string): boolean => existsSync(path) && statSync(path).isFile();

const value = (env: Env, name: string): string | undefined => {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
};

// Values of secret-bearing variables are never quoted back in error messages.
const shown = (raw: string, secret: boolean): string =>
  secret ? '' : `, got "${raw.length > 80 ? `${raw.slice(0, 80)}…` : raw}"`;

const port = (env: Env, name: string, fallback: number): number => {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n > 65535)
    throw new ConfigError(name, `must be a port number from 0 to 65535${shown(raw, false)}`);
  return n;
};

const positiveInteger = (env: Env, name: string, fallback: number): number => {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1)) throw new ConfigError(name, `must be a whole number of seconds, at least 1${shown(raw, false)}`);
  return n;
};

const oneOf = <T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T => {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}${shown(raw, false)}`);
  return raw as T;
};

const parseUrl = (raw: string, name: string, protocols: readonly string[], secret: boolean): URL => {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(
      name,
      `must be an absolute URL (${protocols.map((p) => `${p}//`).join(' or ')})${shown(raw, secret)}`,
    );
  }
  if (!protocols.includes(u.protocol))
    throw new ConfigError(name, `must use ${protocols.map((p) => `${p}//`).join(' or ')}${shown(raw, secret)}`);
  return u;
};

/** An http(s) base URL without credentials, query or fragment; returned without trailing slash. */
const baseUrl = (env: Env, name: string): string | null => {
  const raw = value(env, name);
  if (raw === undefined) return null;
  const u = parseUrl(raw, name, ['http:', 'https:'], false);
  // Credentials in a URL end up in logs and banners; tokens travel in headers only.
  if (u.username || u.password) throw new ConfigError(name, 'must not contain credentials');
  if (u.search || u.hash)
    throw new ConfigError(name, `must not contain a query string or fragment${shown(raw, false)}`);
  return u.href.replace(/\/+$/, '');
};

const origins = (env: Env, name: string): string[] => {
  const raw = value(env, name);
  if (raw === undefined) return [];
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return list.map((item) => {
    const u = parseUrl(item, name, ['http:', 'https:'], false);
    if (u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== '')) {
      throw new ConfigError(
        name,
        `must be a comma-separated list of origins like https://shop.example.com, got "${item}"`,
      );
    }
    return u.origin;
  });
};

export const loadConfig = (env: Env, options: LoadConfigOptions = {}): Config => {
  const fileExists = options.fileExists ?? defaultFileExists;

  const host = value(env, 'HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host))
    throw new ConfigError('HOST', `must be a host name or IP address${shown(host, false)}`);

  const mpApiUrl = baseUrl(env, 'MP_API_URL');
  const mlApiUrl = baseUrl(env, 'ML_API_URL');
  // Both upstreams are real, or both are the embedded sandbox: a mix would pay with one world's
  // tokens and read orders from the other.
  if (mpApiUrl && !mlApiUrl)
    throw new ConfigError('ML_API_URL', 'must be set when MP_API_URL is set (unset both to use the embedded sandbox)');
  if (mlApiUrl && !mpApiUrl)
    throw new ConfigError('MP_API_URL', 'must be set when ML_API_URL is set (unset both to use the embedded sandbox)');

  const gatewayPort = port(env, 'PORT', 4000);
  const sandboxPort = port(env, 'SANDBOX_PORT', 4010);
  if (!mpApiUrl && sandboxPort !== 0 && sandboxPort === gatewayPort) {
    throw new ConfigError('SANDBOX_PORT', `must differ from PORT (both are ${gatewayPort})`);
  }

  const gatewayKeysFile = value(env, 'GATEWAY_KEYS_FILE') ?? null;
  if (gatewayKeysFile !== null && !fileExists(gatewayKeysFile)) {
    throw new ConfigError('GATEWAY_KEYS_FILE', `must name an existing file, got "${gatewayKeysFile}"`);
  }

  const redisRaw = value(env, 'REDIS_URL');
  if (redisRaw !== undefined) {
    const u = parseUrl(redisRaw, 'REDIS_URL', ['redis:', 'rediss:'], true);
    if (!u.hostname) throw new ConfigError('REDIS_URL', 'must name a host (redis://host:6379)');
  }

  const mlApplicationId = value(env, 'ML_APPLICATION_ID') ?? null;
  if (mlApplicationId !== null && !/^[0-9]{1,20}$/.test(mlApplicationId)) {
    throw new ConfigError(
      'ML_APPLICATION_ID',
      `must be a Mercado Libre application id (digits)${shown(mlApplicationId, false)}`,
    );
  }

  const identitySecret = value(env, 'IDENTITY_SECRET') ?? null;
  if (identitySecret !== null && identitySecret.length < 16)
    throw new ConfigError('IDENTITY_SECRET', 'must be at least 16 characters');

  const otlp = value(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (otlp !== undefined) parseUrl(otlp, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:'], false);
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');

  return {
    port: gatewayPort,
    host,
    mpApiUrl,
    mlApiUrl,
    sandbox: {
      port: sandboxPort,
      control: oneOf(env, 'SANDBOX_CONTROL', ['on', 'off'] as const, 'on') === 'on',
      mpNotificationUrl: baseUrl(env, 'SANDBOX_MP_NOTIFICATION_URL'),
      mlNotificationUrl: baseUrl(env, 'SANDBOX_ML_NOTIFICATION_URL'),
      tokenTtlS: positiveInteger(env, 'SANDBOX_TOKEN_TTL_S', 21_600),
    },
    mpWebhookSecret: value(env, 'MP_WEBHOOK_SECRET') ?? null,
    mlApplicationId,
    gatewayKeysFile,
    redisUrl: redisRaw ?? null,
    identitySecret,
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    otlpEndpoint: otlp ?? null,
    explorer: oneOf(env, 'EXPLORER', ['on', 'off'] as const, nodeEnv === 'production' ? 'off' : 'on') === 'on',
    nodeEnv,
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'info', 'debug'] as const, 'info'),
  };
};

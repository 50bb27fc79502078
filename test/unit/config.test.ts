import { ConfigError, loadConfig } from '../../src/config';

const noFiles = { fileExists: () => false };

/** The one-line message loadConfig throws for `env`, or null when it accepts it. */
const failure = (env: Record<string, string>, options = noFiles): string | null => {
  try {
    loadConfig(env, options);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
};

describe('loadConfig', () => {
  it('gives the defaults of the README.md configuration table for an empty environment', () => {
    expect(loadConfig({}, noFiles)).toEqual({
      port: 4000,
      host: '127.0.0.1',
      mpApiUrl: null,
      mlApiUrl: null,
      sandbox: { port: 4010, control: true, mpNotificationUrl: null, mlNotificationUrl: null, tokenTtlS: 21_600 },
      mpWebhookSecret: null,
      mlApplicationId: null,
      gatewayKeysFile: null,
      redisUrl: null,
      corsOrigins: [],
      identitySecret: null,
      otlpEndpoint: null,
      explorer: true,
      nodeEnv: 'development',
      logLevel: 'info',
    });
  });

  it('serves the explorer by default except in production, and as EXPLORER says', () => {
    expect(loadConfig({ NODE_ENV: 'test' }, noFiles).explorer).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }, noFiles).explorer).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', EXPLORER: 'on' }, noFiles).explorer).toBe(true);
    expect(loadConfig({ EXPLORER: 'off' }, noFiles).explorer).toBe(false);
    expect(() => loadConfig({ EXPLORER: 'yes' }, noFiles)).toThrow('EXPLORER must be one of on, off');
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        MP_API_URL: 'https://api.mercadopago.com/',
        ML_API_URL: 'https://api.mercadolibre.com',
        SANDBOX_PORT: '0',
        SANDBOX_CONTROL: 'off',
        SANDBOX_TOKEN_TTL_S: '3600',
        SANDBOX_MP_NOTIFICATION_URL: 'http://127.0.0.1:4000/webhooks/mercadopago',
        SANDBOX_ML_NOTIFICATION_URL: 'http://127.0.0.1:4000/webhooks/mercadolibre',
        MP_WEBHOOK_SECRET: 's3cret',
        ML_APPLICATION_ID: '8000000000000001',
        GATEWAY_KEYS_FILE: '/etc/mpgraph/keys.json',
        REDIS_URL: 'rediss://user:pw@redis.internal:6380/0',
        CORS_ORIGINS: 'https://shop.example.com, http://localhost:5173',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318',
        IDENTITY_SECRET: 'a-shared-secret-of-32-characters',
        NODE_ENV: 'production',
        LOG_LEVEL: 'debug',
        EXPLORER: 'on',
      },
      { fileExists: (p) => p === '/etc/mpgraph/keys.json' },
    );
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      mpApiUrl: 'https://api.mercadopago.com',
      mlApiUrl: 'https://api.mercadolibre.com',
      sandbox: {
        port: 0,
        control: false,
        mpNotificationUrl: 'http://127.0.0.1:4000/webhooks/mercadopago',
        mlNotificationUrl: 'http://127.0.0.1:4000/webhooks/mercadolibre',
        tokenTtlS: 3600,
      },
      mpWebhookSecret: 's3cret',
      mlApplicationId: '8000000000000001',
      gatewayKeysFile: '/etc/mpgraph/keys.json',
      redisUrl: 'rediss://user:pw@redis.internal:6380/0',
      corsOrigins: ['https://shop.example.com', 'http://localhost:5173'],
      identitySecret: 'a-shared-secret-of-32-characters',
      otlpEndpoint: 'http://otel:4318',
      explorer: true,
      nodeEnv: 'production',
      logLevel: 'debug',
    });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', MP_API_URL: ' ', LOG_LEVEL: '' }, noFiles)).toMatchObject({
      port: 4000,
      mpApiUrl: null,
      logLevel: 'info',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '65536' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ HOST: 'local host' }, 'HOST'],
    [{ SANDBOX_PORT: 'x' }, 'SANDBOX_PORT'],
    [{ PORT: '5000', SANDBOX_PORT: '5000' }, 'SANDBOX_PORT'],
    [{ SANDBOX_CONTROL: 'yes' }, 'SANDBOX_CONTROL'],
    [{ IDENTITY_SECRET: 'too-short' }, 'IDENTITY_SECRET'],
    [{ MP_API_URL: 'api.mercadopago.com', ML_API_URL: 'https://api.mercadolibre.com' }, 'MP_API_URL'],
    [{ MP_API_URL: 'ftp://api.mercadopago.com', ML_API_URL: 'https://api.mercadolibre.com' }, 'MP_API_URL'],
    [{ MP_API_URL: 'https://user:pw@api.mercadopago.com', ML_API_URL: 'https://api.mercadolibre.com' }, 'MP_API_URL'],
    [{ MP_API_URL: 'https://api.mercadopago.com?x=1', ML_API_URL: 'https://api.mercadolibre.com' }, 'MP_API_URL'],
    [{ MP_API_URL: 'https://api.mercadopago.com' }, 'ML_API_URL'],
    [{ ML_API_URL: 'https://api.mercadolibre.com' }, 'MP_API_URL'],
    [{ SANDBOX_MP_NOTIFICATION_URL: 'not a url' }, 'SANDBOX_MP_NOTIFICATION_URL'],
    [{ SANDBOX_ML_NOTIFICATION_URL: 'mailto:x@y.z' }, 'SANDBOX_ML_NOTIFICATION_URL'],
    [{ GATEWAY_KEYS_FILE: '/nope/keys.json' }, 'GATEWAY_KEYS_FILE'],
    [{ REDIS_URL: 'http://redis:6379' }, 'REDIS_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ CORS_ORIGINS: 'https://shop.example.com/checkout' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'shop.example.com' }, 'CORS_ORIGINS'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'otel:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [{ NODE_ENV: 'prod' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ ML_APPLICATION_ID: 'my-app' }, 'ML_APPLICATION_ID'],
    [{ SANDBOX_TOKEN_TTL_S: '0' }, 'SANDBOX_TOKEN_TTL_S'],
    [{ SANDBOX_TOKEN_TTL_S: '1.5' }, 'SANDBOX_TOKEN_TTL_S'],
  ])('refuses %j with one line naming %s', (env, variable) => {
    const message = failure(env);
    expect(message).not.toBeNull();
    expect(message!.startsWith(`${variable} `)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('never quotes a Redis URL back, since it may hold a password', () => {
    const message = failure({ REDIS_URL: 'http://:hunter2@redis:6379' });
    expect(message).toContain('REDIS_URL');
    expect(message).not.toContain('hunter2');
  });

  it("reads the sandbox's OAuth token lifetime: six hours unless SANDBOX_TOKEN_TTL_S says otherwise", () => {
    expect(loadConfig({}).sandbox.tokenTtlS).toBe(21_600);
    expect(loadConfig({ SANDBOX_TOKEN_TTL_S: '60' }).sandbox.tokenTtlS).toBe(60);
  });

  it('accepts GATEWAY_KEYS_FILE when the file exists', () => {
    expect(loadConfig({ GATEWAY_KEYS_FILE: __filename }).gatewayKeysFile).toBe(__filename);
  });

  it('allows PORT and SANDBOX_PORT to match when no sandbox is embedded', () => {
    const config = loadConfig(
      { PORT: '4010', MP_API_URL: 'http://127.0.0.1:9', ML_API_URL: 'http://127.0.0.1:9' },
      noFiles,
    );
    expect(config.port).toBe(4010);
  });
});

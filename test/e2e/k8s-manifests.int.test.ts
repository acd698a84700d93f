import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { parse, parseAllDocuments } from 'yaml';
import { childEnvironment, readStackSettings } from '../../scripts/stack/settings.js';

/**
 * deploy/k8s/, checked offline: the example overlay rendered by `kubectl kustomize` (kustomize
 * v2.0.3 of Debian 12's kubernetes-client or a newer one; scripts/ensure-services.sh installs it),
 * every object validated against the Kubernetes schemas (kubernetes-models), every reference
 * resolved, and each Deployment held to docker-compose.yml and `npm run stack`: the same command,
 * the same variable names, the same Redis per process. The Ingress is held to the routes of
 * deploy/nginx.conf.template.
 */
jest.setTimeout(30_000);

const ROOT = resolve(__dirname, '..', '..');
const K8S = join(ROOT, 'deploy', 'k8s');
const OVERLAY = join('overlays', 'example');
const NAMESPACE = 'hotsox';

/** A rendered object, loosely typed: the test reads paths of it. */
type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } } & Record<
  string,
  unknown
>;
// Shapes of the parts of a pod the test reads.
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
  };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  ports?: Array<{ name?: string; containerPort: number }>;
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: Array<{ name: string; mountPath: string }>;
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Array<{
    name: string;
    configMap?: { name: string };
    persistentVolumeClaim?: { claimName: string };
    emptyDir?: object;
  }>;
}
interface Workload extends Obj {
  spec: {
    replicas?: number;
    selector?: { matchLabels: Record<string, string> };
    template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
  };
}

/** The schema of every kind the overlay may contain (apiVersion/kind → model). */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
};

/** The four deployables, as named in docker-compose.yml, the native stack and deploy/k8s. */
const DEPLOYABLES = [
  { name: 'web', side: 'web', listen: { PORT: 3000 }, autoscaled: true },
  { name: 'api', side: 'api', listen: { PORT: 3001 }, autoscaled: true },
  { name: 'web-worker', side: 'web', listen: { HEALTH_PORT: 3100 }, autoscaled: false },
  { name: 'api-worker', side: 'api', listen: { HEALTH_PORT: 3101 }, autoscaled: false },
] as const;

/**
 * Variables Kubernetes gives that compose does not, each for a reason: compose cannot pass
 * MAP_TILE_URL (its {z}/{x}/{y} braces do not survive variable substitution).
 */
const K8S_ONLY = ['MAP_TILE_URL'];
/** .env.example's variables that are not the deployables' (native stack, compose dev profile). */
const NOT_DEPLOYABLES = ['STACK_PORT', 'MAILPIT_PORT'];
/** The kustomization fields of kustomize v2.0.3 (Debian 12's kubectl 1.20) that deploy/k8s uses. */
const KUSTOMIZE_V2_FIELDS = [
  'apiVersion',
  'kind',
  'namespace',
  'resources',
  'bases',
  'configMapGenerator',
  'secretGenerator',
  'images',
  'patchesStrategicMerge',
  'patchesJson6902',
];

let objects: Obj[] = [];
let compose: { services: Record<string, { command?: string[]; environment?: Record<string, string> }> };

beforeAll(() => {
  objects = renderOverlay();
  compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as typeof compose;
});

function renderOverlay(): Obj[] {
  // A copy, so that the operator's secrets.env (if any) is neither read nor written.
  const work = mkdtempSync(join(tmpdir(), 'hotsox-k8s-'));
  try {
    cpSync(K8S, work, { recursive: true });
    const overlay = join(work, OVERLAY);
    writeFileSync(join(overlay, 'secrets.env'), readFileSync(join(overlay, 'secrets.env.example')));
    let rendered: string;
    try {
      rendered = execFileSync('kubectl', ['kustomize', overlay], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const err = error as { code?: string; stderr?: string };
      if (err.code === 'ENOENT') {
        throw new Error(
          'kubectl not found: `bash scripts/ensure-services.sh` installs it (Debian: apt-get install kubernetes-client)',
          { cause: error },
        );
      }
      throw new Error(`kubectl kustomize ${OVERLAY} failed:\n${err.stderr ?? String(error)}`, {
        cause: error,
      });
    }
    const documents = parseAllDocuments(rendered)
      .map((doc) => doc.toJS() as Obj | null)
      .filter((o): o is Obj => o !== null);
    // kustomize v5 folds long base64 values over lines; the API server's decoder skips newlines.
    for (const o of documents) {
      if (o.kind === 'Secret' && o.data) {
        const data = o.data as Record<string, string>;
        for (const key of Object.keys(data)) data[key] = (data[key] ?? '').replace(/\s+/g, '');
      }
    }
    return documents;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const find = (kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the rendered overlay`);
  return found;
};
/** A generated object (ConfigMap, Secret) by its name before kustomize's hash suffix. */
const generated = (kind: string, name: string) => {
  const found = objects.filter(
    (o) => o.kind === kind && new RegExp(`^${name}-[a-z0-9]{10}$`).test(o.metadata.name),
  );
  expect([kind, name, found.length]).toEqual([kind, name, 1]);
  return found[0] as Obj & { data?: Record<string, string> };
};
const deployment = (name: string) => find('Deployment', name) as Workload;
const migrationJob = () => {
  const jobs = objects.filter((o) => o.kind === 'Job') as Workload[];
  expect(jobs.map((j) => j.metadata.name)).toEqual([expect.stringMatching(/^hotsox-migrate-[a-z0-9-]+$/)]);
  return jobs[0] as Workload;
};
const mainContainer = (w: Workload) => {
  const containers = w.spec.template.spec.containers;
  expect(containers).toHaveLength(1);
  return containers[0] as Container;
};

/** Every variable name a container gets: its `env` and the keys of what `envFrom` names. */
function variableNames(container: Container): string[] {
  const names = new Set((container.env ?? []).map((e) => e.name));
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const source = find(from.configMapRef ? 'ConfigMap' : 'Secret', ref?.name ?? '') as { data?: object };
    for (const key of Object.keys(source.data ?? {})) names.add(key);
  }
  return [...names].sort();
}

/** The Secret key (e.g. WEB_REDIS_URL) a variable comes from, or its literal value. */
function source(container: Container, name: string): string | undefined {
  const entry = container.env?.find((e) => e.name === name);
  return entry?.valueFrom?.secretKeyRef?.key ?? entry?.value;
}

/** A compose value with `${NAME:-default}` replaced by its default (as with an empty .env). */
const composeDefault = (value: string) => value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');

describe('deploy/k8s (the example overlay, rendered by kubectl kustomize)', () => {
  it('renders only objects the Kubernetes schemas accept, all in one namespace', () => {
    expect(objects.length).toBeGreaterThanOrEqual(20);
    for (const object of objects) {
      const id = `${object.apiVersion}/${object.kind}`;
      const Model = MODELS[id];
      expect([id, Model !== undefined]).toEqual([id, true]);
      expect(() => new Model!(object as never).validate()).not.toThrow();
      if (object.kind !== 'Namespace') expect([id, object.metadata.namespace]).toEqual([id, NAMESPACE]);
    }
    const kinds = objects.map((o) => `${o.kind}/${o.metadata.name.replace(/-[a-z0-9]{10}$/, '')}`).sort();
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Namespace/hotsox',
        'ConfigMap/hotsox-config',
        'ConfigMap/hotsox-wait-for-schema',
        'Secret/hotsox-secrets',
        'PersistentVolumeClaim/hotsox-media',
        'Service/web',
        'Service/api',
        'Ingress/hotsox',
        'Ingress/hotsox-chat',
        ...DEPLOYABLES.flatMap(({ name }) => [`Deployment/${name}`, `PodDisruptionBudget/${name}`]),
        'HorizontalPodAutoscaler/web',
        'HorizontalPodAutoscaler/api',
      ]),
    );
  });

  it('fails on an invalid object (the schemas are really checked)', () => {
    const broken = structuredClone(deployment('web'));
    (mainContainer(broken).ports as unknown[])[0] = { containerPort: 'three thousand' };
    expect(() => new Deployment(broken as never).validate()).toThrow(/containerPort/);
  });

  it('keeps the kustomizations to what kustomize v2.0.3 (Debian 12) understands', () => {
    for (const dir of ['base', OVERLAY]) {
      const kustomization = parse(readFileSync(join(K8S, dir, 'kustomization.yaml'), 'utf8')) as Record<
        string,
        unknown
      >;
      const unknown = Object.keys(kustomization).filter((field) => !KUSTOMIZE_V2_FIELDS.includes(field));
      expect([dir, unknown]).toEqual([dir, []]);
      // v2.0.3 reads files only in `resources` (folders go in `bases`), generators read `env`.
      for (const entry of (kustomization.resources as string[] | undefined) ?? []) {
        expect([dir, entry]).toEqual([dir, expect.stringMatching(/\.yaml$/)]);
      }
      for (const generator of [
        ...((kustomization.configMapGenerator as object[] | undefined) ?? []),
        ...((kustomization.secretGenerator as object[] | undefined) ?? []),
      ]) {
        expect(Object.keys(generator)).not.toContain('envs');
      }
    }
  });

  describe.each(DEPLOYABLES)('Deployment $name', ({ name, side, listen, autoscaled }) => {
    it('runs the command of docker-compose.yml and of `npm run stack`, on the one image', () => {
      const container = mainContainer(deployment(name));
      expect(container.command).toEqual(compose.services[name]?.command);
      expect(container.args).toBeUndefined();
      expect(container.command).toEqual(['node', `dist/src/main/${stackScripts()[name]}`]);
      const images = new Set(
        objects
          .filter((o): o is Workload => o.kind === 'Deployment' || o.kind === 'Job')
          .flatMap((w) => [
            ...w.spec.template.spec.containers,
            ...(w.spec.template.spec.initContainers ?? []),
          ])
          .map((c) => c.image),
      );
      expect([...images]).toEqual(['registry.example.com/hotsox:0.1.0']);
    });

    it('gets every variable compose gives the service, and every one `npm run stack` sets (same names)', () => {
      const container = mainContainer(deployment(name));
      const composeNames = Object.keys(compose.services[name]?.environment ?? {});
      expect(variableNames(container)).toEqual([...composeNames, ...K8S_ONLY].sort());
      const stackNames = Object.keys(childEnvironment(readStackSettings({}, ROOT), {}, side, listen));
      expect(variableNames(container)).toEqual(expect.arrayContaining(stackNames));
      // The same ports, PORT/HEALTH_PORT literal as in compose.
      for (const [variable, port] of Object.entries(listen)) {
        expect(source(container, variable)).toBe(String(port));
        expect(compose.services[name]?.environment?.[variable]).toBe(String(port));
      }
    });

    it("uses the same Redis per variable as compose and `npm run stack` (web's or api's)", () => {
      const container = mainContainer(deployment(name));
      const settings = readStackSettings({}, ROOT);
      const stack = childEnvironment(settings, {}, side, listen);
      const environment = compose.services[name]?.environment ?? {};
      const redisOfKey: Record<string, string> = { WEB_REDIS_URL: 'redis-web', API_REDIS_URL: 'redis-api' };
      const redisOfStack: Record<string, string> = {
        [settings.webRedisUrl]: 'redis-web',
        [settings.apiRedisUrl]: 'redis-api',
      };
      for (const variable of ['REDIS_URL', 'CHAT_REDIS_URL', 'API_REDIS_URL']) {
        const k8s = source(container, variable);
        const composeUrl = environment[variable];
        const stackUrl = stack[variable];
        expect({ variable, k8s: k8s === undefined ? null : (redisOfKey[k8s] ?? k8s) }).toEqual({
          variable,
          k8s: composeUrl === undefined ? null : new URL(composeUrl).hostname,
        });
        expect({
          variable,
          stack: stackUrl === undefined ? null : (redisOfStack[stackUrl] ?? stackUrl),
        }).toEqual({
          variable,
          stack: composeUrl === undefined ? null : new URL(composeUrl).hostname,
        });
      }
      // Secrets come from the Secret, never as literals in a manifest.
      for (const variable of ['DATABASE_URL', 'JWT_SECRET', 'SESSION_SECRET', 'SMTP_URL']) {
        expect(container.env?.find((e) => e.name === variable)?.valueFrom?.secretKeyRef?.key).toBe(variable);
      }
    });

    it('probes /healthz (liveness) and /readyz (readiness) on its port, with resources', () => {
      const workload = deployment(name);
      const container = mainContainer(workload);
      const port = Object.values(listen)[0];
      const portName = container.ports?.find((p) => p.containerPort === port)?.name;
      expect(portName).toBeDefined();
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: portName });
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: portName });
      for (const c of [container, ...(workload.spec.template.spec.initContainers ?? [])]) {
        expect([
          c.name,
          c.resources?.requests?.cpu,
          c.resources?.requests?.memory,
          c.resources?.limits?.memory,
        ]).toEqual([c.name, expect.any(String), expect.any(String), expect.any(String)]);
      }
      expect(workload.spec.selector?.matchLabels).toEqual(
        expect.objectContaining({ 'app.kubernetes.io/component': name }),
      );
      expect(workload.spec.template.metadata?.labels).toEqual(
        expect.objectContaining(workload.spec.selector?.matchLabels),
      );
    });

    it('mounts the shared media volume at MEDIA_DIR and waits for the migrations in an initContainer', () => {
      const workload = deployment(name);
      const container = mainContainer(workload);
      const config = generated('ConfigMap', 'hotsox-config');
      const media = workload.spec.template.spec.volumes?.find((v) => v.persistentVolumeClaim);
      expect(media?.persistentVolumeClaim?.claimName).toBe('hotsox-media');
      expect(container.volumeMounts).toContainEqual(
        expect.objectContaining({ name: media?.name, mountPath: config.data?.MEDIA_DIR }),
      );
      expect(container.volumeMounts).toContainEqual(
        expect.objectContaining({ mountPath: config.data?.DATA_DIR }),
      );

      const init = workload.spec.template.spec.initContainers ?? [];
      expect(init.map((c) => c.name)).toEqual(['wait-for-schema']);
      const wait = init[0] as Container;
      expect(wait.command).toEqual(['node', '/etc/hotsox/wait-for-schema.cjs']);
      expect(wait.env?.map((e) => [e.name, e.valueFrom?.secretKeyRef?.key])).toEqual([
        ['DATABASE_URL', 'DATABASE_URL'],
      ]);
      const mount = wait.volumeMounts?.find((m) => m.mountPath === '/etc/hotsox');
      const volume = workload.spec.template.spec.volumes?.find((v) => v.name === mount?.name);
      expect(volume?.configMap?.name).toBe(generated('ConfigMap', 'hotsox-wait-for-schema').metadata.name);
    });

    it(
      autoscaled
        ? 'is scaled by its HorizontalPodAutoscaler (no replicas in the manifest) and kept by a PDB'
        : 'has a fixed replica count and a PDB',
      () => {
        const workload = deployment(name);
        const pdb = find('PodDisruptionBudget', name) as Obj & {
          spec: { selector: { matchLabels: Record<string, string> } };
        };
        expect(workload.spec.template.metadata?.labels).toEqual(
          expect.objectContaining(pdb.spec.selector.matchLabels),
        );
        const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === name) as
          (Obj & { spec: { scaleTargetRef: object; minReplicas: number } }) | undefined;
        if (autoscaled) {
          expect(workload.spec.replicas).toBeUndefined();
          expect(hpa?.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
          expect(hpa?.spec.minReplicas).toBeGreaterThanOrEqual(2);
        } else {
          expect(hpa).toBeUndefined();
          expect(workload.spec.replicas).toBeGreaterThanOrEqual(2);
        }
      },
    );
  });

  it("runs the migrations as a Job with the command and variables of compose's `migrate`", () => {
    const job = migrationJob();
    const container = mainContainer(job);
    expect(container.command).toEqual(compose.services.migrate?.command);
    expect(container.command).toEqual(['node', 'dist/src/main/cli/db-migrate.js']);
    expect(readFileSync(join(ROOT, 'scripts', 'stack', 'stack.ts'), 'utf8')).toContain(
      "'dist', 'src', 'main', 'cli', 'db-migrate.js'",
    );
    expect(variableNames(container)).toEqual(
      [...Object.keys(compose.services.migrate?.environment ?? {}), ...K8S_ONLY].sort(),
    );
    expect(source(container, 'REDIS_URL')).toBe('WEB_REDIS_URL');
    expect((job.spec.template.spec as { restartPolicy?: string }).restartPolicy).toBe('Never');
  });

  it("waits for the migrations with the image's own code (wait-for-schema.cjs)", () => {
    const script = generated('ConfigMap', 'hotsox-wait-for-schema').data?.['wait-for-schema.cjs'] ?? '';
    expect(() => new Script(script, { filename: 'wait-for-schema.cjs' })).not.toThrow();
    // Each compiled module it loads exists in src/ with the function it calls.
    const loads = [...script.matchAll(/\{ (\w+) \} = require\(resolve\('dist\/(src\/[\w/.-]+)\.js'\)\)/g)];
    expect(loads.map(([, fn]) => fn)).toEqual(['createOrm', 'pendingMigrations']);
    for (const [, fn, path] of loads) {
      const sourceFile = join(ROOT, `${path}.ts`);
      expect([path, existsSync(sourceFile)]).toEqual([path, true]);
      expect(readFileSync(sourceFile, 'utf8')).toMatch(new RegExp(`export async function ${fn}\\(`));
    }
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/^WORKDIR \/app$/m);
  });

  it('has a ConfigMap of .env.example variables, a Secret of secrets.env.example, no literal secret', () => {
    const envExample = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const documented = [...envExample.matchAll(/^(?:# )?([A-Z][A-Z0-9_]+)=/gm)].map(([, n]) => n as string);
    const config = generated('ConfigMap', 'hotsox-config');
    for (const key of Object.keys(config.data ?? {})) expect(documented).toContain(key);
    // Every documented variable reaches some deployable, unless it is not theirs.
    const reached = new Set(
      DEPLOYABLES.flatMap(({ name }) => variableNames(mainContainer(deployment(name)))),
    );
    for (const name of documented) {
      if (!NOT_DEPLOYABLES.includes(name)) expect([name, reached.has(name)]).toEqual([name, true]);
    }
    // Values compose and Kubernetes share (the rest is the cluster's: PUBLIC_URL, TRUST_PROXY, …).
    const composeWeb = compose.services.web?.environment ?? {};
    for (const key of [
      'NODE_ENV',
      'HOST',
      'DATA_DIR',
      'MEDIA_DIR',
      'LOG_LEVEL',
      'ACCESS_TOKEN_TTL_SECONDS',
    ]) {
      expect([key, config.data?.[key]]).toEqual([key, composeDefault(composeWeb[key] ?? '')]);
    }
    expect(config.data?.PUBLIC_URL).toMatch(/^https:\/\//);

    const secret = generated('Secret', 'hotsox-secrets');
    const example = readFileSync(join(K8S, OVERLAY, 'secrets.env.example'), 'utf8');
    const exampleKeys = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map(([, n]) => n);
    expect(Object.keys(secret.data ?? {}).sort()).toEqual(exampleKeys.sort());
    // Every key the workloads read from it is in it.
    for (const w of objects.filter((o): o is Workload => o.kind === 'Deployment' || o.kind === 'Job')) {
      for (const c of [...w.spec.template.spec.containers, ...(w.spec.template.spec.initContainers ?? [])]) {
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          if (ref)
            expect([w.metadata.name, ref.name, ref.key in (secret.data ?? {})]).toEqual([
              w.metadata.name,
              secret.metadata.name,
              true,
            ]);
          if (e.value !== undefined) expect(e.name).toMatch(/^(PORT|HEALTH_PORT)$/);
        }
        for (const from of c.envFrom ?? []) expect(from.configMapRef?.name).toBe(config.metadata.name);
      }
    }
    expect(readFileSync(join(K8S, OVERLAY, '.gitignore'), 'utf8')).toMatch(/^secrets\.env$/m);
  });

  it('routes like deploy/nginx.conf.template: /fastify/v1 → api, the rest → web, /chat for an hour, 11m bodies', () => {
    const template = readFileSync(join(ROOT, 'deploy', 'nginx.conf.template'), 'utf8');
    const upstreams: Record<string, string> = { hotsox_web: 'web', hotsox_api: 'api' };
    // The proxied prefix locations of the template: `location /x { proxy_pass http://hotsox_… }`.
    const routes = [...template.matchAll(/^\s*location (\/[\w/]*) \{\n\s*proxy_pass http:\/\/(\w+);/gm)].map(
      ([, path, upstream]) => [path, upstreams[upstream ?? '']],
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        ['/fastify/v1', 'api'],
        ['/chat', 'web'],
        ['/', 'web'],
      ]),
    );
    const bodySize = /client_max_body_size (\S+);/.exec(template)?.[1];
    expect(bodySize).toBe('11m');

    type IngressObj = Obj & {
      metadata: { annotations?: Record<string, string> };
      spec: {
        ingressClassName?: string;
        tls?: Array<{ hosts: string[] }>;
        rules: Array<{
          host?: string;
          http: {
            paths: Array<{
              path: string;
              pathType: string;
              backend: { service: { name: string; port: { name: string } } };
            }>;
          };
        }>;
      };
    };
    const ingresses = objects.filter((o) => o.kind === 'Ingress') as IngressObj[];
    const paths = ingresses.flatMap((ing) =>
      ing.spec.rules.flatMap((rule) => rule.http.paths.map((p) => ({ ingress: ing, rule, ...p }))),
    );
    expect(paths.map((p) => [p.path, p.backend.service.name]).sort()).toEqual([...routes].sort());
    const host = new URL(generated('ConfigMap', 'hotsox-config').data?.PUBLIC_URL ?? '').hostname;
    for (const p of paths) {
      expect(p.pathType).toBe('Prefix');
      expect(p.rule.host).toBe(host);
      const service = find('Service', p.backend.service.name) as Obj & {
        spec: {
          selector: Record<string, string>;
          ports: Array<{ name: string; port: number; targetPort: string }>;
        };
      };
      const port = service.spec.ports.find((sp) => sp.name === p.backend.service.port.name);
      // The Service reaches the Deployment of the same name, on the port compose gives it.
      const target = deployment(service.metadata.name);
      expect(target.spec.template.metadata?.labels).toEqual(expect.objectContaining(service.spec.selector));
      expect(mainContainer(target).ports?.find((cp) => cp.name === port?.targetPort)?.containerPort).toBe(
        port?.port,
      );
      expect(String(port?.port)).toBe(compose.services[service.metadata.name]?.environment?.PORT);
    }
    for (const ing of ingresses) {
      expect(ing.spec.ingressClassName).toBe('nginx');
      expect(ing.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size']).toBe(bodySize);
      expect(ing.spec.tls?.[0]?.hosts).toEqual([host]);
    }
    // /chat (the WebSocket) on its own Ingress, with the template's hour of read/send timeout.
    const chat = paths.find((p) => p.path === '/chat')?.ingress;
    expect(/location \/chat \{[^}]*proxy_read_timeout 1h;[^}]*proxy_send_timeout 1h;/.test(template)).toBe(
      true,
    );
    expect(chat?.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-read-timeout']).toBe('3600');
    expect(chat?.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-send-timeout']).toBe('3600');
    expect(chat?.spec.rules.flatMap((r) => r.http.paths.map((p) => p.path))).toEqual(['/chat']);
  });

  it('keeps the pictures on one ReadWriteMany volume for all four Deployments', () => {
    const pvc = find('PersistentVolumeClaim', 'hotsox-media') as Obj & { spec: { accessModes: string[] } };
    expect(pvc.spec.accessModes).toEqual(['ReadWriteMany']);
    const claimants = objects
      .filter((o): o is Workload => o.kind === 'Deployment')
      .filter((w) =>
        w.spec.template.spec.volumes?.some((v) => v.persistentVolumeClaim?.claimName === 'hotsox-media'),
      )
      .map((w) => w.metadata.name)
      .sort();
    expect(claimants).toEqual(DEPLOYABLES.map((d) => d.name).sort());
  });
});

/** What `npm run stack` runs per deployable (scripts/stack/stack.ts: `{ service: …, script: … }`). */
function stackScripts(): Record<string, string> {
  const stack = readFileSync(join(ROOT, 'scripts', 'stack', 'stack.ts'), 'utf8');
  const scripts = Object.fromEntries(
    [...stack.matchAll(/(?:name|service): '([\w-]+)',\s*script: '([\w-]+\.js)'/g)].map(([, name, script]) => [
      name,
      script,
    ]),
  );
  expect(Object.keys(scripts).sort()).toEqual(DEPLOYABLES.map((d) => d.name).sort());
  expect(stack).toContain("args: [join(ROOT, 'dist', 'src', 'main', service.script)]");
  return scripts;
}

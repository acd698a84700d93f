import { Container } from 'inversify';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestKit } from '../../src/application/testing/test-kit.js';
import { aProfile } from '../../src/application/testing/builders.js';
import { SwipeSock } from '../../src/application/swiping/swipe-sock.js';
import { applicationModule } from '../../src/main/container/application.module.js';
import { resolve, TOKENS } from '../../src/main/tokens.js';
import { inMemoryPortsModule } from '../support/in-memory-ports.module.js';

type UseCaseClass = abstract new (...args: never[]) => unknown;

/** Every class with an `execute` method in the application's capability folders. */
async function useCaseClasses(): Promise<UseCaseClass[]> {
  const root = join(__dirname, '../../src/application');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (f) =>
      /^[a-z-]+\/[a-z-]+\.ts$/.test(f) && !f.endsWith('.test.ts') && !/^(ports|testing|shared)\//.test(f),
  );
  const modules = await Promise.all(
    files.map((f) => import(join(root, f)) as Promise<Record<string, unknown>>),
  );
  return modules.flatMap((exports) =>
    Object.values(exports).filter(
      (v): v is UseCaseClass =>
        typeof v === 'function' &&
        typeof (v.prototype as { execute?: unknown } | undefined)?.execute === 'function',
    ),
  );
}

describe('the application container', () => {
  function build() {
    const kit = createTestKit();
    const container = new Container();
    container.load(applicationModule, inMemoryPortsModule(kit));
    return { kit, container, app: resolve(container, TOKENS.application) };
  }

  it('runs use cases of the application made from the bound ports', async () => {
    const { kit, app } = build();

    await app.users.registerUser.execute({
      username: 'sockrates',
      password: 'long enough',
      profile: aProfile(),
    });
    const tokens = await app.auth.logIn.execute({
      username: 'SOCKRATES',
      password: 'long enough',
      clientKey: 'ip',
    });

    expect(await kit.users.findByUsername('sockrates')).not.toBeNull();
    expect(tokens.tokenType).toBe('Bearer');
  });

  it('makes the application once, with every use case', async () => {
    const { container, app } = build();

    expect(resolve(container, TOKENS.application)).toBe(app);
    expect(app.swiping.swipeSock).toBeInstanceOf(SwipeSock);
    const useCases: unknown[] = Object.values(app).flatMap((group) => Object.values(group));
    const wired = (type: UseCaseClass) => useCases.some((useCase) => useCase instanceof type);
    const classes = await useCaseClasses();

    expect(classes.length).toBeGreaterThan(30);
    expect(classes.filter((type) => !wired(type)).map((type) => type.name)).toEqual([]);
    expect(useCases).toHaveLength(classes.length);
  });
});

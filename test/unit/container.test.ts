import { Container } from 'inversify';
import { LogIn } from '../../src/application/auth/log-in.js';
import { SwipeSock } from '../../src/application/swiping/swipe-sock.js';
import { createTestKit } from '../../src/application/testing/test-kit.js';
import { aProfile } from '../../src/application/testing/builders.js';
import { RegisterUser } from '../../src/application/users/register-user.js';
import { BOUND_USE_CASES, useCasesModule } from '../../src/main/container/use-cases.module.js';
import { inMemoryPortsModule } from '../support/in-memory-ports.module.js';

describe('the use-case container', () => {
  function build() {
    const kit = createTestKit();
    const container = new Container();
    container.load(useCasesModule, inMemoryPortsModule(kit));
    return { kit, container };
  }

  it('runs a use case resolved from the container over the in-memory ports', async () => {
    const { kit, container } = build();

    await container
      .get(RegisterUser)
      .execute({ username: 'sockrates', password: 'long enough', profile: aProfile() });
    const tokens = await container
      .get(LogIn)
      .execute({ username: 'SOCKRATES', password: 'long enough', clientKey: 'ip' });

    expect(await kit.users.findByUsername('sockrates')).not.toBeNull();
    expect(tokens.tokenType).toBe('Bearer');
  });

  it('resolves every bound use case with all its ports', () => {
    const { container } = build();

    expect(BOUND_USE_CASES.length).toBe(40);
    for (const type of BOUND_USE_CASES) expect(container.get(type)).toBeInstanceOf(type);
    expect(container.get(SwipeSock)).toBeInstanceOf(SwipeSock);
    expect(container.get(RegisterUser)).toBe(container.get(RegisterUser));
  });
});

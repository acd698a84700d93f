import { ContainerModule } from 'inversify';
import { LocalPictureStore } from '../../adapters/http-common/pictures/local-picture-store.js';
import { WorldCitiesGeocoder } from '../../adapters/http-common/places/world-cities-geocoder.js';
import type { Config } from '../config.js';
import { TOKENS } from '../tokens.js';

/** Pictures on local disk under MEDIA_DIR, and the offline world-cities geocoder. */
export function mediaModule(config: Config): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(TOKENS.pictureStore).toConstantValue(new LocalPictureStore(config.mediaDir));
    bind(TOKENS.geocoder)
      .toDynamicValue(() => new WorldCitiesGeocoder())
      .inSingletonScope();
  });
}

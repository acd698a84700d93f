import { ContainerModule } from 'inversify';
import { LocalPictureStore } from '../../adapters/media/local-picture-store.js';
import { WorldCitiesGeocoder } from '../../adapters/geo/world-cities-geocoder.js';
import type { Config } from '../config.js';
import { PORTS } from '../tokens.js';

/** Pictures on local disk under MEDIA_DIR, and the offline world-cities geocoder. */
export function mediaModule(config: Config): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(PORTS.pictureStore).toConstantValue(new LocalPictureStore(config.mediaDir));
    bind(PORTS.geocoder)
      .toDynamicValue(() => new WorldCitiesGeocoder())
      .inSingletonScope();
  });
}

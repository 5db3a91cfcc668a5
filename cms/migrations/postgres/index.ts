import * as migration_20261122_022840_initial from './20261122_022840_initial';
import * as migration_20261122_024802_former_slugs from './20261122_024802_former_slugs';

export const migrations = [
  {
    up: migration_20261122_022840_initial.up,
    down: migration_20261122_022840_initial.down,
    name: '20261122_022840_initial',
  },
  {
    up: migration_20261122_024802_former_slugs.up,
    down: migration_20261122_024802_former_slugs.down,
    name: '20261122_024802_former_slugs'
  },
];

import * as migration_20261122_022830_initial from './20261122_022830_initial';
import * as migration_20261122_024755_former_slugs from './20261122_024755_former_slugs';
import * as migration_20261122_031405_published_list_index from './20261122_031405_published_list_index';
import * as migration_20261122_045229_translation_provenance from './20261122_045229_translation_provenance';
import * as migration_20261122_070852_film_videos from './20261122_070852_film_videos';
import * as migration_20261122_072258_localized_status from './20261122_072258_localized_status';
import * as migration_20261201_225707_audit_events from './20261201_225707_audit_events';
import * as migration_20261202_175321_referrals from './20261202_175321_referrals';
import * as migration_20261202_215302_referral_first_name_optional from './20261202_215302_referral_first_name_optional';
import * as migration_20261204_183902_health_visitors from './20261204_183902_health_visitors';
import * as migration_20261207_120052_list_indexes from './20261207_120052_list_indexes';
import * as migration_20261207_120810_publish_record from './20261207_120810_publish_record';
import * as migration_20261207_122426_upload_storage_fields from './20261207_122426_upload_storage_fields';

export const migrations = [
  {
    up: migration_20261122_022830_initial.up,
    down: migration_20261122_022830_initial.down,
    name: '20261122_022830_initial',
  },
  {
    up: migration_20261122_024755_former_slugs.up,
    down: migration_20261122_024755_former_slugs.down,
    name: '20261122_024755_former_slugs',
  },
  {
    up: migration_20261122_031405_published_list_index.up,
    down: migration_20261122_031405_published_list_index.down,
    name: '20261122_031405_published_list_index',
  },
  {
    up: migration_20261122_045229_translation_provenance.up,
    down: migration_20261122_045229_translation_provenance.down,
    name: '20261122_045229_translation_provenance',
  },
  {
    up: migration_20261122_070852_film_videos.up,
    down: migration_20261122_070852_film_videos.down,
    name: '20261122_070852_film_videos',
  },
  {
    up: migration_20261122_072258_localized_status.up,
    down: migration_20261122_072258_localized_status.down,
    name: '20261122_072258_localized_status',
  },
  {
    up: migration_20261201_225707_audit_events.up,
    down: migration_20261201_225707_audit_events.down,
    name: '20261201_225707_audit_events',
  },
  {
    up: migration_20261202_175321_referrals.up,
    down: migration_20261202_175321_referrals.down,
    name: '20261202_175321_referrals',
  },
  {
    up: migration_20261202_215302_referral_first_name_optional.up,
    down: migration_20261202_215302_referral_first_name_optional.down,
    name: '20261202_215302_referral_first_name_optional',
  },
  {
    up: migration_20261204_183902_health_visitors.up,
    down: migration_20261204_183902_health_visitors.down,
    name: '20261204_183902_health_visitors',
  },
  {
    up: migration_20261207_120052_list_indexes.up,
    down: migration_20261207_120052_list_indexes.down,
    name: '20261207_120052_list_indexes',
  },
  {
    up: migration_20261207_120810_publish_record.up,
    down: migration_20261207_120810_publish_record.down,
    name: '20261207_120810_publish_record',
  },
  {
    up: migration_20261207_122426_upload_storage_fields.up,
    down: migration_20261207_122426_upload_storage_fields.down,
    name: '20261207_122426_upload_storage_fields'
  },
];

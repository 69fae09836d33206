#include "core/store/migrations.h"

#include <QString>

#include "core/store/sqlite_util.h"
#include "core/util/log.h"

namespace edgewise::store::detail {

const std::vector<Migration>& migrations() {
  // Never edit a migration that has shipped: add a new one. Old files replay these in order.
  static const std::vector<Migration> kMigrations = {
      {1, "meta, recordings, streams, chunks",
       R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta(key, value)
  VALUES('created_us', CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER));

CREATE TABLE recordings(
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'recording'
              CHECK(status IN ('recording', 'complete', 'interrupted')),
  created_us  INTEGER NOT NULL,
  finished_us INTEGER
);

CREATE TABLE streams(
  id               INTEGER PRIMARY KEY,
  recording_id     INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
  device_id        TEXT NOT NULL,
  topic            TEXT NOT NULL,
  decoder_id       TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK(kind IN ('timeseries', 'image', 'audio')),
  channel_count    INTEGER NOT NULL,
  channel_names    TEXT NOT NULL,  -- JSON array of strings
  units            TEXT NOT NULL,  -- JSON array of strings (empty or one per channel)
  sample_rate_hz   REAL NOT NULL DEFAULT 0,
  sample_count     INTEGER NOT NULL DEFAULT 0,
  message_count    INTEGER NOT NULL DEFAULT 0,
  chunk_count      INTEGER NOT NULL DEFAULT 0,
  size_bytes       INTEGER NOT NULL DEFAULT 0,
  start_us         INTEGER,
  end_us           INTEGER,
  first_seq        INTEGER,
  last_seq         INTEGER,
  seq_gaps         INTEGER NOT NULL DEFAULT 0,
  seq_missing      INTEGER NOT NULL DEFAULT 0,
  seq_out_of_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX streams_by_recording ON streams(recording_id);

CREATE TABLE chunks(
  id            INTEGER PRIMARY KEY,
  stream_id     INTEGER NOT NULL REFERENCES streams(id) ON DELETE CASCADE,
  seq_no        INTEGER NOT NULL,
  first_ts      INTEGER NOT NULL,
  last_ts       INTEGER NOT NULL,
  sample_count  INTEGER NOT NULL,
  message_count INTEGER NOT NULL,
  blob          BLOB NOT NULL,
  UNIQUE(stream_id, seq_no)
);
)sql"},
      {2, "quarantine of malformed payloads",
       R"sql(
CREATE TABLE quarantine(
  id           INTEGER PRIMARY KEY,
  arrival_us   INTEGER NOT NULL,
  topic        TEXT NOT NULL,
  decoder_id   TEXT NOT NULL,
  error        TEXT NOT NULL,
  payload      BLOB NOT NULL,
  payload_size INTEGER NOT NULL
);
)sql"},
      {3, "datasets, dataset samples, dataset versions",
       R"sql(
CREATE TABLE datasets(
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  created_us     INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK(kind IN ('tabular', 'image', 'audio', 'timeseries')),
  feature_dims   INTEGER NOT NULL DEFAULT 0,  -- tabular: float32 values per sample
  image_height   INTEGER NOT NULL DEFAULT 0,
  image_width    INTEGER NOT NULL DEFAULT 0,
  image_channels INTEGER NOT NULL DEFAULT 0,
  audio_rate_hz  INTEGER NOT NULL DEFAULT 0,
  class_names    TEXT NOT NULL,               -- JSON array; a sample's label indexes it
  source         TEXT NOT NULL DEFAULT ''     -- what it was imported from, for lineage
);

CREATE TABLE dataset_samples(
  id         INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  label      INTEGER NOT NULL,
  source     TEXT NOT NULL,  -- file name or "file row N"
  blob       BLOB NOT NULL,  -- float32 features, 8-bit pixels (HxWxC) or int16 mono PCM
  UNIQUE(dataset_id, idx)
);

CREATE TABLE dataset_versions(
  id             INTEGER PRIMARY KEY,
  dataset_id     INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  snapshot_id    TEXT NOT NULL,  -- SHA-256 hex over sample ids, labels and split parameters
  created_us     INTEGER NOT NULL,
  seed           INTEGER NOT NULL,
  train_fraction REAL NOT NULL,
  val_fraction   REAL NOT NULL,
  test_fraction  REAL NOT NULL,
  assignment     BLOB NOT NULL,  -- one byte per sample in idx order: 0 train, 1 val, 2 test
  UNIQUE(dataset_id, snapshot_id)
);
)sql"},
      {4, "time series dataset columns, trained models with lineage",
       R"sql(
ALTER TABLE datasets ADD COLUMN series_channels INTEGER NOT NULL DEFAULT 0;  -- timeseries
ALTER TABLE datasets ADD COLUMN series_length INTEGER NOT NULL DEFAULT 0;    -- samples/window
ALTER TABLE datasets ADD COLUMN series_rate_hz REAL NOT NULL DEFAULT 0;

CREATE TABLE models(
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  family         TEXT NOT NULL,               -- Classifier::id()
  created_us     INTEGER NOT NULL,
  dataset_id     INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
  dataset_name   TEXT NOT NULL DEFAULT '',    -- kept when the dataset is removed
  snapshot_id    TEXT NOT NULL DEFAULT '',    -- dataset_versions.snapshot_id
  feature_spec   TEXT NOT NULL DEFAULT '{}',  -- JSON {"block": "...", "params": {...}}
  input_shape    TEXT NOT NULL DEFAULT '[]',  -- JSON array, per-sample shape
  class_names    TEXT NOT NULL DEFAULT '[]',  -- JSON array, the model's output classes
  hyper_params   TEXT NOT NULL DEFAULT '{}',  -- JSON object of strings
  seed           INTEGER NOT NULL DEFAULT 0,
  metrics        TEXT NOT NULL DEFAULT '{}',  -- JSON test metrics (accuracy, macro_f1, ...)
  history        TEXT NOT NULL DEFAULT '[]',  -- JSON per-epoch progress
  params         INTEGER NOT NULL DEFAULT 0,
  size_bytes     INTEGER NOT NULL DEFAULT 0,
  train_seconds  REAL NOT NULL DEFAULT 0,
  latency_p50_us REAL NOT NULL DEFAULT 0,
  latency_p99_us REAL NOT NULL DEFAULT 0,
  parent_id      INTEGER REFERENCES models(id) ON DELETE SET NULL,
  origin         TEXT NOT NULL DEFAULT 'trained',
  file           BLOB NOT NULL               -- the model file as Classifier::save wrote it
);
CREATE INDEX models_dataset ON models(dataset_id);
CREATE INDEX models_parent ON models(parent_id);
)sql"},
      {5, "models: details of derived variants (compression report)",
       R"sql(
-- JSON object: how a variant was made and measured (method, options, latency p90/max/cv,
-- peak RSS, per-layer SQNR, microcontroller estimate, warnings); '{}' for trained models.
ALTER TABLE models ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
)sql"},
      {6, "labeling: label classes, annotators, sessions, segment/item labels, adjudications",
       R"sql(
CREATE TABLE label_classes(
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE,
  color    TEXT NOT NULL,                -- #rrggbb
  shortcut INTEGER CHECK(shortcut IS NULL OR shortcut BETWEEN 1 AND 9),
  ord      INTEGER NOT NULL
);
CREATE UNIQUE INDEX label_classes_shortcut ON label_classes(shortcut) WHERE shortcut IS NOT NULL;

CREATE TABLE annotators(
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_us INTEGER NOT NULL
);

CREATE TABLE annotation_sessions(
  id           INTEGER PRIMARY KEY,
  annotator_id INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,
  started_us   INTEGER NOT NULL,
  ended_us     INTEGER,
  labels_made  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX annotation_sessions_by_annotator ON annotation_sessions(annotator_id);

-- Labels reference the class by id (a rename changes one row); a class in use cannot be
-- deleted (no ON DELETE action) unless its labels are reassigned first.
CREATE TABLE segment_labels(
  id           INTEGER PRIMARY KEY,
  recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
  stream_id    INTEGER REFERENCES streams(id) ON DELETE SET NULL,
  start_us     INTEGER NOT NULL,
  end_us       INTEGER NOT NULL CHECK(end_us > start_us),
  class_id     INTEGER NOT NULL REFERENCES label_classes(id),
  annotator_id INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,
  created_us   INTEGER NOT NULL,
  updated_us   INTEGER NOT NULL,
  confidence   REAL,
  source       TEXT NOT NULL DEFAULT 'manual'
               CHECK(source IN ('manual', 'suggestion', 'model', 'import'))
);
CREATE INDEX segment_labels_by_recording ON segment_labels(recording_id, annotator_id, start_us);
CREATE INDEX segment_labels_by_class ON segment_labels(class_id);

CREATE TABLE item_labels(
  id           INTEGER PRIMARY KEY,
  sample_id    INTEGER NOT NULL REFERENCES dataset_samples(id) ON DELETE CASCADE,
  class_id     INTEGER NOT NULL REFERENCES label_classes(id),
  annotator_id INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,
  created_us   INTEGER NOT NULL,
  updated_us   INTEGER NOT NULL,
  confidence   REAL,
  source       TEXT NOT NULL DEFAULT 'manual'
               CHECK(source IN ('manual', 'suggestion', 'model', 'import')),
  UNIQUE(sample_id, annotator_id)
);
CREATE INDEX item_labels_by_class ON item_labels(class_id);

-- Adjudicated labels: a sample (sample_id set) or a time range of a recording (recording_id,
-- start_us, end_us set); a later row wins where ranges overlap.
CREATE TABLE adjudications(
  id                 INTEGER PRIMARY KEY,
  sample_id          INTEGER REFERENCES dataset_samples(id) ON DELETE CASCADE,
  recording_id       INTEGER REFERENCES recordings(id) ON DELETE CASCADE,
  start_us           INTEGER,
  end_us             INTEGER,
  class_id           INTEGER NOT NULL REFERENCES label_classes(id),
  adjudicator_id     INTEGER NOT NULL REFERENCES annotators(id) ON DELETE CASCADE,
  accepted_annotator INTEGER REFERENCES annotators(id) ON DELETE SET NULL,
  created_us         INTEGER NOT NULL,
  CHECK((sample_id IS NOT NULL AND recording_id IS NULL) OR
        (sample_id IS NULL AND recording_id IS NOT NULL AND end_us > start_us))
);
CREATE INDEX adjudications_by_sample ON adjudications(sample_id);
CREATE INDEX adjudications_by_recording ON adjudications(recording_id);
CREATE INDEX adjudications_by_class ON adjudications(class_id);
)sql"},
      {7, "fleet: devices, requirements, deployments, telemetry; corrective feedback; drift alarms",
       R"sql(
-- Devices the workbench has seen (from retained edgewise/<device>/status), with the user's
-- grouping. Text ids: the device id of docs/mqtt_conventions.md.
CREATE TABLE devices(
  id            TEXT PRIMARY KEY,
  device_class  TEXT NOT NULL DEFAULT '',     -- "imu-gateway", "cam-pi4"; '' when unknown
  tags          TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings (groups and tags)
  hardware      TEXT NOT NULL DEFAULT '{}',   -- JSON {"arch","cores","ram_mb","os"}
  agent_version TEXT NOT NULL DEFAULT '',
  first_seen_us INTEGER NOT NULL,
  last_seen_us  INTEGER NOT NULL,
  model         TEXT NOT NULL DEFAULT 'null'  -- JSON: what it ran at its last report
);

-- Requirements ("policies") per device class; device_class '*' applies to every class
-- without a row of its own.
CREATE TABLE requirements(
  id             INTEGER PRIMARY KEY,
  device_class   TEXT NOT NULL UNIQUE,
  min_accuracy   REAL,                        -- 0..1
  max_latency_ms REAL,
  max_ram_kb     INTEGER,
  max_flash_kb   INTEGER,
  objective      TEXT NOT NULL DEFAULT 'best_effort'
                 CHECK(objective IN ('best_effort', 'low_latency'))
);

-- One row per rollout (or group rollback); id is the manifest's deployment id.
CREATE TABLE deployments(
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL DEFAULT 'deploy' CHECK(kind IN ('deploy', 'rollback')),
  model_id    INTEGER REFERENCES models(id) ON DELETE SET NULL,
  selector    TEXT NOT NULL DEFAULT '',
  canary_pct  REAL NOT NULL DEFAULT 0,
  started_us  INTEGER NOT NULL,
  finished_us INTEGER,
  state       TEXT NOT NULL,                  -- running, succeeded, partial, halted, cancelled, failed
  summary     TEXT NOT NULL DEFAULT '{}'      -- JSON totals
);
CREATE TABLE deployment_devices(
  deployment_id  TEXT NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
  device_id      TEXT NOT NULL,
  stage          TEXT NOT NULL DEFAULT 'rest' CHECK(stage IN ('canary', 'rest')),
  state          TEXT NOT NULL,               -- succeeded, rolled_back, refused, failed, skipped
  reason         TEXT NOT NULL DEFAULT '',
  model_before   TEXT NOT NULL DEFAULT 'null',
  model_after    TEXT NOT NULL DEFAULT 'null',
  seconds        REAL,
  PRIMARY KEY(deployment_id, device_id)
);
CREATE INDEX deployment_devices_by_device ON deployment_devices(device_id);

-- Heartbeat telemetry (edgewise/<device>/telemetry), one row per heartbeat.
CREATE TABLE telemetry(
  device_id         TEXT NOT NULL,
  ts_us             INTEGER NOT NULL,
  model_sha256      TEXT NOT NULL DEFAULT '',
  cpu_pct           REAL,
  rss_kb            INTEGER,
  latency_p50_us    REAL,
  latency_p99_us    REAL,
  predictions_per_s REAL,
  queue_depth       INTEGER,
  stages            TEXT NOT NULL DEFAULT '{}', -- JSON p50 per stage: decode, features, inference, publish
  PRIMARY KEY(device_id, ts_us)
) WITHOUT ROWID;

-- Corrective feedback (MLIoT): a prediction (of a device, or a pre-annotation) that a user
-- corrected; features are the model's input (float32 little-endian, dims values).
CREATE TABLE feedback(
  id            INTEGER PRIMARY KEY,
  device_id     TEXT NOT NULL DEFAULT '',
  model_id      INTEGER REFERENCES models(id) ON DELETE SET NULL,
  model_sha256  TEXT NOT NULL DEFAULT '',
  ts_us         INTEGER NOT NULL,
  predicted     TEXT NOT NULL,
  corrected     TEXT NOT NULL,
  confidence    REAL,
  dims          INTEGER NOT NULL DEFAULT 0,
  features      BLOB,
  annotator_id  INTEGER REFERENCES annotators(id) ON DELETE SET NULL,
  created_us    INTEGER NOT NULL
);
CREATE INDEX feedback_by_model ON feedback(model_id);

-- Drift alarms raised on live device streams (or recordings).
CREATE TABLE drift_alarms(
  id              INTEGER PRIMARY KEY,
  device_id       TEXT NOT NULL,
  model_id        INTEGER REFERENCES models(id) ON DELETE SET NULL,
  feature         TEXT NOT NULL,              -- feature name, or '*' for the multivariate test
  test            TEXT NOT NULL,              -- ks, psi, mmd, chi2, adwin, page_hinkley, ddm
  statistic       REAL,
  p_value         REAL,
  window_start_us INTEGER NOT NULL,
  window_end_us   INTEGER NOT NULL,
  recording_id    INTEGER REFERENCES recordings(id) ON DELETE SET NULL,
  created_us      INTEGER NOT NULL,
  acknowledged    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drift_alarms_by_device ON drift_alarms(device_id, window_start_us);
)sql"},
      {8,
       "feedback: provenance (origin, corrected dataset sample, the suggesting model's family "
       "and version)",
       R"sql(
-- Where a corrective feedback row came from. origin: 'queue' (the Labeling pane's active-
-- learning queue), 'device' (a device's prediction, through the fleet); rows of schema 7 are
-- given it from device_id, which was '' exactly for the queue's rows then.
ALTER TABLE feedback ADD COLUMN origin TEXT NOT NULL DEFAULT '';
UPDATE feedback SET origin = CASE WHEN device_id = '' THEN 'queue' ELSE 'device' END;
-- The dataset sample that was corrected (queue rows of a stored dataset; NULL for devices), so
-- a retrain on that dataset can tell the row from the sample it duplicates.
ALTER TABLE feedback ADD COLUMN dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL;
ALTER TABLE feedback ADD COLUMN sample_id INTEGER REFERENCES dataset_samples(id)
  ON DELETE SET NULL;
-- The model that made the suggestion when it is not a registered model (model_id NULL): the
-- queue's in-session learner, by family (Classifier::id()) and its version in that session.
ALTER TABLE feedback ADD COLUMN model_family TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN model_version INTEGER;
CREATE INDEX feedback_by_sample ON feedback(sample_id);
)sql"},
      {9, "devices: identity keys (trust on first use) and a changed key awaiting acceptance",
       R"sql(
-- The Ed25519 identity key (64 hex digits) a device's status announced when the device was
-- first seen with one: its signed terminal deploy states are checked against it
-- (docs/deploy_protocol.md, "Trust"). '' until a status announces a key (old agents).
ALTER TABLE devices ADD COLUMN public_key TEXT NOT NULL DEFAULT '';
-- A different key a later status announced: the device is flagged and its states stay checked
-- against public_key until the user accepts this one. '' when there is none.
ALTER TABLE devices ADD COLUMN changed_key TEXT NOT NULL DEFAULT '';
)sql"},
  };
  return kMigrations;
}

Result<void> migrate(sqlite3* db, int targetVersion) {
  for (const Migration& m : migrations()) {
    if (m.version > targetVersion) break;
    EW_TRY(exec(db, "BEGIN IMMEDIATE"));
    Result<int64_t> version = queryInt64(db, "PRAGMA user_version");
    if (!version.ok()) {
      exec(db, "ROLLBACK").ok();
      return version.error();
    }
    if (version.value() >= m.version) {
      EW_TRY(exec(db, "COMMIT"));
      continue;
    }
    std::string sql = m.sql;
    if (m.version == 1) sql += "PRAGMA application_id = " + std::to_string(kApplicationId) + ";";
    sql += "PRAGMA user_version = " + std::to_string(m.version) + ";";
    Result<void> applied = exec(db, sql.c_str());
    if (!applied.ok()) {
      exec(db, "ROLLBACK").ok();
      return Error(applied.error().message,
                   "migrating the project to schema " + std::to_string(m.version));
    }
    EW_TRY(exec(db, "COMMIT"));
    qCDebug(lcStore) << "migrated project schema to version" << m.version << "("
                     << QString::fromUtf8(m.description) << ")";
  }
  return okResult();
}

Result<void> createProjectAtVersion(const std::string& path, int version) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    Error e = sqliteError(db, "creating " + path);
    sqlite3_close_v2(db);
    return e;
  }
  Result<void> r = exec(db, "PRAGMA journal_mode=WAL");
  if (r.ok()) r = migrate(db, version);
  sqlite3_close_v2(db);
  return r;
}

}  // namespace edgewise::store::detail

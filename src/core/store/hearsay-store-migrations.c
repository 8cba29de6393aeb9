/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-migrations.c: the schema, one step per version. A step only
 * ever gets appended; shipped steps are never edited. */
#include "hearsay-store-private.h"

const char * const hearsay_store_migrations[] = {
  /* 0 → 1: the first schema. */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
  "CREATE TABLE scheme (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);"
  "CREATE TABLE event (id INTEGER PRIMARY KEY, name TEXT NOT NULL, date TEXT);"
  "CREATE TABLE document ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  outlet TEXT, url TEXT, published_at TEXT, language TEXT,"
  "  direction TEXT NOT NULL DEFAULT 'ltr' CHECK (direction IN ('ltr', 'rtl')),"
  "  text TEXT NOT NULL,"
  "  length INTEGER NOT NULL CHECK (length >= 0),"
  "  sha256 TEXT NOT NULL,"
  "  source_name TEXT, source_sha256 TEXT, imported_at TEXT,"
  "  event_id INTEGER REFERENCES event (id) ON DELETE SET NULL);"
  "CREATE TABLE document_field ("
  "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL, value TEXT NOT NULL,"
  "  PRIMARY KEY (document_id, name, value)) WITHOUT ROWID;"
  "CREATE TABLE annotator (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  /* AUTOINCREMENT: ids are never reused, so the undo history can restore a
   * deleted annotation or relation under its own id. */
  "CREATE TABLE annotation ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
  "  label TEXT NOT NULL,"
  "  annotator_id INTEGER REFERENCES annotator (id),"
  "  note TEXT,"
  "  created_at TEXT NOT NULL, modified_at TEXT NOT NULL);"
  "CREATE INDEX annotation_document ON annotation (document_id);"
  /* Clustered on (document, start): loading one document's spans is a range scan. */
  "CREATE TABLE fragment ("
  "  document_id INTEGER NOT NULL,"
  "  start INTEGER NOT NULL, \"end\" INTEGER NOT NULL,"
  "  annotation_id INTEGER NOT NULL REFERENCES annotation (id) ON DELETE CASCADE,"
  "  exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,"
  "  CHECK (start >= 0 AND \"end\" > start),"
  "  PRIMARY KEY (document_id, start, annotation_id, \"end\")) WITHOUT ROWID;"
  "CREATE INDEX fragment_annotation ON fragment (annotation_id);"
  "CREATE TABLE annotation_attribute ("
  "  annotation_id INTEGER NOT NULL REFERENCES annotation (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL, value TEXT NOT NULL,"
  "  PRIMARY KEY (annotation_id, name, value)) WITHOUT ROWID;"
  "CREATE TABLE entity ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'unknown',"
  "  state_affiliated TEXT CHECK (state_affiliated IN ('yes', 'no', 'unclear')),"
  "  affiliation TEXT, aliases TEXT NOT NULL DEFAULT '[]', created_at TEXT);"
  "CREATE TABLE relation ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL,"
  "  from_id INTEGER NOT NULL REFERENCES annotation (id) ON DELETE CASCADE,"
  "  to_id INTEGER REFERENCES annotation (id) ON DELETE CASCADE,"
  "  to_entity_id INTEGER REFERENCES entity (id) ON DELETE CASCADE,"
  "  annotator_id INTEGER REFERENCES annotator (id),"
  "  created_at TEXT NOT NULL,"
  "  CHECK ((to_id IS NULL) <> (to_entity_id IS NULL)));"
  "CREATE INDEX relation_from ON relation (from_id);"
  "CREATE INDEX relation_to ON relation (to_id);"
  "CREATE VIRTUAL TABLE document_fts USING fts5 ("
  "  title, text, content = 'document', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
  "CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN"
  "  INSERT INTO document_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;"
  "CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN"
  "  INSERT INTO document_fts (document_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);"
  "END;"
  "CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document BEGIN"
  "  INSERT INTO document_fts (document_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);"
  "  INSERT INTO document_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;",

  /* 1 → 2: the undo history, kept with the project. */
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL, subject TEXT,"
  "  undo TEXT NOT NULL, redo TEXT NOT NULL,"
  "  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX history_undone ON history (undone, id);",

  /* 2 → 3: stored word counts (hearsay-words.h) for the comparison, so that
   * it sums integers instead of reading every text; an index per document
   * and label that also serves the old per-document lookups, and one per
   * relation type. Written to be rerun safely. */
  "CREATE TABLE IF NOT EXISTS document_words ("
  "  document_id INTEGER PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,"
  "  words INTEGER NOT NULL);"
  "INSERT OR REPLACE INTO document_words SELECT id, hearsay_word_count (text) FROM document;"
  "DROP INDEX IF EXISTS annotation_document;"
  "CREATE INDEX IF NOT EXISTS annotation_document_label ON annotation (document_id, label);"
  "CREATE INDEX IF NOT EXISTS relation_type ON relation (type, from_id);",

  /* 3 → 4: per-document aggregates for the comparison
   * (hearsay-store-compare-refresh.c), so that comparing 10,000 documents
   * sums 10,000 small blobs instead of grouping a million annotations. A
   * bag holds (key number, count) pairs; compare_key numbers the keys.
   * Triggers mark a document dirty when anything it aggregates changes: its
   * text, its annotations, their fragments, attributes and relations, and
   * the annotations that link to them (an edge caches its partner's text).
   * The first comparison after the upgrade rebuilds them all. Written to be
   * rerun safely. */
  "CREATE TABLE IF NOT EXISTS compare_dirty (document_id INTEGER PRIMARY KEY);"
  "CREATE TABLE IF NOT EXISTS compare_key (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);"
  "CREATE TABLE IF NOT EXISTS compare_document ("
  "  document_id INTEGER PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,"
  "  words INTEGER NOT NULL, bag BLOB);"
  "CREATE TABLE IF NOT EXISTS compare_excluded ("
  "  annotation_id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL);"
  "CREATE INDEX IF NOT EXISTS compare_excluded_document ON compare_excluded (document_id);"
  "CREATE TABLE IF NOT EXISTS compare_edge ("
  "  relation_id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
  "  type TEXT NOT NULL, from_id INTEGER NOT NULL, from_entity_id INTEGER, from_text TEXT,"
  "  to_id INTEGER NOT NULL, to_document_id INTEGER NOT NULL, to_entity_id INTEGER, to_text TEXT);"
  "CREATE INDEX IF NOT EXISTS compare_edge_document ON compare_edge (document_id, type);"
  "CREATE TRIGGER IF NOT EXISTS compare_document_insert AFTER INSERT ON document BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty VALUES (new.id);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS compare_document_text AFTER UPDATE OF text ON document BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty VALUES (new.id);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS compare_annotation_insert AFTER INSERT ON annotation BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty VALUES (new.document_id);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS compare_annotation_update AFTER UPDATE OF label, document_id ON annotation BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty VALUES (old.document_id), (new.document_id);"
  "  INSERT OR IGNORE INTO compare_dirty SELECT a.document_id FROM relation r"
  "    JOIN annotation a ON a.id = r.from_id WHERE r.to_id = new.id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS compare_annotation_delete AFTER DELETE ON annotation BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty VALUES (old.document_id);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS compare_fragment_insert AFTER INSERT ON fragment BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty VALUES (new.document_id);"
  "  INSERT OR IGNORE INTO compare_dirty SELECT a.document_id FROM relation r"
  "    JOIN annotation a ON a.id = r.from_id WHERE r.to_id = new.annotation_id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS compare_fragment_update AFTER UPDATE ON fragment BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty VALUES (old.document_id), (new.document_id);"
  "  INSERT OR IGNORE INTO compare_dirty SELECT a.document_id FROM relation r"
  "    JOIN annotation a ON a.id = r.from_id WHERE r.to_id = new.annotation_id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS compare_fragment_delete AFTER DELETE ON fragment BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty VALUES (old.document_id);"
  "  INSERT OR IGNORE INTO compare_dirty SELECT a.document_id FROM relation r"
  "    JOIN annotation a ON a.id = r.from_id WHERE r.to_id = old.annotation_id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS compare_attribute_insert AFTER INSERT ON annotation_attribute BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty SELECT document_id FROM annotation WHERE id = new.annotation_id;"
  "  INSERT OR IGNORE INTO compare_dirty SELECT a.document_id FROM relation r"
  "    JOIN annotation a ON a.id = r.from_id WHERE r.to_id = new.annotation_id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS compare_attribute_update AFTER UPDATE ON annotation_attribute BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty SELECT document_id FROM annotation"
  "    WHERE id IN (old.annotation_id, new.annotation_id);"
  "  INSERT OR IGNORE INTO compare_dirty SELECT a.document_id FROM relation r"
  "    JOIN annotation a ON a.id = r.from_id WHERE r.to_id IN (old.annotation_id, new.annotation_id);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS compare_attribute_delete AFTER DELETE ON annotation_attribute BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty SELECT document_id FROM annotation WHERE id = old.annotation_id;"
  "  INSERT OR IGNORE INTO compare_dirty SELECT a.document_id FROM relation r"
  "    JOIN annotation a ON a.id = r.from_id WHERE r.to_id = old.annotation_id;"
  "END;"
  /* A relation changes its two ends' documents, and, through the entity a
   * refers_to link names, the edges that end at its source annotation. */
  "CREATE TRIGGER IF NOT EXISTS compare_relation_insert AFTER INSERT ON relation BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty SELECT document_id FROM annotation"
  "    WHERE id IN (new.from_id, new.to_id);"
  "  INSERT OR IGNORE INTO compare_dirty SELECT a.document_id FROM relation r"
  "    JOIN annotation a ON a.id = r.from_id WHERE r.to_id = new.from_id;"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS compare_relation_update AFTER UPDATE ON relation BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty SELECT document_id FROM annotation"
  "    WHERE id IN (old.from_id, old.to_id, new.from_id, new.to_id);"
  "  INSERT OR IGNORE INTO compare_dirty SELECT a.document_id FROM relation r"
  "    JOIN annotation a ON a.id = r.from_id WHERE r.to_id IN (old.from_id, new.from_id);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS compare_relation_delete AFTER DELETE ON relation BEGIN"
  "  INSERT OR IGNORE INTO compare_dirty SELECT document_id FROM annotation"
  "    WHERE id IN (old.from_id, old.to_id);"
  "  INSERT OR IGNORE INTO compare_dirty SELECT a.document_id FROM relation r"
  "    JOIN annotation a ON a.id = r.from_id WHERE r.to_id = old.from_id;"
  "END;"
  "INSERT OR IGNORE INTO compare_dirty SELECT id FROM document;",

  /* 4 → 5: each undo entry knows the document it changed (NULL: a
   * project-wide edit, or an entry older than this step), so that undo can
   * stay within the document the analyst is reading. */
  "ALTER TABLE history ADD COLUMN document_id INTEGER;"
  "CREATE INDEX IF NOT EXISTS history_scope ON history (document_id, undone, id);"
  /* The highest id an annotation or a relation ever had: a new one gets a
   * higher id (hearsay_store_new_id), never the id of a deleted one that
   * the undo history may still name. */
  "CREATE TABLE IF NOT EXISTS id_floor (name TEXT PRIMARY KEY, floor INTEGER NOT NULL) WITHOUT ROWID;"
  "INSERT OR IGNORE INTO id_floor VALUES ('annotation', (SELECT coalesce (max (id), 0) FROM annotation)),"
  " ('relation', (SELECT coalesce (max (id), 0) FROM relation));"
  "CREATE TRIGGER IF NOT EXISTS id_floor_annotation AFTER DELETE ON annotation BEGIN"
  "  UPDATE id_floor SET floor = max (floor, old.id) WHERE name = 'annotation';"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS id_floor_relation AFTER DELETE ON relation BEGIN"
  "  UPDATE id_floor SET floor = max (floor, old.id) WHERE name = 'relation';"
  "END;",
  /* 5 → 6: team annotation. Stable identities (UUIDs) for documents,
   * annotations, relations and entities, so that a coder's copy of the
   * project can be merged back by identity; the coders' colours and roles
   * (the gold layer, the importer's shared marks); what each coder's copy
   * and the project last agreed on (team_base: one digest per annotation
   * and relation of the coder's layer, the base of a three-way merge); and
   * the coders' annotations that curation left out of the gold layer. */
  "ALTER TABLE document ADD COLUMN uuid TEXT;"
  "UPDATE document SET uuid = hearsay_uuid ();"
  "CREATE UNIQUE INDEX IF NOT EXISTS document_uuid ON document (uuid);"
  "ALTER TABLE annotation ADD COLUMN uuid TEXT;"
  "UPDATE annotation SET uuid = hearsay_uuid ();"
  "CREATE UNIQUE INDEX IF NOT EXISTS annotation_uuid ON annotation (uuid);"
  "ALTER TABLE relation ADD COLUMN uuid TEXT;"
  "UPDATE relation SET uuid = hearsay_uuid ();"
  "CREATE UNIQUE INDEX IF NOT EXISTS relation_uuid ON relation (uuid);"
  "ALTER TABLE entity ADD COLUMN uuid TEXT;"
  "UPDATE entity SET uuid = hearsay_uuid ();"
  "CREATE UNIQUE INDEX IF NOT EXISTS entity_uuid ON entity (uuid);"
  "ALTER TABLE annotator ADD COLUMN color TEXT;"
  "ALTER TABLE annotator ADD COLUMN role TEXT NOT NULL DEFAULT 'coder' "
  "  CHECK (role IN ('coder', 'gold', 'auto'));"
  "UPDATE annotator SET role = 'auto' WHERE name = 'importer';"
  "CREATE UNIQUE INDEX IF NOT EXISTS annotator_gold ON annotator (role) WHERE role = 'gold';"
  /* Layers are read per document and annotator. */
  "CREATE INDEX IF NOT EXISTS annotation_annotator ON annotation (annotator_id, document_id);"
  "CREATE TABLE IF NOT EXISTS team_base ("
  "  annotator_id INTEGER NOT NULL REFERENCES annotator (id) ON DELETE CASCADE,"
  "  uuid TEXT NOT NULL, digest TEXT NOT NULL,"
  "  PRIMARY KEY (annotator_id, uuid)) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS curation_rejected ("
  "  annotation_id INTEGER PRIMARY KEY REFERENCES annotation (id) ON DELETE CASCADE);"
  "INSERT OR IGNORE INTO meta (key, value) VALUES ('project_uuid', hearsay_uuid ());",

  /* 6 → 7: a bulk import indexes its documents for search once, at its
   * commit, instead of one by one: FTS5 writes its pending index to disk at
   * every savepoint, and an import takes one per document, so a 10,000-page
   * import wrote 10,000 tiny index segments and merged them. While the meta
   * row 'search_index_deferred' exists (inside that one transaction only:
   * hearsay_store_defer_search_index()), a new document's id goes to
   * document_fts_pending; the delete and update triggers leave pending rows
   * alone, since the index never saw them. Written to be rerun safely. */
  "CREATE TABLE IF NOT EXISTS document_fts_pending (document_id INTEGER PRIMARY KEY);"
  "DROP TRIGGER IF EXISTS document_fts_insert;"
  "DROP TRIGGER IF EXISTS document_fts_delete;"
  "DROP TRIGGER IF EXISTS document_fts_update;"
  "DROP TRIGGER IF EXISTS document_fts_insert_deferred;"
  "CREATE TRIGGER document_fts_insert AFTER INSERT ON document"
  "  WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search_index_deferred') BEGIN"
  "  INSERT INTO document_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;"
  "CREATE TRIGGER document_fts_insert_deferred AFTER INSERT ON document"
  "  WHEN EXISTS (SELECT 1 FROM meta WHERE key = 'search_index_deferred') BEGIN"
  "  INSERT OR IGNORE INTO document_fts_pending (document_id) VALUES (new.id);"
  "END;"
  "CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN"
  "  INSERT INTO document_fts (document_fts, rowid, title, text)"
  "    SELECT 'delete', old.id, old.title, old.text"
  "    WHERE NOT EXISTS (SELECT 1 FROM document_fts_pending WHERE document_id = old.id);"
  "  DELETE FROM document_fts_pending WHERE document_id = old.id;"
  "END;"
  "CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document"
  "  WHEN NOT EXISTS (SELECT 1 FROM document_fts_pending WHERE document_id = old.id) BEGIN"
  "  INSERT INTO document_fts (document_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);"
  "  INSERT INTO document_fts (rowid, title, text) VALUES (new.id, new.title, new.text);"
  "END;",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (hearsay_store_migrations) == HEARSAY_STORE_SCHEMA_VERSION + 1);

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
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (hearsay_store_migrations) == HEARSAY_STORE_SCHEMA_VERSION + 1);

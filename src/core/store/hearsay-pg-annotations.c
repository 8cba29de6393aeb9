/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-annotations.c: annotations, their fragments and attributes on
 * a server, and optimistic concurrency: every annotation row has a
 * revision the server raises on each change (hearsay_check_annotation).
 * What a client reads outside a transaction is what its views show; an
 * edit of an annotation must find the revision the client last read, or
 * it is refused with a conflict instead of overwriting another client's
 * change. An undo or redo (hearsay-pg-history.c) is refused when another
 * login changed the annotation last: it would overwrite their change. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-pg-private.h"
#include "hearsay-uuid.h"

static void
set_revision (GHashTable *set,
              gint64      id,
              gint64      revision)
{
  HearsayPgRevision *r = g_new (HearsayPgRevision, 1);

  r->id = id;
  r->revision = revision;
  g_hash_table_add (set, r);
}

/* A read outside a transaction is what the views show. */
static void
saw (HearsayPgStore *self,
     gint64          id,
     gint64          revision)
{
  if (self->base.txn_depth == 0)
    set_revision (self->seen, id, revision);
}

gint64
hearsay_pg_expected_revision (HearsayPgStore *self,
                              gint64          id)
{
  /* What this transaction wrote, else what the views show. */
  HearsayPgRevision *r = g_hash_table_lookup (self->pending, &id);

  if (r == NULL && !self->undoing)
    r = g_hash_table_lookup (self->seen, &id);
  return r != NULL ? r->revision : 0;
}

void
hearsay_pg_note_revision (HearsayPgStore *self,
                          gint64          id,
                          gint64          revision)
{
  set_revision (self->pending, id, revision);
}

void
hearsay_pg_set_conflict (HearsayPgStore  *self,
                         gint64           id,
                         GError         **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;
  HearsayStoreChange change = { HEARSAY_STORE_CHANGE_ANNOTATION_CHANGED, 0, id, 0 };

  hearsay_pg_param_int (&p, id);
  r = hearsay_pg_query (self, "SELECT modified_by, document_id FROM annotation WHERE id = $1;", &p, NULL, NULL);
  if (r == NULL || PQntuples (r) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no annotation %" PRId64 ": another client deleted it"), id);
      return;
    }
  if (self->undoing)
    g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_CONFLICT,
                 _("%s changed annotation %" PRId64 " after you did, so undoing your change would "
                   "overwrite theirs"),
                 hearsay_pg_get_text (r, 0, 0), id);
  else
    g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_CONFLICT,
                 _("%s changed annotation %" PRId64 " on the server after this window showed it: your "
                   "change was not saved, so as not to overwrite theirs. It now shows their version; "
                   "make your change again if it still applies."),
                 hearsay_pg_get_text (r, 0, 0), id);
  /* The views reread it, and with it its new revision. */
  change.document_id = hearsay_pg_get_int (r, 0, 1);
  g_array_append_val (self->changes, change);
}

/* Marks annotation @id changed at @modified_at, if it still has the
 * revision this client expects. */
static gboolean
touch (HearsayPgStore  *self,
       gint64           id,
       const char      *modified_at,
       GError         **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;
  gint64 expected = hearsay_pg_expected_revision (self, id);

  hearsay_pg_param_int (&p, id);
  hearsay_pg_param_text (&p, modified_at);
  hearsay_pg_param_int (&p, expected);
  hearsay_pg_param_text (&p, self->undoing && expected == 0 ? "t" : "f");
  r = hearsay_pg_query (self,
                        "UPDATE annotation SET modified_at = $2 WHERE id = $1 AND ($3 = 0 OR revision = $3) "
                        "AND (NOT $4::boolean OR modified_by = current_user) RETURNING revision;",
                        &p, _("could not save the annotation"), error);
  if (r == NULL)
    return FALSE;
  if (PQntuples (r) == 0)
    {
      hearsay_pg_set_conflict (self, id, error);
      return FALSE;
    }
  hearsay_pg_note_revision (self, id, hearsay_pg_get_int (r, 0, 0));
  return TRUE;
}

/* Fragments as parallel arrays for unnest(). */
typedef struct
{
  char *starts, *ends, *exacts, *prefixes, *suffixes;
} FragmentArrays;

static void
fragment_arrays_init (FragmentArrays    *a,
                      HearsayAnnotation *ann)
{
  guint n = hearsay_annotation_get_n_fragments (ann);
  g_autofree gint64 *starts = g_new (gint64, MAX (n, 1));
  g_autofree gint64 *ends = g_new (gint64, MAX (n, 1));
  g_autofree const char **exacts = g_new (const char *, MAX (n, 1));
  g_autofree const char **prefixes = g_new (const char *, MAX (n, 1));
  g_autofree const char **suffixes = g_new (const char *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, i);

      starts[i] = f->start;
      ends[i] = f->end;
      exacts[i] = f->exact ? f->exact : "";
      prefixes[i] = f->prefix ? f->prefix : "";
      suffixes[i] = f->suffix ? f->suffix : "";
    }
  a->starts = hearsay_pg_int_array (starts, n);
  a->ends = hearsay_pg_int_array (ends, n);
  a->exacts = hearsay_pg_text_array (exacts, n);
  a->prefixes = hearsay_pg_text_array (prefixes, n);
  a->suffixes = hearsay_pg_text_array (suffixes, n);
}

static void
fragment_arrays_clear (FragmentArrays *a)
{
  g_free (a->starts);
  g_free (a->ends);
  g_free (a->exacts);
  g_free (a->prefixes);
  g_free (a->suffixes);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FragmentArrays, fragment_arrays_clear)

gboolean
hearsay_pg_insert_annotation (HearsayStore       *store,
                              HearsayAnnotation  *ann,
                              GError            **error)
{
  HearsayPgStore *self = PG (store);
  g_auto(FragmentArrays) f = { 0 };
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);
  g_autoptr(GPtrArray) attr_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) attr_values = g_ptr_array_new ();
  g_autofree char *name_array = NULL, *value_array = NULL;
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;
  gint64 annotator_id, id = hearsay_annotation_get_id (ann);

  if (!hearsay_pg_check_writable (self, error))
    return FALSE;
  annotator_id = hearsay_pg_annotator_id (self, hearsay_annotation_get_annotator (ann), error);
  if (annotator_id < 0)
    return FALSE;
  fragment_arrays_init (&f, ann);
  for (guint i = 0; names[i]; i++)
    {
      const char * const *values = hearsay_annotation_get_attribute_values (ann, names[i]);

      for (guint j = 0; values && values[j]; j++)
        {
          g_ptr_array_add (attr_names, names[i]);
          g_ptr_array_add (attr_values, (gpointer) values[j]);
        }
    }
  name_array = hearsay_pg_text_array ((const char * const *) attr_names->pdata, attr_names->len);
  value_array = hearsay_pg_text_array ((const char * const *) attr_values->pdata, attr_values->len);

  hearsay_pg_param_id (&p, id);
  hearsay_pg_param_int (&p, hearsay_annotation_get_document_id (ann));
  hearsay_pg_param_text (&p, hearsay_annotation_get_label (ann));
  hearsay_pg_param_id (&p, annotator_id);
  hearsay_pg_param_text (&p, hearsay_annotation_get_note (ann));
  hearsay_pg_param_text (&p, hearsay_annotation_get_created_at (ann));
  hearsay_pg_param_text (&p, hearsay_annotation_get_modified_at (ann));
  hearsay_pg_param_text (&p, f.starts);
  hearsay_pg_param_text (&p, f.ends);
  hearsay_pg_param_text (&p, f.exacts);
  hearsay_pg_param_text (&p, f.prefixes);
  hearsay_pg_param_text (&p, f.suffixes);
  hearsay_pg_param_text (&p, name_array);
  hearsay_pg_param_text (&p, value_array);
  /* A new annotation gets its stable identity here; a restored or merged
   * one keeps the one it has. */
  if (hearsay_annotation_get_uuid (ann) == NULL)
    {
      g_autofree char *uuid = hearsay_uuid_new ();

      hearsay_annotation_set_uuid (ann, uuid);
    }
  hearsay_pg_param_text (&p, hearsay_annotation_get_uuid (ann));
  /* One round trip: the row, its fragments and its attributes. An id given
   * by the caller is kept (undo restores a deleted annotation as it was). */
  r = hearsay_pg_query (self,
                        "WITH a AS (INSERT INTO annotation (id, document_id, label, annotator_id, note, "
                        "  created_at, modified_at, uuid) VALUES (coalesce ($1, nextval (pg_get_serial_sequence "
                        "  ('annotation', 'id'))), $2, $3, $4, $5, $6, $7, $15) RETURNING id, revision), "
                        "f AS (INSERT INTO fragment (document_id, start, \"end\", annotation_id, exact, prefix, suffix) "
                        "  SELECT $2, u.s, u.e, a.id, u.x, u.p, u.q FROM a, unnest ($8::bigint[], $9::bigint[], "
                        "  $10::text[], $11::text[], $12::text[]) AS u (s, e, x, p, q)), "
                        "t AS (INSERT INTO annotation_attribute (annotation_id, name, value) "
                        "  SELECT DISTINCT a.id, u.n, u.v FROM a, unnest ($13::text[], $14::text[]) AS u (n, v)) "
                        "SELECT id, revision FROM a;",
                        &p, _("could not save the annotation"), error);
  if (r == NULL)
    return FALSE;
  hearsay_annotation_set_id (ann, hearsay_pg_get_int (r, 0, 0));
  hearsay_pg_note_revision (self, hearsay_pg_get_int (r, 0, 0), hearsay_pg_get_int (r, 0, 1));
  if (id > 0 && !hearsay_pg_bump_sequence (self, "annotation", id, error))
    return FALSE;
  return TRUE;
}

gboolean
hearsay_pg_delete_annotation (HearsayStore  *store,
                              gint64         id,
                              GError       **error)
{
  HearsayPgStore *self = PG (store);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (self, error))
    return FALSE;
  hearsay_pg_param_int (&p, id);
  hearsay_pg_param_int (&p, hearsay_pg_expected_revision (self, id));
  hearsay_pg_param_text (&p, self->undoing && hearsay_pg_expected_revision (self, id) == 0 ? "t" : "f");
  r = hearsay_pg_query (self, "DELETE FROM annotation WHERE id = $1 AND ($2 = 0 OR revision = $2) "
                        "AND (NOT $3::boolean OR modified_by = current_user) RETURNING id;",
                        &p, _("could not delete the annotation"), error);
  if (r == NULL)
    return FALSE;
  if (PQntuples (r) == 0)
    {
      hearsay_pg_set_conflict (self, id, error);
      return FALSE;
    }
  g_hash_table_remove (self->pending, &id);
  return TRUE;
}

#define ANNOTATION_SELECT \
  "SELECT a.id, a.document_id, a.label, a.note, an.name, a.created_at, a.modified_at, a.revision, a.uuid " \
  "FROM annotation a LEFT JOIN annotator an ON an.id = a.annotator_id "

static HearsayAnnotation *
annotation_from_row (HearsayPgStore *self,
                     PGresult       *r,
                     int             row)
{
  HearsayAnnotation *ann = hearsay_annotation_new (hearsay_pg_get_int (r, row, 1), hearsay_pg_get_text (r, row, 2));

  hearsay_annotation_set_id (ann, hearsay_pg_get_int (r, row, 0));
  hearsay_annotation_set_note (ann, hearsay_pg_get_text (r, row, 3));
  hearsay_annotation_set_annotator (ann, hearsay_pg_get_text (r, row, 4));
  hearsay_annotation_set_created_at (ann, hearsay_pg_get_text (r, row, 5));
  hearsay_annotation_set_modified_at (ann, hearsay_pg_get_text (r, row, 6));
  hearsay_annotation_set_uuid (ann, hearsay_pg_get_text (r, row, 8));
  saw (self, hearsay_pg_get_int (r, row, 0), hearsay_pg_get_int (r, row, 7));
  return ann;
}

/* load_parts' @by_document: FALSE (one annotation), TRUE (a document's) or
 * a layer's (@key is the annotator's id). */
#define PARTS_OF_LAYER 2

static gboolean
load_parts (HearsayPgStore  *self,
            GHashTable      *by_id,
            int              by_document,
            gint64           key,
            GError         **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) fragments = NULL;
  g_autoptr(PGresult) attributes = NULL;

  hearsay_pg_param_int (&p, key);
  fragments = hearsay_pg_query (self, by_document == PARTS_OF_LAYER
                                ? "SELECT f.annotation_id, f.start, f.\"end\", f.exact, f.prefix, f.suffix "
                                  "FROM annotation a JOIN fragment f ON f.annotation_id = a.id "
                                  "WHERE a.annotator_id = $1 ORDER BY f.annotation_id, f.start;"
                                : by_document
                                ? "SELECT annotation_id, start, \"end\", exact, prefix, suffix "
                                  "FROM fragment WHERE document_id = $1 ORDER BY start;"
                                : "SELECT annotation_id, start, \"end\", exact, prefix, suffix "
                                  "FROM fragment WHERE annotation_id = $1 ORDER BY start;",
                                &p, _("could not read annotations"), error);
  if (fragments == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (fragments); i++)
    {
      gint64 id = hearsay_pg_get_int (fragments, i, 0);
      HearsayAnnotation *ann = g_hash_table_lookup (by_id, &id);

      if (ann != NULL)
        hearsay_annotation_add_fragment_full (ann, hearsay_pg_get_int (fragments, i, 1),
                                              hearsay_pg_get_int (fragments, i, 2),
                                              PQgetvalue (fragments, i, 3), PQgetvalue (fragments, i, 4),
                                              PQgetvalue (fragments, i, 5));
    }
  attributes = hearsay_pg_query (self, by_document == PARTS_OF_LAYER
                                 ? "SELECT aa.annotation_id, aa.name, aa.value FROM annotation_attribute aa "
                                   "JOIN annotation a ON a.id = aa.annotation_id WHERE a.annotator_id = $1 "
                                   "ORDER BY aa.annotation_id, aa.name COLLATE \"C\", aa.value COLLATE \"C\";"
                                 : by_document
                                 ? "SELECT aa.annotation_id, aa.name, aa.value FROM annotation_attribute aa "
                                   "JOIN annotation a ON a.id = aa.annotation_id WHERE a.document_id = $1 "
                                   "ORDER BY aa.annotation_id, aa.name COLLATE \"C\", aa.value COLLATE \"C\";"
                                 : "SELECT annotation_id, name, value FROM annotation_attribute "
                                   "WHERE annotation_id = $1 ORDER BY name COLLATE \"C\", value COLLATE \"C\";",
                                 &p, _("could not read annotations"), error);
  if (attributes == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (attributes); i++)
    {
      gint64 id = hearsay_pg_get_int (attributes, i, 0);
      HearsayAnnotation *ann = g_hash_table_lookup (by_id, &id);

      if (ann != NULL)
        hearsay_annotation_add_attribute_value (ann, PQgetvalue (attributes, i, 1), PQgetvalue (attributes, i, 2));
    }
  return TRUE;
}

HearsayAnnotation *
hearsay_pg_load_annotation (HearsayStore  *store,
                            gint64         id,
                            GError       **error)
{
  HearsayPgStore *self = PG (store);
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, id);
  r = hearsay_pg_query (self, ANNOTATION_SELECT "WHERE a.id = $1;", &p, _("could not read the annotation"), error);
  if (r == NULL)
    return NULL;
  if (PQntuples (r) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no annotation %" PRId64), id);
      return NULL;
    }
  ann = annotation_from_row (self, r, 0);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_hash_table_insert (by_id, &id, ann);
  if (!load_parts (self, by_id, FALSE, id, error))
    return NULL;
  return g_steal_pointer (&ann);
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  HearsayAnnotation *x = *(HearsayAnnotation **) a;
  HearsayAnnotation *y = *(HearsayAnnotation **) b;
  gint64 d = hearsay_annotation_get_start (x) - hearsay_annotation_get_start (y);

  if (d == 0)
    d = hearsay_annotation_get_end (x) - hearsay_annotation_get_end (y);
  if (d == 0)
    d = hearsay_annotation_get_id (x) - hearsay_annotation_get_id (y);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

GPtrArray *
hearsay_pg_list_annotations (HearsayStore  *store,
                             gint64         document_id,
                             GError       **error)
{
  HearsayPgStore *self = PG (store);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = NULL;
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, document_id);
  r = hearsay_pg_query (self, ANNOTATION_SELECT "WHERE a.document_id = $1;", &p,
                        _("could not read annotations"), error);
  if (r == NULL)
    return NULL;
  ids = g_new (gint64, MAX (PQntuples (r), 1));
  for (int i = 0; i < PQntuples (r); i++)
    {
      HearsayAnnotation *ann = annotation_from_row (self, r, i);

      ids[i] = hearsay_annotation_get_id (ann);
      g_ptr_array_add (list, ann);
      g_hash_table_insert (by_id, &ids[i], ann);
    }
  if (!load_parts (self, by_id, TRUE, document_id, error))
    return NULL;
  g_ptr_array_sort (list, compare_annotations);
  return g_steal_pointer (&list);
}

GPtrArray *
hearsay_pg_list_layer_annotations (HearsayStore  *store,
                                   gint64         document_id,
                                   const char    *coder,
                                   GError       **error)
{
  HearsayPgStore *self = PG (store);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = NULL;
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) found = NULL;
  g_autoptr(PGresult) r = NULL;
  gint64 annotator_id;

  hearsay_pg_param_text (&p, coder);
  found = hearsay_pg_query (self, "SELECT id FROM annotator WHERE name = $1;", &p,
                            _("could not read annotations"), error);
  if (found == NULL)
    return NULL;
  if (PQntuples (found) == 0)
    return g_steal_pointer (&list);
  annotator_id = hearsay_pg_get_int (found, 0, 0);
  p = (HearsayPgParams) { 0 };
  hearsay_pg_param_int (&p, annotator_id);
  hearsay_pg_param_int (&p, document_id);
  r = hearsay_pg_query (self, ANNOTATION_SELECT "WHERE a.annotator_id = $1 AND ($2 = 0 OR a.document_id = $2);",
                        &p, _("could not read annotations"), error);
  if (r == NULL)
    return NULL;
  ids = g_new (gint64, MAX (PQntuples (r), 1));
  for (int i = 0; i < PQntuples (r); i++)
    {
      HearsayAnnotation *ann = annotation_from_row (self, r, i);

      ids[i] = hearsay_annotation_get_id (ann);
      g_ptr_array_add (list, ann);
      g_hash_table_insert (by_id, &ids[i], ann);
    }
  if (!(document_id > 0 ? load_parts (self, by_id, TRUE, document_id, error)
                        : load_parts (self, by_id, PARTS_OF_LAYER, annotator_id, error)))
    return NULL;
  if (document_id > 0)
    g_ptr_array_sort (list, compare_annotations);
  return g_steal_pointer (&list);
}

gboolean
hearsay_pg_set_attribute (HearsayStore        *store,
                          gint64               annotation_id,
                          const char          *name,
                          const char * const  *values,
                          const char          *modified_at,
                          GError             **error)
{
  HearsayPgStore *self = PG (store);
  g_autofree char *array = hearsay_pg_text_array (values, values ? g_strv_length ((char **) values) : 0);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (self, error) || !touch (self, annotation_id, modified_at, error))
    return FALSE;
  hearsay_pg_param_int (&p, annotation_id);
  hearsay_pg_param_text (&p, name);
  hearsay_pg_param_text (&p, array);
  /* Values kept stay rows; the others go, the new ones come. */
  r = hearsay_pg_query (self,
                        "WITH d AS (DELETE FROM annotation_attribute WHERE annotation_id = $1 AND name = $2 "
                        "  AND value <> ALL ($3::text[])) "
                        "INSERT INTO annotation_attribute (annotation_id, name, value) "
                        "SELECT DISTINCT $1::bigint, $2, v FROM unnest ($3::text[]) v ON CONFLICT DO NOTHING;",
                        &p, _("could not save an attribute"), error);
  return r != NULL;
}

gboolean
hearsay_pg_set_note (HearsayStore  *store,
                     gint64         annotation_id,
                     const char    *note,
                     const char    *modified_at,
                     GError       **error)
{
  HearsayPgStore *self = PG (store);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (self, error) || !touch (self, annotation_id, modified_at, error))
    return FALSE;
  hearsay_pg_param_int (&p, annotation_id);
  hearsay_pg_param_text (&p, note && *note ? note : NULL);
  r = hearsay_pg_query (self, "UPDATE annotation SET note = $2 WHERE id = $1 RETURNING revision;", &p,
                        _("could not save the note"), error);
  if (r == NULL)
    return FALSE;
  if (PQntuples (r) > 0)
    hearsay_pg_note_revision (self, annotation_id, hearsay_pg_get_int (r, 0, 0));
  return TRUE;
}

gboolean
hearsay_pg_set_label (HearsayStore  *store,
                      gint64         annotation_id,
                      const char    *label,
                      const char    *modified_at,
                      GError       **error)
{
  HearsayPgStore *self = PG (store);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (self, error) || !touch (self, annotation_id, modified_at, error))
    return FALSE;
  hearsay_pg_param_int (&p, annotation_id);
  hearsay_pg_param_text (&p, label);
  r = hearsay_pg_query (self, "UPDATE annotation SET label = $2 WHERE id = $1 RETURNING revision;", &p,
                        _("could not save the label"), error);
  if (r == NULL)
    return FALSE;
  if (PQntuples (r) > 0)
    hearsay_pg_note_revision (self, annotation_id, hearsay_pg_get_int (r, 0, 0));
  return TRUE;
}

gint64
hearsay_pg_count_annotations (HearsayStore *store,
                              gint64        document_id)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, document_id);
  r = hearsay_pg_query (PG (store), "SELECT count(*) FROM annotation WHERE document_id = $1;", &p, NULL, NULL);
  return r != NULL ? hearsay_pg_get_int (r, 0, 0) : 0;
}

gboolean
hearsay_pg_replace_fragments (HearsayStore       *store,
                              HearsayAnnotation  *ann,
                              const char         *modified_at,
                              GError            **error)
{
  HearsayPgStore *self = PG (store);
  gint64 id = hearsay_annotation_get_id (ann);
  g_auto(FragmentArrays) f = { 0 };
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (self, error) || !touch (self, id, modified_at, error))
    return FALSE;
  fragment_arrays_init (&f, ann);
  hearsay_pg_param_int (&p, id);
  hearsay_pg_param_int (&p, hearsay_annotation_get_document_id (ann));
  hearsay_pg_param_text (&p, f.starts);
  hearsay_pg_param_text (&p, f.ends);
  hearsay_pg_param_text (&p, f.exacts);
  hearsay_pg_param_text (&p, f.prefixes);
  hearsay_pg_param_text (&p, f.suffixes);
  {
    HearsayPgParams one = { 0 };

    hearsay_pg_param_int (&one, id);
    r = hearsay_pg_query (self, "DELETE FROM fragment WHERE annotation_id = $1;", &one,
                          _("could not save the fragments"), error);
  }
  if (r == NULL)
    return FALSE;
  g_clear_pointer (&r, PQclear);
  r = hearsay_pg_query (self,
                        "INSERT INTO fragment (document_id, start, \"end\", annotation_id, exact, prefix, suffix) "
                        "SELECT $2, u.s, u.e, $1, u.x, u.p, u.q FROM unnest ($3::bigint[], $4::bigint[], "
                        "$5::text[], $6::text[], $7::text[]) AS u (s, e, x, p, q);",
                        &p, _("could not save the fragments"), error);
  return r != NULL;
}

char **
hearsay_pg_list_used_labels (HearsayStore  *store,
                             GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(PGresult) r = hearsay_pg_query (PG (store),
                                            "SELECT DISTINCT label COLLATE \"C\" FROM annotation ORDER BY 1;",
                                            NULL, _("could not read annotations"), error);

  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    g_strv_builder_add (builder, PQgetvalue (r, i, 0));
  return g_strv_builder_end (builder);
}

GArray *
hearsay_pg_list_label_annotations (HearsayStore  *store,
                                   const char    *label,
                                   GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;
  GArray *ids;

  hearsay_pg_param_text (&p, label);
  r = hearsay_pg_query (PG (store), "SELECT id FROM annotation WHERE label = $1 ORDER BY id;", &p,
                        _("could not read annotations"), error);
  if (r == NULL)
    return NULL;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), PQntuples (r));
  for (int i = 0; i < PQntuples (r); i++)
    {
      gint64 id = hearsay_pg_get_int (r, i, 0);

      g_array_append_val (ids, id);
    }
  return ids;
}

static char *
like_pattern (const char *query)
{
  GString *s = g_string_new ("%");

  for (const char *p = query ? query : ""; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

GPtrArray *
hearsay_pg_search_annotations (HearsayStore  *store,
                               const char    *label,
                               const char    *query,
                               gint64         exclude_document_id,
                               guint          limit,
                               GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *pattern = like_pattern (query);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_text (&p, label);
  hearsay_pg_param_text (&p, pattern);
  hearsay_pg_param_int (&p, exclude_document_id);
  hearsay_pg_param_int (&p, limit);
  /* ILIKE in the "C" collation folds ASCII letters only, as SQLite's LIKE. */
  r = hearsay_pg_query (PG (store),
                        "SELECT f.annotation_id FROM fragment f JOIN annotation a ON a.id = f.annotation_id "
                        "WHERE ($1::text IS NULL OR a.label = $1) AND a.document_id <> $3 "
                        "AND f.exact COLLATE \"C\" ILIKE $2 ESCAPE '\\' "
                        "GROUP BY f.annotation_id, a.document_id ORDER BY a.document_id DESC, min (f.start) "
                        "LIMIT $4;", &p, _("could not search annotations"), error);
  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      HearsayAnnotation *ann = hearsay_pg_load_annotation (store, hearsay_pg_get_int (r, i, 0), error);

      if (ann == NULL)
        return NULL;
      g_ptr_array_add (list, ann);
    }
  return g_steal_pointer (&list);
}

GArray *
hearsay_pg_list_spans (HearsayStore  *store,
                       gint64         document_id,
                       GError       **error)
{
  HearsayPgStore *self = PG (store);
  g_autoptr(GArray) spans = NULL;
  const char *last_label = NULL;
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, document_id);
  r = hearsay_pg_query (self,
                        "SELECT f.annotation_id, f.start, f.\"end\", a.label, a.revision, an.name "
                        "FROM fragment f JOIN annotation a ON a.id = f.annotation_id "
                        "LEFT JOIN annotator an ON an.id = a.annotator_id "
                        "WHERE f.document_id = $1 ORDER BY f.start, f.\"end\", f.annotation_id;",
                        &p, _("could not read annotations"), error);
  if (r == NULL)
    return NULL;
  spans = g_array_sized_new (FALSE, FALSE, sizeof (HearsaySpan), PQntuples (r));
  for (int i = 0; i < PQntuples (r); i++)
    {
      HearsaySpan span;
      const char *label = PQgetvalue (r, i, 3);

      span.annotation_id = hearsay_pg_get_int (r, i, 0);
      span.start = hearsay_pg_get_int (r, i, 1);
      span.end = hearsay_pg_get_int (r, i, 2);
      if (last_label == NULL || !g_str_equal (last_label, label))
        last_label = g_intern_string (label);
      span.label = last_label;
      /* Annotators are few: interned, like the labels. */
      span.annotator = PQgetisnull (r, i, 5) ? NULL : g_intern_string (PQgetvalue (r, i, 5));
      saw (self, span.annotation_id, hearsay_pg_get_int (r, i, 4));
      g_array_append_val (spans, span);
    }
  return g_steal_pointer (&spans);
}

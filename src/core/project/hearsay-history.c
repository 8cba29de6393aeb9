/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-history.c: applying edits, undo and redo. An edit runs its redo
 * operations through hearsay_history_apply_op() and stores them with the
 * operations that undo it, in one transaction; undo and redo replay them
 * the same way, so the history and the data never disagree. Each entry
 * belongs to the document it changed (its scope): undo can stay within the
 * document being read. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-error.h"
#include "hearsay-history.h"
#include "hearsay-history-private.h"
#include "hearsay-text.h"

gboolean
hearsay_history_begin (HearsayProject  *project,
                       GError         **error)
{
  HearsayStore *store = hearsay_project_require_store (project, error);

  return store != NULL && hearsay_store_check_writable (store, error) && hearsay_store_begin (store, error);
}

void
hearsay_history_abort (HearsayProject *project,
                       HearsayEdit    *edit)
{
  HearsayStore *store = hearsay_project_get_store (project);

  if (store != NULL)
    hearsay_store_rollback (store);
  hearsay_edit_clear (edit);
}

static void
applied_init (HearsayApplied *applied)
{
  applied->changes = g_array_new (FALSE, FALSE, sizeof (HearsayChange));
  applied->inserted = g_array_new (FALSE, FALSE, sizeof (HearsayInserted));
}

static void
applied_clear (HearsayApplied *applied)
{
  for (guint i = 0; applied->changes != NULL && i < applied->changes->len; i++)
    g_clear_object (&g_array_index (applied->changes, HearsayChange, i).object);
  g_clear_pointer (&applied->changes, g_array_unref);
  g_clear_pointer (&applied->inserted, g_array_unref);
  g_clear_object (&applied->scheme);
}

static JsonNode *
parse_ops (const char  *ops,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, ops, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                           _("The undo history is damaged"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

static gboolean
apply_all (HearsayProject  *self,
           JsonArray       *ops,
           HearsayApplied  *applied,
           GError         **error)
{
  for (guint i = 0; i < json_array_get_length (ops); i++)
    {
      JsonNode *node = json_array_get_element (ops, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error_literal (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                               _("The undo history is damaged"));
          return FALSE;
        }
      if (!hearsay_history_apply_op (self, json_node_get_object (node), applied, error))
        return FALSE;
    }
  return TRUE;
}

static void
emit_applied (HearsayProject *self,
              HearsayApplied *applied)
{
  /* Committed: a stored scheme is now the project's, before anyone hears
   * of the change. */
  if (applied->scheme != NULL)
    hearsay_project_take_scheme (self, g_steal_pointer (&applied->scheme));
  for (guint i = 0; i < applied->changes->len; i++)
    {
      const HearsayChange *c = &g_array_index (applied->changes, HearsayChange, i);

      hearsay_project_emit_change (self, c->change, c->document_id, c->id, c->other_id, c->object);
    }
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_HISTORY, 0, 0, 0, NULL);
}

gboolean
hearsay_history_apply (HearsayProject  *project,
                       HearsayEdit     *edit,
                       gint64          *inserted,
                       GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (project);
  g_autofree char *redo_text = g_strdup_printf ("[%s]", edit->redo->str);
  g_autofree char *now = hearsay_now_iso8601 ();
  g_autofree char *redo = NULL, *undo = NULL;
  g_autoptr(JsonNode) ops = NULL;
  g_autoptr(GString) undo_ops = NULL;
  HearsayApplied applied = { 0 };
  gboolean ok;

  applied_init (&applied);
  ops = parse_ops (redo_text, error);
  ok = ops != NULL && apply_all (project, json_node_get_array (ops), &applied, error);
  if (ok)
    {
      /* Undoing an insert deletes what it made, newest first, before the
       * edit's own undo operations. */
      undo_ops = g_string_new (NULL);
      for (guint i = applied.inserted->len; i-- > 0; )
        {
          const HearsayInserted *ins = &g_array_index (applied.inserted, HearsayInserted, i);

          if (!ins->created)
            continue;
          switch (ins->kind)
            {
            case HEARSAY_INSERTED_ANNOTATION:
              hearsay_ops_delete_annotation (undo_ops, ins->id);
              break;
            case HEARSAY_INSERTED_RELATION:
              hearsay_ops_delete_relation (undo_ops, ins->id);
              break;
            case HEARSAY_INSERTED_ENTITY:
              hearsay_ops_delete_entity (undo_ops, ins->id);
              break;
            case HEARSAY_INSERTED_EVENT:
              hearsay_ops_delete_event (undo_ops, ins->id);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      if (edit->undo->len > 0)
        g_string_append_printf (undo_ops, "%s%s", undo_ops->len > 0 ? "," : "", edit->undo->str);
      undo = g_strdup_printf ("[%s]", undo_ops->str);
      redo = json_to_string (ops, FALSE);
      if (inserted != NULL)
        *inserted = applied.inserted->len > 0 && g_array_index (applied.inserted, HearsayInserted, 0).created
                    ? g_array_index (applied.inserted, HearsayInserted, 0).id : 0;
      ok = hearsay_store_history_push (store, edit->scope, edit->kind, edit->subject, undo, redo, now, error) &&
           hearsay_store_commit (store, error);
    }
  if (!ok)
    hearsay_store_rollback (store);
  else
    emit_applied (project, &applied);
  applied_clear (&applied);
  hearsay_edit_clear (edit);
  return ok;
}

void
hearsay_history_step_clear (HearsayHistoryStep *step)
{
  g_clear_pointer (&step->label, g_free);
  g_clear_pointer (&step->detail, g_free);
}

/* A conflict: what the entry names is gone or taken (another document's
 * edit, another client). Such an entry can never apply again. */
static gboolean
is_conflict (const GError *error)
{
  return g_error_matches (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND) ||
         g_error_matches (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_CONFLICT) ||
         g_error_matches (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND) ||
         g_error_matches (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_CONFLICT);
}

/* Fills @out (when given) from an entry, reading what it concerns from
 * its operations before they are applied. */
static void
fill_step (HearsayProject     *self,
           HearsayHistoryStep *out,
           gint64              id,
           gint64              scope,
           const char         *kind,
           const char         *subject,
           JsonNode           *ops)
{
  if (out == NULL)
    return;
  hearsay_history_step_clear (out);
  out->entry = id;
  out->document_id = scope;
  out->label = hearsay_history_describe (self, kind, subject);
  out->annotation_id = 0;
  out->start = out->end = -1;
  if (ops != NULL && JSON_NODE_HOLDS_ARRAY (ops))
    hearsay_history_describe_target (self, json_node_get_array (ops), out);
}

static gboolean
nothing_to_do (gboolean  redo,
               gint64    scope,
               GError  **error)
{
  g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                       redo ? (scope > 0 ? _("There is nothing to redo in this document")
                                         : scope == 0 ? _("There is no project-wide edit to redo")
                                                      : _("There is nothing to redo"))
                            : (scope > 0 ? _("There is nothing to undo in this document")
                                         : scope == 0 ? _("There is no project-wide edit to undo")
                                                      : _("There is nothing to undo")));
  return FALSE;
}

/* Undoes (or redoes) the next entry of @scope; with @expected > 0, only
 * if that entry is @expected. */
static gboolean
step (HearsayProject      *self,
      gboolean             redo,
      gint64               scope,
      gint64               expected,
      HearsayHistoryStep  *result,
      GError             **error)
{
  HearsayStore *store;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) ops_node = NULL;
  g_autofree char *ops = NULL, *kind = NULL, *subject = NULL;
  g_auto(HearsayHistoryStep) done = { 0 };
  HearsayApplied applied = { 0 };
  gint64 id, entry_scope = 0;
  gboolean ok;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);

  /* The entry is chosen inside the write transaction: two processes undoing
   * at once take two entries, one after the other. */
  if (!hearsay_history_begin (self, error))
    return FALSE;
  store = hearsay_project_get_store (self);
  if (expected > 0)
    {
      gboolean undone = FALSE;

      if (!hearsay_store_history_lookup (store, expected, &scope, &undone) || undone != redo)
        {
          hearsay_store_rollback (store);
          g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                               redo ? _("This edit cannot be redone any more")
                                    : _("This edit cannot be undone any more"));
          return FALSE;
        }
    }
  if (!hearsay_store_history_peek (store, redo, scope, &id, &entry_scope, &kind, &subject, &ops))
    {
      hearsay_store_rollback (store);
      return nothing_to_do (redo, scope, error);
    }
  if (expected > 0 && id != expected)
    {
      hearsay_store_rollback (store);
      /* Each scope's history is a line: what came after goes first. */
      g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_NEXT,
                           redo ? _("Other edits were undone after this one: redo them first")
                                : (scope > 0 ? _("Later edits in the same document come first: undo them first")
                                             : _("Later project-wide edits come first: undo them first")));
      return FALSE;
    }
  applied_init (&applied);
  ops_node = parse_ops (ops, &local_error);
  fill_step (self, &done, id, entry_scope, kind, subject, ops_node);
  ok = ops_node != NULL && apply_all (self, json_node_get_array (ops_node), &applied, &local_error) &&
       hearsay_store_history_mark (store, id, !redo, &local_error) &&
       hearsay_store_commit (store, &local_error);
  if (!ok)
    {
      hearsay_store_rollback (store);
      applied_clear (&applied);
      if (!is_conflict (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Keep the history usable: the entry goes, the message says why. */
      if (hearsay_store_begin (store, NULL))
        {
          if (hearsay_store_history_forget (store, id, NULL) && hearsay_store_commit (store, NULL))
            hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_HISTORY, 0, 0, 0, NULL);
          else
            hearsay_store_rollback (store);
        }
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_CONFLICT,
                   redo ? _("“%s” cannot be redone: %s. It was taken out of the undo history.")
                        : _("“%s” cannot be undone: %s. It was taken out of the undo history."),
                   done.label, local_error->message);
      return FALSE;
    }
  emit_applied (self, &applied);
  applied_clear (&applied);
  if (result != NULL)
    {
      hearsay_history_step_clear (result);
      *result = done;
      done = (HearsayHistoryStep) { 0 };
    }
  return TRUE;
}

gboolean
hearsay_project_undo (HearsayProject      *self,
                      gint64               document_id,
                      HearsayHistoryStep  *step_out,
                      GError             **error)
{
  return step (self, FALSE, document_id, 0, step_out, error);
}

gboolean
hearsay_project_redo (HearsayProject      *self,
                      gint64               document_id,
                      HearsayHistoryStep  *step_out,
                      GError             **error)
{
  return step (self, TRUE, document_id, 0, step_out, error);
}

gboolean
hearsay_project_undo_entry (HearsayProject      *self,
                            gint64               entry,
                            HearsayHistoryStep  *step_out,
                            GError             **error)
{
  g_return_val_if_fail (entry > 0, FALSE);
  return step (self, FALSE, 0, entry, step_out, error);
}

static gboolean
peek (HearsayProject      *self,
      gboolean             redo,
      gint64               scope,
      HearsayHistoryStep  *out)
{
  g_autofree char *kind = NULL, *subject = NULL, *ops = NULL;
  g_autoptr(JsonNode) node = NULL;
  HearsayStore *store = hearsay_project_get_store (self);
  gint64 id = 0, entry_scope = 0;

  if (store == NULL ||
      !hearsay_store_history_peek (store, redo, scope, &id, &entry_scope, &kind, &subject, out != NULL ? &ops : NULL))
    return FALSE;
  if (out != NULL)
    {
      node = parse_ops (ops, NULL);
      fill_step (self, out, id, entry_scope, kind, subject, node);
    }
  return TRUE;
}

gboolean
hearsay_project_peek_undo (HearsayProject     *self,
                           gint64              document_id,
                           HearsayHistoryStep *step_out)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  return peek (self, FALSE, document_id, step_out);
}

gboolean
hearsay_project_peek_redo (HearsayProject     *self,
                           gint64              document_id,
                           HearsayHistoryStep *step_out)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  return peek (self, TRUE, document_id, step_out);
}

static char *
peek_label (HearsayProject *self,
            gboolean        redo,
            gint64          scope)
{
  g_autofree char *kind = NULL;
  g_autofree char *subject = NULL;
  HearsayStore *store = hearsay_project_get_store (self);

  if (store == NULL || !hearsay_store_history_peek (store, redo, scope, NULL, NULL, &kind, &subject, NULL))
    return NULL;
  return hearsay_history_describe (self, kind, subject);
}

char *
hearsay_project_dup_undo_label (HearsayProject *self,
                                gint64          document_id)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  return peek_label (self, FALSE, document_id);
}

char *
hearsay_project_dup_redo_label (HearsayProject *self,
                                gint64          document_id)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  return peek_label (self, TRUE, document_id);
}

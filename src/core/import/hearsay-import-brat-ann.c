/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-brat-ann.c: one .ann file, read as brat's annotation.py
 * reads it, into Hearsay's model:
 *   T  a text-bound annotation, fragments "0 5;16 23"; its text (the
 *      fragments' texts joined by a space, then optionally white space and
 *      more) is checked against the .txt, else a quote mismatch;
 *   E  an event "Type:T3 Role:T1 Role2:E2": an annotation labelled Type on
 *      its trigger's span (each event its own, so that what is said of E1
 *      says nothing of E2), and one relation per argument, from the event to
 *      the argument, typed by the role without brat's numbering ("Theme2"
 *      is the second "Theme"); the label is an event type and the role an
 *      event_role type in the scheme, which is how the export writes them
 *      back as E lines;
 *   R  a relation "Type Arg1:T1 Arg2:T2" (to an event: to its annotation);
 *   A/M an attribute "Negation E1" (value "true") or "Status T1 disputed";
 *   N  a normalization "Reference T1 Wikipedia:534366<TAB>Barack Obama":
 *      the attribute "normalization" = "Wikipedia:534366 Barack Obama"
 *      ("normalization:TYPE" for another type than Reference);
 *   #  "AnnotatorNotes T1<TAB>note": the note of the annotation (or event)
 *      it names; Hearsay's relations and attributes have no notes, so a note
 *      on R1 or A1 is kept in the note of the annotation they belong to, and
 *      the report says so;
 *   *  "Equiv T1 T2 T3": symmetric, transitive relations chaining them.
 * Offsets count code points as brat reads the .txt (CR LF two, a BOM one);
 * files written by tools that read with universal newlines (CR LF one) or
 * without the BOM are recognised by their T lines' texts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-brat-private.h"

typedef struct
{
  HearsayImportContext *ctx;
  HearsayTextIndex *index;
  HearsayDocument *doc;
  HearsayBratConf *conf;
  const char *path;
  const char *annotator;
  GPtrArray *items;          /* BratItem, in file order */
  GHashTable *by_id;         /* id → BratItem */
  GHashTable *first_event;   /* trigger id → its first E BratItem */
} AnnFile;

/* The texts of @item's spans under @reader, joined by a space as brat
 * does, with the stored spans; NULL when a span is not in the text. */
static char *
spans_text (AnnFile             *f,
            HearsayOffsetReader *reader,
            BratItem            *item,
            GArray              *stored)
{
  g_autoptr(GString) s = g_string_new (NULL);
  gint64 length = hearsay_text_index_get_length (f->index);

  for (guint i = 0; i + 1 < item->spans->len; i += 2)
    {
      gint64 a, b;
      const char *p, *q;

      if (!hearsay_offset_reader_to_stored (reader, g_array_index (item->spans, gint64, i), &a) ||
          !hearsay_offset_reader_to_stored (reader, g_array_index (item->spans, gint64, i + 1), &b) ||
          a > b || b > length)
        return NULL;
      p = hearsay_text_index_pointer (f->index, a);
      q = hearsay_text_index_pointer (f->index, b);
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append_len (s, p, q - p);
      if (stored != NULL)
        {
          g_array_append_val (stored, a);
          g_array_append_val (stored, b);
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* brat's check: the text starts with the spans' text, and what follows, if
 * anything, starts with white space. */
static gboolean
text_matches (const char *given,
              const char *expected)
{
  gsize n = strlen (expected);

  return strncmp (given, expected, n) == 0 &&
         (given[n] == '\0' || g_unichar_isspace (g_utf8_get_char (given + n)));
}

static guint
count_matches (AnnFile                       *f,
               const HearsayOffsetConvention *convention)
{
  g_autoptr(HearsayOffsetReader) reader = hearsay_offset_reader_new (hearsay_text_index_get_text (f->index), convention);
  guint n = 0;

  for (guint i = 0; i < f->items->len; i++)
    {
      BratItem *item = g_ptr_array_index (f->items, i);
      g_autofree char *text = NULL;

      if (item->kind != ITEM_T || item->text == NULL)
        continue;
      text = spans_text (f, reader, item, NULL);
      n += text != NULL && text_matches (item->text, text);
    }
  return n;
}

/* How this file counts: what the caller or a Hearsay export states, else
 * brat's own reading, else (when its T lines say so) CR LF as one or from
 * after the BOM, as tools reading with Python's universal newlines or
 * "utf-8-sig" write. */
static HearsayOffsetConvention
choose_convention (AnnFile *f)
{
  static const HearsayOffsetConvention brat = { HEARSAY_OFFSET_CODEPOINT, FALSE, FALSE };
  const char *text = hearsay_text_index_get_text (f->index);
  HearsayOffsetConvention candidates[4], best;
  guint n = 0, best_matches = 0;
  gboolean crlf = strstr (text, "\r\n") != NULL, bom = g_str_has_prefix (text, "\xEF\xBB\xBF");

  if (f->ctx->options->offsets_given || (f->conf != NULL && f->conf->stated))
    return hearsay_import_convention (f->ctx, f->conf ? &f->conf->convention : NULL, &brat);
  candidates[n++] = brat;
  if (crlf)
    candidates[n++] = (HearsayOffsetConvention) { HEARSAY_OFFSET_CODEPOINT, TRUE, FALSE };
  if (bom)
    candidates[n++] = (HearsayOffsetConvention) { HEARSAY_OFFSET_CODEPOINT, FALSE, TRUE };
  if (crlf && bom)
    candidates[n++] = (HearsayOffsetConvention) { HEARSAY_OFFSET_CODEPOINT, TRUE, TRUE };
  best = brat;
  if (n == 1)
    return best;
  for (guint i = 0; i < n; i++)
    {
      guint matches = count_matches (f, &candidates[i]);

      /* The first that matches most wins: brat's own reading on a tie. */
      if (matches > best_matches)
        {
          best = candidates[i];
          best_matches = matches;
        }
    }
  return best;
}

static void
left_out (AnnFile    *f,
          guint       line,
          const char *format,
          ...) G_GNUC_PRINTF (3, 4);

static void
left_out (AnnFile    *f,
          guint       line,
          const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  hearsay_import_skip (f->ctx, f->path, line, "%s", message);
}

static gboolean
read_spans (AnnFile                       *f,
            const HearsayOffsetConvention *convention,
            GError                       **error)
{
  g_autoptr(HearsayOffsetReader) reader = hearsay_offset_reader_new (hearsay_text_index_get_text (f->index), convention);

  for (guint i = 0; i < f->items->len; i++)
    {
      BratItem *item = g_ptr_array_index (f->items, i);
      g_autofree char *text = NULL;
      g_autoptr(GError) local_error = NULL;

      if (item->kind != ITEM_T)
        continue;
      item->stored = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint j = 0; j + 1 < item->spans->len; j += 2)
        {
          gint64 a, b;

          if (!hearsay_import_convert_span (reader, convention, g_array_index (item->spans, gint64, j),
                                            g_array_index (item->spans, gint64, j + 1), &a, &b,
                                            f->path, item->line, error))
            return FALSE;
          if (!hearsay_text_index_check_span (f->index, a, b, &local_error))
            return hearsay_import_fail (error, f->path, item->line, "%s", local_error->message);
        }
      text = spans_text (f, reader, item, item->stored);
      if (item->text != NULL && !text_matches (item->text, text))
        {
          g_autofree char *given = hearsay_import_excerpt (item->text, 80);
          g_autofree char *found = hearsay_import_excerpt (text, 80);

          item->skipped = TRUE;
          if (!hearsay_import_quote_mismatch (f->ctx, error, f->path, item->line,
                                              _("%s (%s): the text “%s” does not match the file's text “%s” at its offsets; skipped"),
                                              item->id, item->type, given, found))
            return FALSE;
        }
    }
  return TRUE;
}

/* What @id names: an annotation's BratItem (a trigger stands for its first
 * event), or a relation, attribute or note; an error when it is none. */
static BratItem *
resolve (AnnFile     *f,
         const char  *id,
         guint        line,
         GError     **error)
{
  BratItem *item = g_hash_table_lookup (f->by_id, id);
  BratItem *event;

  if (item == NULL)
    {
      hearsay_import_fail (error, f->path, line, _("%s is not an annotation of this file"), id);
      return NULL;
    }
  event = item->kind == ITEM_T ? g_hash_table_lookup (f->first_event, id) : NULL;
  return event != NULL ? event : item;
}

static gboolean
is_annotation (BratItem *item)
{
  return item->kind == ITEM_T || item->kind == ITEM_E;
}

static void
append_note (HearsayAnnotation *ann,
             const char        *text)
{
  const char *old = hearsay_annotation_get_note (ann);
  g_autofree char *note = old ? g_strconcat (old, "\n", text, NULL) : g_strdup (text);

  hearsay_annotation_set_note (ann, note);
}

static char *
quote_of (AnnFile  *f,
          BratItem *item)
{
  const HearsayFragment *frag;

  if (item->ann == NULL || hearsay_annotation_get_n_fragments (item->ann) == 0)
    return g_strdup ("");
  frag = hearsay_annotation_get_fragment (item->ann, 0);
  return g_strndup (hearsay_text_index_pointer (f->index, frag->start),
                    hearsay_text_index_pointer (f->index, frag->end) - hearsay_text_index_pointer (f->index, frag->start));
}

static gboolean
make_annotations (AnnFile  *f,
                  GError  **error)
{
  gint64 doc_id = hearsay_document_get_id (f->doc);

  for (guint i = 0; i < f->items->len; i++)
    {
      BratItem *item = g_ptr_array_index (f->items, i);

      if (item->kind == ITEM_E)
        {
          BratItem *trigger = g_hash_table_lookup (f->by_id, item->target);
          g_autoptr(GError) local_error = NULL;

          if (trigger == NULL || trigger->kind != ITEM_T)
            return hearsay_import_fail (error, f->path, item->line,
                                        _("%s: its trigger %s is not a text-bound annotation (T) of this file"),
                                        item->id, item->target);
          /* brat refuses the document too ("Non-trigger used as trigger"). */
          if (strcmp (trigger->type, item->type) != 0)
            return hearsay_import_fail (error, f->path, item->line,
                                        _("%s: the event is a %s but its trigger %s is a %s; brat refuses such a file"),
                                        item->id, item->type, trigger->id, trigger->type);
          if (!hearsay_brat_ensure_label (f->ctx, item->type, item->type, TRUE, &local_error))
            return hearsay_import_fail (error, f->path, item->line, "%s", local_error->message);
          if (!g_hash_table_contains (f->first_event, trigger->id))
            g_hash_table_insert (f->first_event, trigger->id, item);
          if (trigger->skipped)
            {
              item->skipped = TRUE;
              left_out (f, item->line, _("%s left out: its trigger %s was left out"), item->id, trigger->id);
              continue;
            }
          item->ann = hearsay_annotation_new (doc_id, item->type);
          for (guint j = 0; j + 1 < trigger->stored->len; j += 2)
            hearsay_annotation_add_fragment (item->ann, g_array_index (trigger->stored, gint64, j),
                                             g_array_index (trigger->stored, gint64, j + 1));
        }
    }
  for (guint i = 0; i < f->items->len; i++)
    {
      BratItem *item = g_ptr_array_index (f->items, i);
      const HearsayLabel *label;

      if (item->kind != ITEM_T || item->skipped || g_hash_table_contains (f->first_event, item->id))
        continue;
      label = hearsay_scheme_lookup_label (f->ctx->scheme ? f->ctx->scheme : hearsay_project_get_scheme (f->ctx->project),
                                           item->type);
      if (label != NULL && label->event)
        left_out (f, item->line, _("%s is a trigger (%s is an event type) that no event uses; imported as an "
                                   "annotation, it is written back as an event without arguments"),
                  item->id, item->type);
      item->ann = hearsay_annotation_new (doc_id, item->type);
      for (guint j = 0; j + 1 < item->stored->len; j += 2)
        hearsay_annotation_add_fragment (item->ann, g_array_index (item->stored, gint64, j),
                                         g_array_index (item->stored, gint64, j + 1));
    }
  return TRUE;
}

/* The annotation that @item (an A, N or # line) is about, for keeping it
 * there; NULL when it was left out (said in the report). */
static BratItem *
annotated (AnnFile     *f,
           BratItem    *item,
           gboolean    *failed,
           GError     **error)
{
  BratItem *target = resolve (f, item->target, item->line, error);
  BratItem *plain = g_hash_table_lookup (f->by_id, item->target);

  *failed = target == NULL;
  if (target == NULL)
    return NULL;
  if (plain != target && plain->kind == ITEM_T)
    left_out (f, item->line, _("%s refers to the trigger %s: kept on its event %s (brat refuses such a file)"),
              item->id, item->target, target->id);
  if (target->skipped)
    {
      left_out (f, item->line, _("%s left out: %s was left out"), item->id, target->id);
      return NULL;
    }
  return target;
}

static gboolean
apply_attribute (AnnFile   *f,
                 BratItem  *item,
                 GError   **error)
{
  gboolean failed;
  BratItem *target = annotated (f, item, &failed, error);

  if (target == NULL)
    return !failed;
  if (!is_annotation (target))
    {
      left_out (f, item->line, _("%s (%s) left out: Hearsay's relations carry no attributes"), item->id, item->type);
      return TRUE;
    }
  if (item->kind == ITEM_N)
    {
      g_autofree char *name = strcmp (item->type, "Reference") == 0 ? g_strdup ("normalization")
                                                                     : g_strconcat ("normalization:", item->type, NULL);
      g_autofree char *value = *item->text ? g_strconcat (item->value, " ", item->text, NULL) : g_strdup (item->value);

      hearsay_annotation_add_attribute_value (target->ann, name, value);
    }
  else
    hearsay_annotation_add_attribute_value (target->ann, item->type, item->value ? item->value : "true");
  return TRUE;
}

static gboolean
apply_note (AnnFile   *f,
            BratItem  *item,
            GError   **error)
{
  gboolean failed;
  BratItem *target = annotated (f, item, &failed, error);
  g_autofree char *text = NULL;
  BratItem *owner;

  if (target == NULL)
    return !failed;
  /* Another kind of comment than AnnotatorNotes keeps its kind in the note. */
  text = strcmp (item->type, "AnnotatorNotes") == 0 ? g_strdup (item->text)
                                                    : g_strdup_printf ("%s: %s", item->type, item->text);
  if (strcmp (item->type, "AnnotatorNotes") != 0)
    left_out (f, item->line, _("%s: a %s comment is kept as a note (written back as AnnotatorNotes)"),
              item->id, item->type);
  if (is_annotation (target))
    {
      append_note (target->ann, text);
      return TRUE;
    }
  if (target->kind == ITEM_R)
    {
      BratItem *from = resolve (f, target->rel[0].id, target->line, error);
      BratItem *to = resolve (f, target->rel[1].id, target->line, error);
      g_autofree char *quote = NULL;
      g_autofree char *kept = NULL;

      if (from == NULL || to == NULL)
        return FALSE;
      if (from->ann == NULL)
        {
          left_out (f, item->line, _("%s left out: %s was left out"), item->id, from->id);
          return TRUE;
        }
      quote = quote_of (f, to);
      kept = g_strdup_printf ("%s → “%s”: %s", target->type, quote, text);
      append_note (from->ann, kept);
      left_out (f, item->line, _("%s: Hearsay's relations have no notes; the note on %s is kept in the note of its %s %s"),
                item->id, target->id, target->rel[0].role, from->id);
      return TRUE;
    }
  if (target->kind == ITEM_A || target->kind == ITEM_N)
    {
      owner = resolve (f, target->target, target->line, error);
      if (owner == NULL)
        return FALSE;
      if (is_annotation (owner) && owner->ann != NULL)
        {
          g_autofree char *kept = g_strdup_printf ("%s: %s", target->type, text);

          append_note (owner->ann, kept);
          left_out (f, item->line, _("%s: Hearsay's attributes have no notes; the note on %s is kept in the note of %s"),
                    item->id, target->id, owner->id);
          return TRUE;
        }
    }
  left_out (f, item->line, _("%s left out: Hearsay cannot keep a note on %s"), item->id, target->id);
  return TRUE;
}

/* brat numbers a repeated role ("Theme", "Theme2"): the role is the name
 * without its digits, unless the scheme declares it with them. */
static char *
role_of (AnnFile    *f,
         const char *name)
{
  const HearsayRelationType *declared = hearsay_scheme_lookup_relation_type (hearsay_brat_scheme (f->ctx), name);
  gsize n = strlen (name);

  if (declared != NULL && declared->event_role)
    return g_strdup (name);
  while (n > 1 && g_ascii_isdigit (name[n - 1]))
    n--;
  return g_strndup (name, n);
}

static gboolean
link_ends (AnnFile     *f,
           BratItem    *item,
           const char  *type,
           const char  *from_id,
           const char  *to_id,
           GError     **error)
{
  BratItem *from = resolve (f, from_id, item->line, error);
  BratItem *to = from ? resolve (f, to_id, item->line, error) : NULL;
  const char *ids[] = { from_id, to_id };
  BratItem *ends[] = { from, to };

  if (to == NULL)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      BratItem *plain = g_hash_table_lookup (f->by_id, ids[i]);

      if (!is_annotation (ends[i]))
        {
          left_out (f, item->line, _("%s left out: %s is not an annotation"), item->id ? item->id : "*", ids[i]);
          return TRUE;
        }
      if (ends[i]->skipped || ends[i]->ann == NULL)
        {
          left_out (f, item->line, _("%s (%s) left out: %s was left out"), item->id ? item->id : "*", type, ids[i]);
          return TRUE;
        }
      if (plain != ends[i])
        left_out (f, item->line, _("%s refers to the trigger %s: linked to its event %s (written back so)"),
                  item->id, ids[i], ends[i]->id);
    }
  return hearsay_import_store_relation (f->ctx, type, hearsay_annotation_get_id (from->ann),
                                        hearsay_annotation_get_id (to->ann), f->annotator, error);
}

static gboolean
store_relations (AnnFile  *f,
                 GError  **error)
{
  for (guint i = 0; i < f->items->len; i++)
    {
      BratItem *item = g_ptr_array_index (f->items, i);
      g_autoptr(GError) local_error = NULL;

      switch (item->kind)
        {
        case ITEM_R:
          if (!hearsay_brat_merge_relation_type (f->ctx, item->type, item->type, NULL, NULL, FALSE, FALSE, FALSE, &local_error))
            return hearsay_import_fail (error, f->path, item->line, "%s", local_error->message);
          if (strcmp (item->rel[0].role, "Arg1") != 0 || strcmp (item->rel[1].role, "Arg2") != 0)
            left_out (f, item->line, _("%s: the argument names %s and %s are not kept (written back as Arg1 and Arg2)"),
                      item->id, item->rel[0].role, item->rel[1].role);
          if (!link_ends (f, item, item->type, item->rel[0].id, item->rel[1].id, error))
            return FALSE;
          break;
        case ITEM_E:
          for (guint j = 0; j < item->args->len; j++)
            {
              BratArg *arg = g_ptr_array_index (item->args, j);
              g_autofree char *role = role_of (f, arg->role);

              if (!hearsay_brat_merge_relation_type (f->ctx, role, role, NULL, NULL, FALSE, FALSE, TRUE, &local_error))
                return hearsay_import_fail (error, f->path, item->line, "%s", local_error->message);
              if (item->skipped)
                continue;
              if (!link_ends (f, item, role, item->id, arg->id, error))
                return FALSE;
            }
          break;
        case ITEM_EQUIV:
          {
            const char *previous = NULL;

            if (!hearsay_brat_merge_relation_type (f->ctx, item->type, item->type, NULL, NULL, TRUE, TRUE, FALSE, &local_error))
              return hearsay_import_fail (error, f->path, item->line, "%s", local_error->message);
            /* A chain says the same as the group; members left out are skipped over. */
            for (guint j = 0; j < item->args->len; j++)
              {
                const char *id = g_ptr_array_index (item->args, j);
                BratItem *member = resolve (f, id, item->line, error);

                if (member == NULL)
                  return FALSE;
                if (member->skipped || member->ann == NULL)
                  {
                    left_out (f, item->line, _("%s left out of the %s group: it was left out"), id, item->type);
                    continue;
                  }
                if (previous != NULL && !link_ends (f, item, item->type, previous, id, error))
                  return FALSE;
                previous = id;
              }
            break;
          }
        case ITEM_T:
        case ITEM_A:
        case ITEM_N:
        case ITEM_NOTE:
        default:
          break;
        }
    }
  return TRUE;
}

static gboolean
resolve_all (AnnFile  *f,
             GError  **error)
{
  HearsayOffsetConvention convention = choose_convention (f);
  guint before = f->ctx->report->n_annotations;

  if (!read_spans (f, &convention, error) || !make_annotations (f, error))
    return FALSE;
  for (guint i = 0; i < f->items->len; i++)
    {
      BratItem *item = g_ptr_array_index (f->items, i);

      if ((item->kind == ITEM_A || item->kind == ITEM_N) && !apply_attribute (f, item, error))
        return FALSE;
      if (item->kind == ITEM_NOTE && !apply_note (f, item, error))
        return FALSE;
    }
  for (guint i = 0; i < f->items->len; i++)
    {
      BratItem *item = g_ptr_array_index (f->items, i);

      if (item->ann != NULL &&
          !hearsay_import_store_annotation (f->ctx, f->index, item->ann, f->annotator, f->path, item->line, error))
        return FALSE;
    }
  hearsay_document_set_n_annotations (f->doc, hearsay_document_get_n_annotations (f->doc) +
                                              f->ctx->report->n_annotations - before);
  return store_relations (f, error);
}

gboolean
hearsay_brat_import_ann (HearsayImportContext  *ctx,
                         HearsayTextIndex      *index,
                         HearsayDocument       *doc,
                         HearsayBratConf       *conf,
                         const char            *path,
                         const char            *annotator,
                         GError               **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_IMPORT_BYTES, error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (hearsay_brat_item_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) first_event = g_hash_table_new (g_str_hash, g_str_equal);
  AnnFile f = { ctx, index, doc, conf, path, annotator, items, by_id, first_event };
  g_auto(GStrv) lines = NULL;
  const char *data;
  const char *bad;
  gsize size;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, &bad) || memchr (data, '\0', size) != NULL)
    return hearsay_import_fail (error, path, 0, _("not valid UTF-8 (byte offset %zu)"),
                                (gsize) (bad - data));
  lines = g_strsplit (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? data + 3 : data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      BratItem *item;
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][--len] = '\0';
      if (len == 0)
        continue;
      item = g_new0 (BratItem, 1);
      item->line = i + 1;
      g_ptr_array_add (items, item);
      if (!hearsay_brat_parse_line (path, item, lines[i], error))
        return FALSE;
      if (item->id != NULL)
        {
          if (g_hash_table_contains (by_id, item->id))
            return hearsay_import_fail (error, path, item->line, _("the id %s is used twice"), item->id);
          g_hash_table_insert (by_id, item->id, item);
        }
    }
  return resolve_all (&f, error);
}

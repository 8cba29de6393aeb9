/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare.c: the comparison object, its tables and accessors. */
#include "config.h"

#include <inttypes.h>
#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "hearsay-atomic-file.h"
#include "hearsay-compare-names.h"
#include "hearsay-compare-private.h"
#include "hearsay-error.h"

G_DEFINE_FINAL_TYPE (HearsayComparison, hearsay_comparison, G_TYPE_OBJECT)

static const char * const section_names[] = {
  "size", "attribution", "sources", "chains", "persuasion",
  "frames", "naming", "claims", "wording", NULL
};

static const char * const section_titles[] = {
  N_("Size"), N_("Attribution"), N_("Who speaks"), N_("Attribution chains"),
  N_("Persuasion techniques per 1,000 words"), N_("Frames"), N_("Naming"),
  N_("Claim alignment"), N_("Distinctive wording"),
};

static void
table_free (HearsayComparisonTable *table)
{
  guint n_columns = table->columns->len;

  for (guint r = 0; r < table->rows->len; r++)
    {
      HearsayComparisonCell *cells = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < n_columns; c++)
        {
          g_free (cells[c].text);
          g_free (cells[c].id);
        }
      g_free (cells);
    }
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->columns);
  g_hash_table_unref (table->index);
  g_free (table);
}

static void
chain_free (HearsayComparisonChain *chain)
{
  g_strfreev (chain->nodes);
  g_free (chain);
}

static void
hearsay_comparison_finalize (GObject *object)
{
  HearsayComparison *self = HEARSAY_COMPARISON (object);

  for (guint i = 0; i < HEARSAY_N_SECTIONS; i++)
    g_clear_pointer (&self->tables[i], table_free);
  g_clear_pointer (&self->outlets, g_ptr_array_unref);
  g_clear_pointer (&self->outlet_titles, g_ptr_array_unref);
  g_clear_pointer (&self->chains, g_ptr_array_unref);
  g_clear_pointer (&self->layer, g_free);
  g_clear_object (&self->agreement);
  g_clear_object (&self->reliability);
  G_OBJECT_CLASS (hearsay_comparison_parent_class)->finalize (object);
}

static void
hearsay_comparison_class_init (HearsayComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearsay_comparison_finalize;
}

static void
hearsay_comparison_init (HearsayComparison *self)
{
  self->outlets = g_ptr_array_new_with_free_func (g_free);
  self->outlet_titles = g_ptr_array_new_with_free_func (g_free);
  self->chains = g_ptr_array_new_with_free_func ((GDestroyNotify) chain_free);
}

static HearsayComparison *
compare (HearsayProject  *project,
         const char      *layer,
         const gint64    *document_ids,
         guint            n_documents,
         gint64           event_id,
         GError         **error)
{
  g_autoptr(HearsayComparison) self = g_object_new (HEARSAY_TYPE_COMPARISON, NULL);

  self->layer = g_strdup (layer);
  if (!hearsay_comparison_compute (self, project, document_ids, n_documents, event_id, error))
    return NULL;
  hearsay_comparison_name_rows (self, hearsay_project_get_scheme (project));
  return g_steal_pointer (&self);
}

HearsayComparison *
hearsay_comparison_new (HearsayProject  *project,
                        const gint64    *document_ids,
                        guint            n_documents,
                        GError         **error)
{
  static const gint64 none[1] = { 0 };

  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (document_ids != NULL || n_documents == 0, NULL);

  return compare (project, NULL, document_ids ? document_ids : none, n_documents, 0, error);
}

HearsayComparison *
hearsay_comparison_new_for_layer (HearsayProject  *project,
                                  const char      *layer,
                                  const gint64    *document_ids,
                                  guint            n_documents,
                                  gint64           event_id,
                                  GError         **error)
{
  static const gint64 none[1] = { 0 };

  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);

  if (document_ids == NULL && event_id > 0)
    {
      g_autoptr(HearsayEvent) event = hearsay_project_get_event (project, event_id, error);

      if (event == NULL)
        return NULL;
      return compare (project, layer, NULL, 0, event_id, error);
    }
  return compare (project, layer, document_ids ? document_ids : none, n_documents, 0, error);
}

const char *
hearsay_comparison_get_layer (HearsayComparison *self)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), NULL);
  return self->layer;
}

void
hearsay_comparison_set_agreement (HearsayComparison      *self,
                                  HearsayAgreementReport *report)
{
  g_return_if_fail (HEARSAY_IS_COMPARISON (self));
  g_set_object (&self->agreement, (GObject *) report);
}

void
hearsay_comparison_set_reliability (HearsayComparison            *self,
                                    HearsayComparisonReliability *reliability)
{
  g_return_if_fail (HEARSAY_IS_COMPARISON (self));
  g_set_object (&self->reliability, (GObject *) reliability);
}

HearsayComparison *
hearsay_comparison_new_for_event (HearsayProject  *project,
                                  gint64           event_id,
                                  GError         **error)
{
  g_autoptr(HearsayEvent) event = NULL;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);

  event = hearsay_project_get_event (project, event_id, error);
  if (event == NULL)
    return NULL;
  return compare (project, NULL, NULL, 0, event_id, error);
}

guint
hearsay_comparison_get_n_chains (HearsayComparison *self)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), 0);
  return self->chains->len;
}

const char * const *
hearsay_comparison_get_chain (HearsayComparison *self,
                              guint              index,
                              guint             *outlet,
                              gint64            *count)
{
  HearsayComparisonChain *chain;

  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->chains->len, NULL);

  chain = g_ptr_array_index (self->chains, index);
  if (outlet != NULL)
    *outlet = chain->outlet;
  if (count != NULL)
    *count = chain->count;
  return (const char * const *) chain->nodes;
}

const char * const *
hearsay_comparison_get_sections (void)
{
  return section_names;
}

int
hearsay_comparison_section_from_name (const char *section)
{
  for (int i = 0; section != NULL && section_names[i] != NULL; i++)
    if (g_str_equal (section, section_names[i]))
      return i;
  return -1;
}

gboolean
hearsay_comparison_is_section (const char *section)
{
  return hearsay_comparison_section_from_name (section) >= 0;
}

const char *
hearsay_comparison_get_section_title (const char *section)
{
  int i = hearsay_comparison_section_from_name (section);

  return i < 0 ? NULL : _(section_titles[i]);
}

guint
hearsay_comparison_get_n_documents (HearsayComparison *self)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), 0);
  return self->n_documents;
}

guint
hearsay_comparison_get_n_outlets (HearsayComparison *self)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), 0);
  return self->outlets->len;
}

const char *
hearsay_comparison_get_outlet (HearsayComparison *self,
                               guint              index)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->outlets->len, NULL);
  return g_ptr_array_index (self->outlets, index);
}

const char *
hearsay_comparison_get_outlet_title (HearsayComparison *self,
                                     guint              index)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->outlet_titles->len, NULL);
  return g_ptr_array_index (self->outlet_titles, index);
}

static HearsayComparisonTable *
get_table (HearsayComparison *self,
           const char        *section)
{
  int i = hearsay_comparison_section_from_name (section);

  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (i >= 0, NULL);
  return self->tables[i];
}

guint
hearsay_comparison_get_n_columns (HearsayComparison *self,
                                  const char        *section)
{
  HearsayComparisonTable *table = get_table (self, section);

  return table ? table->columns->len : 0;
}

guint
hearsay_comparison_get_n_keys (HearsayComparison *self,
                               const char        *section)
{
  HearsayComparisonTable *table = get_table (self, section);

  return table ? table->n_keys : 0;
}

const char *
hearsay_comparison_get_column (HearsayComparison *self,
                               const char        *section,
                               guint              column)
{
  HearsayComparisonTable *table = get_table (self, section);

  g_return_val_if_fail (table != NULL && column < table->columns->len, NULL);
  return g_ptr_array_index (table->columns, column);
}

guint
hearsay_comparison_get_n_rows (HearsayComparison *self,
                               const char        *section)
{
  HearsayComparisonTable *table = get_table (self, section);

  return table ? table->rows->len : 0;
}

const HearsayComparisonCell *
hearsay_comparison_get_cell (HearsayComparison *self,
                             const char        *section,
                             guint              row,
                             guint              column)
{
  HearsayComparisonTable *table = get_table (self, section);

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len && column < table->columns->len, NULL);
  return &((HearsayComparisonCell *) g_ptr_array_index (table->rows, row))[column];
}

const HearsayComparisonCell *
hearsay_comparison_lookup (HearsayComparison *self,
                           const char        *section,
                           const char        *row_key,
                           const char        *column)
{
  HearsayComparisonTable *table = get_table (self, section);
  guint row;

  g_return_val_if_fail (table != NULL && row_key != NULL && column != NULL, NULL);
  row = GPOINTER_TO_UINT (g_hash_table_lookup (table->index, row_key));
  if (row == 0)
    return NULL;
  for (guint c = 0; c < table->columns->len; c++)
    if (g_str_equal (g_ptr_array_index (table->columns, c), column))
      return &((HearsayComparisonCell *) g_ptr_array_index (table->rows, row - 1))[c];
  return NULL;
}

HearsayComparisonTable *
hearsay_comparison_table_new (HearsayComparison  *self,
                              HearsaySection      section,
                              guint               n_keys,
                              const char * const *key_columns,
                              gboolean            outlet_columns,
                              const char * const *more_columns)
{
  HearsayComparisonTable *table = g_new0 (HearsayComparisonTable, 1);

  table->n_keys = n_keys;
  table->columns = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new ();
  table->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n_keys; i++)
    g_ptr_array_add (table->columns, g_strdup (key_columns[i]));
  for (guint i = 0; outlet_columns && i < self->outlet_titles->len; i++)
    g_ptr_array_add (table->columns, g_strdup (g_ptr_array_index (self->outlet_titles, i)));
  for (guint i = 0; more_columns && more_columns[i]; i++)
    g_ptr_array_add (table->columns, g_strdup (more_columns[i]));
  g_clear_pointer (&self->tables[section], table_free);
  self->tables[section] = table;
  return table;
}

HearsayComparisonCell *
hearsay_comparison_table_add_row (HearsayComparisonTable *table,
                                  const char * const     *keys)
{
  HearsayComparisonCell *cells = g_new0 (HearsayComparisonCell, table->columns->len);

  for (guint c = 0; c < table->columns->len; c++)
    {
      cells[c].value = NAN;
      cells[c].numerator = cells[c].denominator = -1;
      cells[c].text = g_strdup (c < table->n_keys ? keys[c] : "");
    }
  g_ptr_array_add (table->rows, cells);
  {
    g_autofree char **joined = g_new0 (char *, table->n_keys + 1);

    memcpy (joined, keys, table->n_keys * sizeof (char *));
    g_hash_table_replace (table->index, g_strjoinv ("\t", joined),
                          GUINT_TO_POINTER (table->rows->len));
  }
  return cells;
}

void
hearsay_cell_set_count (HearsayComparisonCell *cell,
                        gint64                 count,
                        gint64                 total)
{
  g_free (cell->text);
  cell->text = g_strdup_printf ("%" PRId64, count);
  cell->value = count;
  cell->numerator = count;
  cell->denominator = total;
}

void
hearsay_cell_set_rate (HearsayComparisonCell *cell,
                       gint64                 numerator,
                       gint64                 denominator,
                       int                    scale)
{
  g_free (cell->text);
  cell->numerator = numerator;
  cell->denominator = denominator;
  if (denominator <= 0)
    {
      cell->value = NAN;
      /* TRANSLATORS: a rate over zero: not available */
      cell->text = g_strdup (_("n/a"));
    }
  else if (scale == 100)
    {
      cell->value = (double) numerator / denominator;
      cell->text = g_strdup_printf ("%.1f %%", 100.0 * cell->value);
    }
  else
    {
      cell->value = (double) numerator * scale / denominator;
      cell->text = g_strdup_printf ("%.2f", cell->value);
    }
}

void
hearsay_cell_set_number (HearsayComparisonCell *cell,
                         double                 value)
{
  g_free (cell->text);
  cell->value = value;
  cell->text = g_strdup_printf ("%.3f", value);
}

void
hearsay_cell_set_text (HearsayComparisonCell *cell,
                       const char            *text,
                       gint64                 count)
{
  g_free (cell->text);
  cell->text = g_strdup (text);
  cell->numerator = count;
}

static gboolean
save_string (const char  *path,
             const char  *data,
             GError     **error)
{
  g_autoptr(HearsayAtomicFile) file = hearsay_atomic_file_new (path, error);

  if (file == NULL ||
      !g_output_stream_write_all (hearsay_atomic_file_get_stream (file), data, strlen (data),
                                  NULL, NULL, error))
    return FALSE;
  return hearsay_atomic_file_commit (file, error);
}

gboolean
hearsay_comparison_save (HearsayComparison       *self,
                         HearsayComparisonFormat  format,
                         const char              *section,
                         const char              *path,
                         GError                 **error)
{
  g_autoptr(HearsayAtomicFile) file = hearsay_atomic_file_new (path, error);

  if (file == NULL ||
      !hearsay_comparison_write (self, format, section, hearsay_atomic_file_get_stream (file), error))
    return FALSE;
  return hearsay_atomic_file_commit (file, error);
}

gboolean
hearsay_comparison_save_html_report (HearsayComparison  *self,
                                     const char         *path,
                                     GError            **error)
{
  g_autoptr(HearsayAtomicFile) file = hearsay_atomic_file_new (path, error);

  if (file == NULL ||
      !hearsay_comparison_write_html_report (self, hearsay_atomic_file_get_stream (file), error))
    return FALSE;
  return hearsay_atomic_file_commit (file, error);
}

gboolean
hearsay_comparison_save_svg_charts (HearsayComparison  *self,
                                    const char         *directory,
                                    GError            **error)
{
  static const struct { HearsayComparisonChart chart; const char *name; } charts[] = {
    { HEARSAY_COMPARISON_CHART_SOURCES, "sources.svg" },
    { HEARSAY_COMPARISON_CHART_PERSUASION, "persuasion.svg" },
    { HEARSAY_COMPARISON_CHART_CHAINS, "chains.svg" },
  };

  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), FALSE);

  if (g_mkdir_with_parents (directory, 0777) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder %s: %s"), directory, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autofree char *path = g_build_filename (directory, charts[i].name, NULL);
      g_autofree char *svg = hearsay_comparison_dup_svg (self, charts[i].chart, TRUE);

      if (!save_string (path, svg, error))
        return FALSE;
    }
  return TRUE;
}

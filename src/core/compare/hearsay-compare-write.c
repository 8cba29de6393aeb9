/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-write.c: the comparison as CSV, JSON and Markdown. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-compare-private.h"

/* A CSV field as RFC 4180 quotes it; NULL is an empty field. */
void
hearsay_compare_csv_field (GString    *out,
                           const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

#define csv_field hearsay_compare_csv_field

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isnan (value))
    g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, value));
}

/* @names: what the tables show rather than the keys. */
static char *
row_key (HearsayComparison *self,
         const char        *section,
         guint              row,
         gboolean           names)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint k = 0; k < hearsay_comparison_get_n_keys (self, section); k++)
    {
      const HearsayComparisonCell *cell = hearsay_comparison_get_cell (self, section, row, k);

      g_ptr_array_add (keys, names || cell->id == NULL ? cell->text : cell->id);
    }
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (" / ", (char **) keys->pdata);
}

static void
write_csv (HearsayComparison *self,
           const char        *section,
           GString           *out)
{
  guint n_keys = hearsay_comparison_get_n_keys (self, section);

  for (guint r = 0; r < hearsay_comparison_get_n_rows (self, section); r++)
    {
      g_autofree char *key = row_key (self, section, r, FALSE);
      g_autofree char *name = row_key (self, section, r, TRUE);

      for (guint c = n_keys; c < hearsay_comparison_get_n_columns (self, section); c++)
        {
          const HearsayComparisonCell *cell = hearsay_comparison_get_cell (self, section, r, c);

          csv_field (out, section);
          g_string_append_c (out, ',');
          csv_field (out, key);
          g_string_append_c (out, ',');
          csv_field (out, hearsay_comparison_get_column (self, section, c));
          g_string_append_c (out, ',');
          append_number (out, cell->value);
          g_string_append_c (out, ',');
          if (cell->numerator >= 0)
            g_string_append_printf (out, "%" PRId64, cell->numerator);
          g_string_append_c (out, ',');
          if (cell->denominator >= 0)
            g_string_append_printf (out, "%" PRId64, cell->denominator);
          g_string_append_c (out, ',');
          csv_field (out, cell->text);
          g_string_append_c (out, ',');
          csv_field (out, name);
          g_string_append (out, "\r\n");
        }
    }
}

static void
json_section (HearsayComparison *self,
              const char        *section,
              JsonBuilder       *b)
{
  guint n_keys = hearsay_comparison_get_n_keys (self, section);
  guint n_columns = hearsay_comparison_get_n_columns (self, section);

  json_builder_set_member_name (b, section);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, hearsay_comparison_get_section_title (section));
  json_builder_set_member_name (b, "keys");
  json_builder_add_int_value (b, n_keys);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint c = 0; c < n_columns; c++)
    json_builder_add_string_value (b, hearsay_comparison_get_column (self, section, c));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint r = 0; r < hearsay_comparison_get_n_rows (self, section); r++)
    {
      json_builder_begin_array (b);
      for (guint c = 0; c < n_columns; c++)
        {
          const HearsayComparisonCell *cell = hearsay_comparison_get_cell (self, section, r, c);

          if (c < n_keys)
            {
              json_builder_add_string_value (b, cell->id ? cell->id : cell->text);
              continue;
            }
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "text");
          json_builder_add_string_value (b, cell->text);
          json_builder_set_member_name (b, "value");
          if (isnan (cell->value))
            json_builder_add_null_value (b);
          else
            json_builder_add_double_value (b, cell->value);
          if (cell->numerator >= 0)
            {
              json_builder_set_member_name (b, "numerator");
              json_builder_add_int_value (b, cell->numerator);
            }
          if (cell->denominator >= 0)
            {
              json_builder_set_member_name (b, "denominator");
              json_builder_add_int_value (b, cell->denominator);
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  /* The keys of "rows" are ids; these are their names, as the tables show them. */
  json_builder_set_member_name (b, "row_names");
  json_builder_begin_array (b);
  for (guint r = 0; r < hearsay_comparison_get_n_rows (self, section); r++)
    {
      json_builder_begin_array (b);
      for (guint c = 0; c < n_keys; c++)
        json_builder_add_string_value (b, hearsay_comparison_get_cell (self, section, r, c)->text);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
markdown_text (GString    *out,
               const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '|' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

void
hearsay_comparison_append_markdown_cell (GString                     *out,
                                         const HearsayComparisonCell *cell)
{
  markdown_text (out, cell->text);
  if (cell->numerator >= 0 && cell->denominator >= 0)
    g_string_append_printf (out, " (%" PRId64 "/%" PRId64 ")",
                            cell->numerator, cell->denominator);
}

static void
write_markdown (HearsayComparison *self,
                const char        *section,
                GString           *out)
{
  guint n_columns = hearsay_comparison_get_n_columns (self, section);
  guint n_keys = hearsay_comparison_get_n_keys (self, section);

  g_string_append_printf (out, "## %s\n\n", hearsay_comparison_get_section_title (section));
  if (hearsay_comparison_get_n_rows (self, section) == 0)
    {
      g_string_append_printf (out, "%s\n\n", _("Nothing to compare."));
      return;
    }
  g_string_append (out, "|");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append_c (out, ' ');
      markdown_text (out, hearsay_comparison_get_column (self, section, c));
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint c = 0; c < n_columns; c++)
    g_string_append (out, c < n_keys ? " --- |" : " ---: |");
  g_string_append_c (out, '\n');
  for (guint r = 0; r < hearsay_comparison_get_n_rows (self, section); r++)
    {
      g_string_append (out, "|");
      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append_c (out, ' ');
          hearsay_comparison_append_markdown_cell (out, hearsay_comparison_get_cell (self, section, r, c));
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

gboolean
hearsay_comparison_write (HearsayComparison       *self,
                          HearsayComparisonFormat  format,
                          const char              *section,
                          GOutputStream           *out,
                          GError                 **error)
{
  const char * const *sections = hearsay_comparison_get_sections ();
  const char *one[] = { section, NULL };
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (section != NULL)
    {
      if (!hearsay_comparison_is_section (section))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("There is no section “%s” (try size, attribution, sources, chains, "
                         "persuasion, frames, naming, claims or wording)"), section);
          return FALSE;
        }
      sections = one;
    }
  if (format == HEARSAY_COMPARISON_FORMAT_CSV)
    g_string_append (s, "section,row,column,value,numerator,denominator,text,row_name\r\n");
  if (format == HEARSAY_COMPARISON_FORMAT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
    }
  for (guint i = 0; sections[i] != NULL; i++)
    {
      if (format == HEARSAY_COMPARISON_FORMAT_CSV)
        write_csv (self, sections[i], s);
      else if (format == HEARSAY_COMPARISON_FORMAT_JSON)
        json_section (self, sections[i], builder);
      else
        write_markdown (self, sections[i], s);
    }
  if (builder != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json = json_generator_to_data (generator, NULL);
      g_string_append (s, json);
      g_string_append_c (s, '\n');
    }
  return g_output_stream_write_all (out, s->str, s->len, NULL, NULL, error);
}

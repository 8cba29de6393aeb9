/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-webanno-tsv.c: WebAnno TSV 3.2/3.3, the tab-separated
 * format of WebAnno and INCEpTION, read as INCEpTION's own reader reads it
 * (inception-io-webanno-tsv, Tsv3XDeserializer), but refusing what that
 * reader would silently misplace.
 *
 * The header declares layers: "#T_SP=" span layers (with ROLE_ slot
 * features and their target types), "#T_CH=" chain layers (referenceType,
 * referenceRelation) and "#T_RL=" relation layers (features, then BT_ the
 * base type of their ends); each feature is a column after the first three.
 * The text is rebuilt from the "#Text=" lines as INCEpTION rebuilds it: each
 * line and a line feed, the sentence before's last line feed dropped when
 * the next sentence starts right after it, spaces where it starts later.
 * The line feed after the last sentence is the format's, not the text's.
 *
 * Token rows "S-T" and sub-token rows "S-T.N" give begin-end offsets in
 * UTF-16 code units (Java's), unless the user names another unit; each
 * row's text is checked against the rebuilt text. Cells: "_" no annotation,
 * "*" no value, "|" between stacked annotations, "[N]" the id of an
 * annotation over several rows or stacked with another of its layer, "->C-E"
 * chain C's element E, "S-T[A_B]" a relation's source row with the ids of
 * its source and target (0: unambiguous). A relation sits on its target's
 * row. Values are unescaped as INCEpTION escapes them (\ before \ [ ] | _ ;
 * * and ->, \t, \n), and \r, which only Hearsay writes. */
#include "config.h"

#include <inttypes.h>

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-webanno-tsv-private.h"

static void
layer_free (gpointer data)
{
  Layer *l = data;

  g_free (l->type);
  g_array_unref (l->columns);
  g_free (l);
}

static void
column_free (gpointer data)
{
  Column *c = data;

  g_free (c->feature);
  g_free (c->target_type);
  g_free (c);
}

static void
tsv_clear (Tsv *t)
{
  for (guint i = 0; t->units && i < t->units->len; i++)
    {
      Unit *u = g_ptr_array_index (t->units, i);

      for (guint k = 0; u->stacks && k < t->layers->len; k++)
        if (u->stacks[k] != NULL)
          g_ptr_array_unref (u->stacks[k]);
      g_free (u->stacks);
      g_strfreev (u->fields);
      g_free (u->id);
      g_clear_pointer (&u->subtokens, g_ptr_array_unref);
      g_free (u);
    }
  g_clear_pointer (&t->units, g_ptr_array_unref);
  g_clear_pointer (&t->sentences, g_ptr_array_unref);
  g_clear_pointer (&t->layers, g_ptr_array_unref);
  g_clear_pointer (&t->columns, g_ptr_array_unref);
  g_clear_pointer (&t->layer_by_type, g_hash_table_unref);
  g_clear_pointer (&t->ids, g_hash_table_unref);
  g_clear_pointer (&t->chains, g_hash_table_unref);
  g_clear_pointer (&t->relations, g_ptr_array_unref);
  g_clear_pointer (&t->slots, g_hash_table_unref);
  g_clear_pointer (&t->slot_order, g_ptr_array_unref);
  g_clear_pointer (&t->token_relations, g_hash_table_unref);
}

/* "#Text=" lines, TSV 3.2 and later: \t \n \f \r \b \\ and a backslash
 * before a C0 control character other than 8–13. */
static void
append_unescaped_text (GString    *out,
                       const char *s)
{
  for (const char *p = s; *p; p++)
    {
      guchar next = p[1];

      if (*p != '\\' || next == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (next)
        {
        case 't': g_string_append_c (out, '\t'); p++; break;
        case 'n': g_string_append_c (out, '\n'); p++; break;
        case 'f': g_string_append_c (out, '\f'); p++; break;
        case 'r': g_string_append_c (out, '\r'); p++; break;
        case 'b': g_string_append_c (out, '\b'); p++; break;
        case '\\': g_string_append_c (out, '\\'); p++; break;
        default:
          if (next < 32 && (next < 8 || next > 13))
            {
              g_string_append_c (out, next);
              p++;
            }
          else
            g_string_append_c (out, '\\');
        }
    }
}

/* The header */

static gboolean
is_blank (const char *line)
{
  return line[strspn (line, " \t\f\v")] == '\0';
}

static gboolean
add_column (Tsv          *t,
            guint         layer,
            ColumnKind    kind,
            const char   *feature,
            const char   *target)
{
  Column *c = g_new0 (Column, 1);
  Layer *l = g_ptr_array_index (t->layers, layer);
  guint index = t->columns->len;

  c->layer = layer;
  c->kind = kind;
  c->feature = g_strdup (feature);
  c->target_type = g_strdup (target);
  g_ptr_array_add (t->columns, c);
  g_array_append_val (l->columns, index);
  return TRUE;
}

static gboolean
read_layer (Tsv         *t,
            const char  *line,
            guint        line_no,
            GError     **error)
{
  LayerKind kind = g_str_has_prefix (line, "#T_SP=") ? LAYER_SPAN :
                   g_str_has_prefix (line, "#T_RL=") ? LAYER_RELATION : LAYER_CHAIN;
  g_auto(GStrv) all = g_strsplit (line + 6, "|", -1);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  Layer *l;
  guint index = t->layers->len;
  gboolean has_ref = FALSE;

  /* As commons-lang's split(): empty fields do not count. */
  for (guint i = 0; all[i]; i++)
    if (*all[i] != '\0')
      g_ptr_array_add (fields, all[i]);
  if (fields->len == 0)
    return hearsay_import_fail (error, t->path, line_no, _("the layer declaration names no type"));
  if (g_hash_table_contains (t->layer_by_type, g_ptr_array_index (fields, 0)))
    return hearsay_import_fail (error, t->path, line_no, _("the layer %s is declared twice"),
                                (const char *) g_ptr_array_index (fields, 0));
  l = g_new0 (Layer, 1);
  l->kind = kind;
  l->type = g_strdup (g_ptr_array_index (fields, 0));
  l->columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (t->layers, l);
  g_hash_table_insert (t->layer_by_type, g_strdup (l->type), GUINT_TO_POINTER (index + 1));

  for (guint i = 1; i < fields->len; i++)
    {
      const char *decl = g_ptr_array_index (fields, i);
      const Column *prev = l->columns->len > 0 ?
        g_ptr_array_index (t->columns, g_array_index (l->columns, guint, l->columns->len - 1)) : NULL;

      if (kind == LAYER_SPAN && g_str_has_prefix (decl, "ROLE_"))
        {
          g_auto(GStrv) parts = g_strsplit (decl, "_", -1);
          const char *colon = parts[1] ? strchr (parts[1], ':') : NULL;

          if (colon == NULL || colon[1] == '\0')
            return hearsay_import_fail (error, t->path, line_no,
                                        _("the slot declaration “%s” is not ROLE_<type>:<feature>_<link type>"), decl);
          add_column (t, index, COL_SLOT_ROLE, colon + 1, NULL);
        }
      else if (kind == LAYER_SPAN && prev != NULL && prev->kind == COL_SLOT_ROLE)
        add_column (t, index, COL_SLOT_TARGET, prev->feature, decl);
      else if (kind == LAYER_SPAN && strchr (decl, '.') != NULL)
        return hearsay_import_fail (error, t->path, line_no,
                                    _("the column “%s” names a type but follows no ROLE_ slot column"), decl);
      else if (kind == LAYER_RELATION && g_str_has_prefix (decl, "BT_"))
        {
          add_column (t, index, COL_RELATION_REF, NULL, decl + 3);
          has_ref = TRUE;
        }
      else if (kind == LAYER_CHAIN && g_str_equal (decl, "referenceType"))
        add_column (t, index, COL_CHAIN_TYPE, decl, NULL);
      else if (kind == LAYER_CHAIN && g_str_equal (decl, "referenceRelation"))
        add_column (t, index, COL_CHAIN_LINK, decl, NULL);
      else
        add_column (t, index, COL_PRIMITIVE, decl, NULL);
    }
  if (fields->len == 1)
    add_column (t, index, COL_PLACEHOLDER, NULL, NULL);
  if (kind == LAYER_RELATION && !has_ref)
    return hearsay_import_fail (error, t->path, line_no,
                                _("the relation layer %s has no BT_ column naming the type it joins"), l->type);
  if (kind == LAYER_CHAIN)
    {
      gboolean link = FALSE;

      for (guint i = 0; i < l->columns->len; i++)
        link |= ((Column *) g_ptr_array_index (t->columns, g_array_index (l->columns, guint, i)))->kind == COL_CHAIN_LINK;
      if (!link)
        return hearsay_import_fail (error, t->path, line_no,
                                    _("the chain layer %s has no referenceRelation column"), l->type);
    }
  return TRUE;
}

/* Lines as Java's readLine() splits them: at LF, CR LF and CR. */
static GPtrArray *
split_lines (const char  *data,
             gsize        size)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = data, *end = data + size;

  while (p < end)
    {
      const char *q = p;

      while (q < end && *q != '\n' && *q != '\r')
        q++;
      g_ptr_array_add (lines, g_strndup (p, q - p));
      if (q < end && *q == '\r' && q + 1 < end && q[1] == '\n')
        q++;
      p = q + 1;
    }
  return lines;
}

/* Text length in the file's unit, to compare with the first token's begin. */
static gint64
units_of (const HearsayOffsetConvention *c,
          const char                    *s,
          gsize                          n)
{
  gint64 units = 0;

  for (const char *p = s; p < s + n; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (c->unit == HEARSAY_OFFSET_BYTE)
        units += g_utf8_next_char (p) - p;
      else if (c->unit == HEARSAY_OFFSET_UTF16 && ch > 0xFFFF)
        units += 2;
      else
        units++;
      if (c->crlf_as_one && ch == '\r' && p + 1 < s + n && p[1] == '\n')
        units--;
    }
  return units;
}

static gboolean
parse_offsets (const char *field,
               gint64     *begin,
               gint64     *end)
{
  char *rest = NULL;

  if (!g_ascii_isdigit (field[0]))
    return FALSE;
  *begin = g_ascii_strtoll (field, &rest, 10);
  if (rest == NULL || *rest != '-' || !g_ascii_isdigit (rest[1]))
    return FALSE;
  *end = g_ascii_strtoll (rest + 1, &rest, 10);
  return *rest == '\0' && *begin <= *end;
}

/* Pass 1: the rows and the text */

static gboolean
read_body (Tsv         *t,
           GPtrArray   *lines,
           guint        first,
           GError     **error)
{
  enum { INTER, HEADER, TOKEN } state = INTER;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) pending = g_string_new (NULL);
  gint64 length = 0;   /* of @text, in the file's unit */
  GPtrArray *tokens = NULL;
  Unit *token = NULL;
  guint n_columns = t->columns->len;

  for (guint i = first; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      guint line_no = i + 1;
      guint s, k, sub;
      Unit *u;

      if (state != TOKEN && line[0] == '#')
        {
          if (g_str_has_prefix (line, "#Text="))
            {
              append_unescaped_text (pending, line + 6);
              g_string_append_c (pending, '\n');
            }
          state = HEADER;
          continue;
        }
      if (line[0] == '\0')
        {
          if (state == HEADER)
            return hearsay_import_fail (error, t->path, line_no, _("a sentence header without tokens"));
          state = INTER;
          continue;
        }
      if (state == INTER)
        return hearsay_import_fail (error, t->path, line_no,
                                    _("a token row where a sentence header (#Text=…) is expected"));
      u = g_new0 (Unit, 1);
      g_ptr_array_add (t->units, u);
      u->line = line_no;
      u->fields = g_strsplit (line, "\t", -1);
      u->n_fields = g_strv_length (u->fields);
      u->stacks = g_new0 (GPtrArray *, t->layers->len);
      u->subtokens = g_ptr_array_new ();
      if (u->n_fields < n_columns + 3)
        return hearsay_import_fail (error, t->path, line_no,
                                    _("the row has %u fields; the header's layers need %u"),
                                    u->n_fields, n_columns + 3);
      u->id = g_strdup (u->fields[0]);
      if (!hearsay_tsv_parse_id (u->id, &s, &k, &sub))
        return hearsay_import_fail (error, t->path, line_no, _("“%s” is not a token id (S-T or S-T.N)"), u->id);
      if (!parse_offsets (u->fields[1], &u->fbegin, &u->fend))
        return hearsay_import_fail (error, t->path, line_no, _("“%s” is not a begin-end offset pair"), u->fields[1]);
      if (sub == 0 && state == HEADER)
        {
          /* A new sentence: its text goes where its first token begins. */
          if (length > u->fbegin)
            {
              if (length != u->fbegin + 1 || text->len == 0 || text->str[text->len - 1] != '\n')
                return hearsay_import_fail (error, t->path, line_no,
                                            _("the sentence starts at %" PRId64 ", inside the sentence "
                                              "before, which ends at %" PRId64),
                                            u->fbegin, length - 1);
              g_string_truncate (text, text->len - 1);
              length--;
              if (t->convention.crlf_as_one && text->len > 0 && text->str[text->len - 1] == '\r')
                length++;
            }
          for (; length < u->fbegin; length++)
            g_string_append_c (text, ' ');
          length += units_of (&t->convention, pending->str, pending->len);
          if (t->convention.crlf_as_one && text->len > 0 && text->str[text->len - 1] == '\r' &&
              pending->str[0] == '\n')
            length--;
          if (t->convention.without_bom && text->len == 0 && g_str_has_prefix (pending->str, "\xEF\xBB\xBF"))
            length--;
          g_string_append_len (text, pending->str, pending->len);
          g_string_truncate (pending, 0);
          tokens = g_ptr_array_new ();
          g_ptr_array_add (t->sentences, tokens);
        }
      if (s != t->sentences->len)
        return hearsay_import_fail (error, t->path, line_no, _("“%s” is in sentence %u of the file"),
                                    u->id, t->sentences->len);
      if (sub == 0)
        {
          if (k != tokens->len + 1)
            return hearsay_import_fail (error, t->path, line_no, _("“%s” is token %u of its sentence"),
                                        u->id, tokens->len + 1);
          g_ptr_array_add (tokens, u);
          token = u;
        }
      else if (state != TOKEN || k != tokens->len || sub != token->subtokens->len + 1)
        return hearsay_import_fail (error, t->path, line_no, _("the sub-token “%s” does not follow token %u-%u "
                                                               "and its sub-tokens in order"),
                                    u->id, s, tokens->len);
      else
        g_ptr_array_add (token->subtokens, u);
      state = TOKEN;
    }
  if (state == HEADER)
    return hearsay_import_fail (error, t->path, lines->len, _("a sentence header without tokens"));
  if (t->sentences->len == 0)
    return hearsay_import_fail (error, t->path, 0, _("the file holds no sentence, so no text"));
  /* The line feed after the last "#Text=" line ends the format's line. */
  g_string_truncate (text, text->len - 1);
  t->cas->text = g_strdup (text->str);
  return TRUE;
}

HearsayCasDocument *
hearsay_import_webanno_tsv_parse (HearsayImportContext  *ctx,
                                  const char            *path,
                                  GError               **error)
{
  static const HearsayOffsetConvention java = { HEARSAY_OFFSET_UTF16, FALSE, FALSE };
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_IMPORT_BYTES, error);
  g_autoptr(GPtrArray) lines = NULL;
  Tsv t = { ctx, path, NULL };
  const char *data, *line, *version;
  gsize size;
  guint i, minor;
  gboolean ok;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, size -= 3;
  if (memchr (data, '\0', size) != NULL)
    {
      hearsay_import_fail (error, path, 0, _("the file holds a NUL byte: it is not a WebAnno TSV text file"));
      return NULL;
    }
  lines = split_lines (data, size);
  for (i = 0; i < lines->len; i++)
    if (!g_utf8_validate (g_ptr_array_index (lines, i), -1, NULL))
      {
        hearsay_import_fail (error, path, i + 1, _("the line is not valid UTF-8 (WebAnno TSV is always UTF-8)"));
        return NULL;
      }
  line = lines->len > 0 ? g_ptr_array_index (lines, 0) : "";
  version = strrchr (line, ' ');
  if (!g_str_has_prefix (line, "#FORMAT=") || version == NULL || !g_str_has_prefix (version + 1, "3."))
    {
      hearsay_import_fail (error, path, 1, _("not a WebAnno TSV 3 file: the first line must be "
                                             "“#FORMAT=WebAnno TSV 3.3”"));
      return NULL;
    }
  minor = (guint) g_ascii_strtoull (version + 3, NULL, 10);
  if (minor < 2)
    {
      hearsay_import_fail (error, path, 1, _("WebAnno TSV %s escapes text as Java source does, which Hearsay "
                                             "does not read; export the document again as TSV 3.3"), version + 1);
      return NULL;
    }

  t.cas = hearsay_cas_document_new ();
  t.convention = hearsay_import_convention (ctx, NULL, &java);
  t.layers = g_ptr_array_new_with_free_func (layer_free);
  t.columns = g_ptr_array_new_with_free_func (column_free);
  t.layer_by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t.units = g_ptr_array_new ();
  t.sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  t.ids = g_hash_table_new (NULL, NULL);
  t.chains = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  t.relations = g_ptr_array_new_with_free_func (hearsay_tsv_pending_relation_free);
  t.slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t.slot_order = g_ptr_array_new_with_free_func (hearsay_tsv_pending_slot_free);
  t.token_relations = g_hash_table_new (g_str_hash, g_str_equal);

  ok = TRUE;
  for (i = 1; ok && i < lines->len && !is_blank (g_ptr_array_index (lines, i)); i++)
    {
      line = g_ptr_array_index (lines, i);
      if (g_str_has_prefix (line, "#T_SP=") || g_str_has_prefix (line, "#T_RL=") ||
          g_str_has_prefix (line, "#T_CH="))
        ok = read_layer (&t, line, i + 1, error);
      else
        ok = hearsay_import_fail (error, path, i + 1, _("expected a layer declaration (#T_SP=, #T_CH= or #T_RL=) "
                                                        "or the blank line that ends the header"));
    }
  /* The header ends with two blank lines. */
  for (guint blank = 0; ok && blank < 2 && i < lines->len && is_blank (g_ptr_array_index (lines, i)); blank++)
    i++;
  ok = ok && read_body (&t, lines, i, error) && hearsay_tsv_read_annotations (&t, error);
  if (!ok)
    {
      g_clear_pointer (&t.cas, hearsay_cas_document_free);
      tsv_clear (&t);
      return NULL;
    }
  tsv_clear (&t);
  return t.cas;
}

gboolean
hearsay_import_webanno_tsv_unit (HearsayImportContext  *ctx,
                                 const char            *path,
                                 GError               **error)
{
  return hearsay_import_cas_unit (ctx, path, ".tsv", hearsay_import_webanno_tsv_parse, error);
}

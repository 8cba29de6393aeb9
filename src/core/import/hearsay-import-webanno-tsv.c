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

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-import-cas-private.h"

typedef enum { LAYER_SPAN, LAYER_RELATION, LAYER_CHAIN } LayerKind;

typedef enum {
  COL_PLACEHOLDER,   /* a layer without features */
  COL_PRIMITIVE,
  COL_SLOT_ROLE,
  COL_SLOT_TARGET,
  COL_RELATION_REF,  /* BT_: the source row of a relation */
  COL_CHAIN_TYPE,    /* referenceType */
  COL_CHAIN_LINK,    /* referenceRelation */
} ColumnKind;

typedef struct
{
  LayerKind kind;
  char *type;
  GArray *columns;   /* guint, indices into Tsv.columns */
} Layer;

typedef struct
{
  guint layer;
  ColumnKind kind;
  char *feature;
  char *target_type;
} Column;

typedef struct _Unit Unit;
struct _Unit
{
  guint line;
  char *id;
  gint64 fbegin, fend;   /* as the file counts */
  gint64 begin, end;     /* stored code points */
  char **fields;
  guint n_fields;
  GPtrArray *subtokens;  /* Unit *, not owned */
  GPtrArray **stacks;    /* per layer: spans or relations, in stacking order */
};

typedef struct
{
  HearsayCasRelation *relation;
  Unit *unit;
  char *source;          /* the source row's id */
  int source_id, target_id;
  guint line;
} PendingRelation;

typedef struct
{
  HearsayCasSpan *span;
  const Column *column;
  Unit *unit;
  char **roles;          /* "" for a slot without a role */
  char *targets;         /* the target cell's stacked value, NULL until read */
  guint line;
} PendingSlot;

typedef struct
{
  HearsayImportContext *ctx;
  const char *path;
  HearsayCasDocument *cas;
  HearsayOffsetConvention convention;
  GPtrArray *layers;
  GPtrArray *columns;
  GHashTable *layer_by_type;   /* type → layer index + 1 */
  GPtrArray *units;            /* every Unit, owned, in file order */
  GPtrArray *sentences;        /* GPtrArray of tokens (Unit *), owned */
  GHashTable *ids;             /* disambiguation id → HearsayCasSpan */
  GHashTable *chains;          /* chain id → GHashTable (element → span) */
  GPtrArray *relations;        /* PendingRelation */
  GHashTable *slots;           /* "span/feature" → PendingSlot */
  GPtrArray *slot_order;       /* PendingSlot, in file order */
  GHashTable *token_relations; /* layer type → count, left out */
} Tsv;

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
pending_relation_free (gpointer data)
{
  PendingRelation *p = data;

  g_free (p->source);
  g_free (p);
}

static void
pending_slot_free (gpointer data)
{
  PendingSlot *p = data;

  g_strfreev (p->roles);
  g_free (p->targets);
  g_free (p);
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

/* Escapes */

static gboolean
escaped_at (const char *start,
            const char *p)
{
  guint n = 0;

  while (p > start && p[-1] == '\\')
    p--, n++;
  return n % 2 == 1;
}

/* @cell split at each @sep that is not escaped. */
static GPtrArray *
split_cell (const char *cell,
            char        sep)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = cell;

  for (const char *p = cell; ; p++)
    {
      if (*p == '\0' || (*p == sep && !escaped_at (cell, p)))
        {
          g_ptr_array_add (parts, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  return parts;
}

/* "VALUE[INFO]" → VALUE and INFO; "VALUE->C-E" (chains) → VALUE and "C-E". */
static char *
take_suffix (const char  *raw,
             char       **info)
{
  gsize n = strlen (raw);

  *info = NULL;
  if (n > 0 && raw[n - 1] == ']' && !escaped_at (raw, raw + n - 1))
    {
      for (const char *p = raw + n - 2; p >= raw; p--)
        if (*p == '[' && !escaped_at (raw, p))
          {
            *info = g_strndup (p + 1, raw + n - 1 - (p + 1));
            return g_strndup (raw, p - raw);
          }
    }
  for (const char *p = raw + n; p > raw + 1; p--)
    {
      const char *arrow = p - 2;

      if (arrow[0] == '-' && arrow[1] == '>' && !escaped_at (raw, arrow))
        {
          const char *q = p;
          gsize d1 = strspn (q, "0123456789");

          if (d1 > 0 && q[d1] == '-' && strspn (q + d1 + 1, "0123456789") > 0 &&
              q[d1 + 1 + strspn (q + d1 + 1, "0123456789")] == '\0')
            {
              *info = g_strdup (q);
              return g_strndup (raw, arrow - raw);
            }
          break;
        }
    }
  return g_strdup (raw);
}

static char *
unescape_value (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (p[1])
        {
        case '\\': case '[': case ']': case '|': case '_': case ';': case '*':
          g_string_append_c (out, p[1]);
          p++;
          break;
        case 't':
          g_string_append_c (out, '\t');
          p++;
          break;
        case 'n':
          g_string_append_c (out, '\n');
          p++;
          break;
        case 'r':
          g_string_append_c (out, '\r');
          p++;
          break;
        case '-':
          if (p[2] == '>')
            {
              g_string_append (out, "->");
              p += 2;
              break;
            }
          G_GNUC_FALLTHROUGH;
        default:
          g_string_append_c (out, '\\');
        }
    }
  return g_string_free (out, FALSE);
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

/* "S-T" or "S-T.N". */
static gboolean
parse_id (const char *id,
          guint      *sentence,
          guint      *token,
          guint      *sub)
{
  char *rest = NULL;

  *sub = 0;
  if (!g_ascii_isdigit (id[0]))
    return FALSE;
  *sentence = (guint) g_ascii_strtoull (id, &rest, 10);
  if (*rest != '-' || !g_ascii_isdigit (rest[1]))
    return FALSE;
  *token = (guint) g_ascii_strtoull (rest + 1, &rest, 10);
  if (*rest == '.')
    {
      if (!g_ascii_isdigit (rest[1]))
        return FALSE;
      *sub = (guint) g_ascii_strtoull (rest + 1, &rest, 10);
      if (*sub == 0)
        return FALSE;
    }
  return *rest == '\0' && *sentence > 0 && *token > 0;
}

static Unit *
find_unit (Tsv        *t,
           const char *id)
{
  guint s, k, sub;
  GPtrArray *tokens;
  Unit *u;

  if (!parse_id (id, &s, &k, &sub) || s > t->sentences->len)
    return NULL;
  tokens = g_ptr_array_index (t->sentences, s - 1);
  if (k > tokens->len)
    return NULL;
  u = g_ptr_array_index (tokens, k - 1);
  if (sub == 0)
    return u;
  return sub <= u->subtokens->len ? g_ptr_array_index (u->subtokens, sub - 1) : NULL;
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
      if (!parse_id (u->id, &s, &k, &sub))
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
                                            _("the sentence starts at %" G_GINT64_FORMAT ", inside the sentence "
                                              "before, which ends at %" G_GINT64_FORMAT),
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

/* Pass 2: the annotations */

static GPtrArray *
stack_of (Unit  *u,
          guint  layer)
{
  if (u->stacks[layer] == NULL)
    u->stacks[layer] = g_ptr_array_new ();
  return u->stacks[layer];
}

static gpointer
stacked (Unit  *u,
         guint  layer,
         guint  k)
{
  return u->stacks[layer] != NULL && k < u->stacks[layer]->len ? g_ptr_array_index (u->stacks[layer], k) : NULL;
}

static void
extend (HearsayCasSpan *span,
        Unit           *u)
{
  span->begin = MIN (span->begin, u->begin);
  span->end = MAX (span->end, u->end);
}

static gboolean
parse_id_number (const char *s,
                 int        *n)
{
  char *rest = NULL;

  if (!g_ascii_isdigit (s[0]))
    return FALSE;
  *n = (int) g_ascii_strtoll (s, &rest, 10);
  return *rest == '\0';
}

/* The span of layer @layer at stacking index @k of @u, found by its
 * disambiguation id on an earlier row, or new. */
static HearsayCasSpan *
span_at (Tsv         *t,
         Unit        *u,
         guint        layer,
         guint        k,
         const char  *info,
         GError     **error)
{
  Layer *l = g_ptr_array_index (t->layers, layer);
  HearsayCasSpan *span = stacked (u, layer, k);
  int id = -1;

  if (info != NULL && !parse_id_number (info, &id))
    {
      hearsay_import_fail (error, t->path, u->line, _("“[%s]” is not an annotation id"), info);
      return NULL;
    }
  if (span == NULL && id > 0 && (span = g_hash_table_lookup (t->ids, GINT_TO_POINTER (id))) != NULL)
    {
      if (g_strcmp0 (span->type, l->type) != 0)
        {
          hearsay_import_fail (error, t->path, u->line, _("[%d] is an annotation of %s, not of %s"),
                               id, span->type, l->type);
          return NULL;
        }
      extend (span, u);
      g_ptr_array_add (stack_of (u, layer), span);
    }
  if (span == NULL)
    {
      span = hearsay_cas_add_span (t->cas, l->type, u->begin, u->end, u->line);
      g_ptr_array_add (stack_of (u, layer), span);
    }
  if (id > 0)
    g_hash_table_insert (t->ids, GINT_TO_POINTER (id), span);
  return span;
}

static gboolean
read_slot_role (Tsv             *t,
                Unit            *u,
                const Column    *c,
                HearsayCasSpan  *span,
                const char      *value)
{
  g_autofree char *key = g_strdup_printf ("%p/%s", (void *) span, c->feature);
  g_autoptr(GPtrArray) roles = NULL;
  PendingSlot *slot;

  /* A span over several rows repeats its slots on each: the first counts. */
  if (g_hash_table_contains (t->slots, key) || g_str_equal (value, "_"))
    return TRUE;
  roles = split_cell (value, ';');
  slot = g_new0 (PendingSlot, 1);
  slot->span = span;
  slot->column = c;
  slot->unit = u;
  slot->line = u->line;
  slot->roles = g_new0 (char *, roles->len + 1);
  for (guint i = 0; i < roles->len; i++)
    slot->roles[i] = g_str_equal (g_ptr_array_index (roles, i), "*") ? g_strdup ("")
                                                                      : unescape_value (g_ptr_array_index (roles, i));
  g_hash_table_insert (t->slots, g_steal_pointer (&key), slot);
  g_ptr_array_add (t->slot_order, slot);
  return TRUE;
}

static gboolean
read_span_cell (Tsv           *t,
                Unit          *u,
                guint          layer,
                const Column  *c,
                const char    *cell,
                GError       **error)
{
  g_autoptr(GPtrArray) values = split_cell (cell, '|');

  for (guint k = 0; k < values->len; k++)
    {
      const char *raw = g_ptr_array_index (values, k);
      g_autofree char *info = NULL;
      g_autofree char *value = NULL;
      HearsayCasSpan *span;

      if (c->kind == COL_SLOT_TARGET)
        {
          g_autofree char *key = NULL;
          PendingSlot *slot;

          if ((span = span_at (t, u, layer, k, NULL, error)) == NULL)
            return FALSE;
          key = g_strdup_printf ("%p/%s", (void *) span, c->feature);
          slot = g_hash_table_lookup (t->slots, key);
          if (slot != NULL && slot->targets == NULL && slot->unit == u)
            slot->targets = g_strdup (raw);
          continue;
        }
      value = take_suffix (raw, &info);
      if ((span = span_at (t, u, layer, k, info, error)) == NULL)
        return FALSE;
      if (c->kind == COL_PRIMITIVE && !g_str_equal (value, "*"))
        {
          g_autofree char *plain = unescape_value (value);

          hearsay_cas_set_feature (span->features, c->feature, plain);
        }
      else if (c->kind == COL_SLOT_ROLE)
        read_slot_role (t, u, c, span, value);
    }
  return TRUE;
}

static gboolean
read_relation_cell (Tsv           *t,
                    Unit          *u,
                    guint          layer,
                    const Column  *c,
                    const char    *cell,
                    GError       **error)
{
  Layer *l = g_ptr_array_index (t->layers, layer);
  g_autoptr(GPtrArray) values = split_cell (cell, '|');

  for (guint k = 0; k < values->len; k++)
    {
      g_autofree char *info = NULL;
      g_autofree char *value = take_suffix (g_ptr_array_index (values, k), &info);
      HearsayCasRelation *rel = stacked (u, layer, k);

      if (rel == NULL)
        {
          rel = hearsay_cas_add_relation (t->cas, l->type, NULL, NULL, u->line);
          g_ptr_array_add (stack_of (u, layer), rel);
        }
      if (c->kind == COL_PRIMITIVE && !g_str_equal (value, "*"))
        {
          g_autofree char *plain = unescape_value (value);

          hearsay_cas_set_feature (rel->features, c->feature, plain);
        }
      else if (c->kind == COL_RELATION_REF)
        {
          PendingRelation *p = g_new0 (PendingRelation, 1);

          p->relation = rel;
          p->unit = u;
          p->source = g_steal_pointer (&value);
          p->line = u->line;
          if (info != NULL)
            {
              g_auto(GStrv) ids = g_strsplit (info, "_", 2);

              if (ids[1] == NULL || !parse_id_number (ids[0], &p->source_id) ||
                  !parse_id_number (ids[1], &p->target_id))
                {
                  pending_relation_free (p);
                  return hearsay_import_fail (error, t->path, u->line,
                                              _("“[%s]” is not a pair of annotation ids [SOURCE_TARGET]"), info);
                }
            }
          g_ptr_array_add (t->relations, p);
        }
    }
  return TRUE;
}

static gboolean
read_chain_cell (Tsv           *t,
                 Unit          *u,
                 guint          layer,
                 const Column  *c,
                 const char    *cell,
                 GError       **error)
{
  Layer *l = g_ptr_array_index (t->layers, layer);
  g_autoptr(GPtrArray) values = split_cell (cell, '|');

  for (guint k = 0; k < values->len; k++)
    {
      g_autofree char *info = NULL;
      g_autofree char *value = take_suffix (g_ptr_array_index (values, k), &info);
      HearsayCasSpan *span = stacked (u, layer, k);

      if (c->kind == COL_CHAIN_LINK)
        {
          int chain_id, element;
          g_auto(GStrv) ids = info ? g_strsplit (info, "-", 2) : NULL;
          GHashTable *chain;

          if (ids == NULL || ids[1] == NULL || !parse_id_number (ids[0], &chain_id) ||
              !parse_id_number (ids[1], &element))
            return hearsay_import_fail (error, t->path, u->line,
                                        _("the chain link “%s” does not end with ->CHAIN-ELEMENT"),
                                        (const char *) g_ptr_array_index (values, k));
          chain = g_hash_table_lookup (t->chains, GINT_TO_POINTER (chain_id));
          if (chain == NULL)
            {
              chain = g_hash_table_new (NULL, NULL);
              g_hash_table_insert (t->chains, GINT_TO_POINTER (chain_id), chain);
            }
          if (span == NULL && (span = g_hash_table_lookup (chain, GINT_TO_POINTER (element))) != NULL)
            {
              extend (span, u);
              g_ptr_array_add (stack_of (u, layer), span);
            }
          if (span == NULL)
            {
              span = hearsay_cas_add_span (t->cas, l->type, u->begin, u->end, u->line);
              span->chain = TRUE;
              g_ptr_array_add (stack_of (u, layer), span);
            }
          g_hash_table_insert (chain, GINT_TO_POINTER (element), span);
        }
      else if (span == NULL)
        return hearsay_import_fail (error, t->path, u->line,
                                    _("a %s value without its referenceRelation link"), c->feature);
      if (!g_str_equal (value, "*") && c->kind != COL_PLACEHOLDER)
        {
          g_autofree char *plain = unescape_value (value);

          hearsay_cas_set_feature (span->features, c->feature, plain);
        }
    }
  return TRUE;
}

static gboolean
read_unit (Tsv     *t,
           Unit    *u,
           GError **error)
{
  for (guint layer = 0; layer < t->layers->len; layer++)
    {
      Layer *l = g_ptr_array_index (t->layers, layer);

      /* Chains: the link column makes the element, the type column follows. */
      for (guint pass = 0; pass < (l->kind == LAYER_CHAIN ? 2 : 1); pass++)
        for (guint i = 0; i < l->columns->len; i++)
          {
            guint index = g_array_index (l->columns, guint, i);
            const Column *c = g_ptr_array_index (t->columns, index);
            const char *cell = u->fields[3 + index];
            gboolean ok = TRUE;

            if (g_str_equal (cell, "_"))
              continue;
            if (l->kind == LAYER_SPAN)
              ok = read_span_cell (t, u, layer, c, cell, error);
            else if (l->kind == LAYER_RELATION)
              ok = read_relation_cell (t, u, layer, c, cell, error);
            else if ((pass == 0) == (c->kind == COL_CHAIN_LINK))
              ok = read_chain_cell (t, u, layer, c, cell, error);
            if (!ok)
              return FALSE;
          }
    }
  return TRUE;
}

/* The annotation of @type that row @id (and id @n, when > 0) stands for. */
static HearsayCasSpan *
resolve (Tsv         *t,
         const char  *type,
         const char  *id,
         int          n,
         guint        line,
         GError     **error)
{
  guint layer = GPOINTER_TO_UINT (g_hash_table_lookup (t->layer_by_type, type));
  Unit *u;

  if (n > 0)
    {
      HearsayCasSpan *span = g_hash_table_lookup (t->ids, GINT_TO_POINTER (n));

      if (span == NULL)
        hearsay_import_fail (error, t->path, line, _("[%d] is the id of no annotation of the file"), n);
      return span;
    }
  if ((u = find_unit (t, id)) == NULL)
    {
      hearsay_import_fail (error, t->path, line, _("“%s” is not a row of the file"), id);
      return NULL;
    }
  if (layer == 0 || stacked (u, layer - 1, 0) == NULL)
    {
      hearsay_import_fail (error, t->path, line, _("row %s has no annotation of %s to link"), id, type);
      return NULL;
    }
  return stacked (u, layer - 1, 0);
}

static gboolean
resolve_relations (Tsv     *t,
                   GError **error)
{
  for (guint i = 0; i < t->relations->len; i++)
    {
      PendingRelation *p = g_ptr_array_index (t->relations, i);
      HearsayCasRelation *rel = p->relation;
      guint layer = GPOINTER_TO_UINT (g_hash_table_lookup (t->layer_by_type, rel->type)) - 1;
      Layer *l = g_ptr_array_index (t->layers, layer);
      const char *attach = NULL;

      for (guint k = 0; k < l->columns->len; k++)
        {
          const Column *c = g_ptr_array_index (t->columns, g_array_index (l->columns, guint, k));

          if (c->kind == COL_RELATION_REF)
            attach = c->target_type;
        }
      /* DKPro's Dependency joins tokens whatever BT_ says (INCEpTION's
       * reader does the same); Hearsay keeps no tokens. */
      if (g_str_equal (attach, HEARSAY_CAS_TOKEN) || g_str_equal (rel->type, HEARSAY_CAS_DEPENDENCY))
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (t->token_relations, rel->type));

          g_hash_table_insert (t->token_relations, rel->type, GUINT_TO_POINTER (n + 1));
          continue;
        }
      if ((rel->from = resolve (t, attach, p->source, p->source_id, p->line, error)) == NULL ||
          (rel->to = resolve (t, attach, p->unit->id, p->target_id, p->line, error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
resolve_slots (Tsv     *t,
               GError **error)
{
  for (guint i = 0; i < t->slot_order->len; i++)
    {
      PendingSlot *slot = g_ptr_array_index (t->slot_order, i);
      g_autoptr(GPtrArray) targets = slot->targets ? split_cell (slot->targets, ';') : NULL;
      guint n_roles = g_strv_length (slot->roles);

      if (targets == NULL || targets->len != n_roles)
        return hearsay_import_fail (error, t->path, slot->line,
                                    _("the slot feature %s has %u roles but %u targets"),
                                    slot->column->feature, n_roles, targets ? targets->len : 0);
      for (guint k = 0; k < n_roles; k++)
        {
          g_autofree char *info = NULL;
          g_autofree char *id = take_suffix (g_ptr_array_index (targets, k), &info);
          int n = 0;
          HearsayCasSpan *target;
          HearsayCasRelation *rel;
          const char *type = NULL;

          for (guint c = 0; c < t->columns->len; c++)
            {
              const Column *col = g_ptr_array_index (t->columns, c);

              if (col->kind == COL_SLOT_TARGET && col->layer == slot->column->layer &&
                  g_str_equal (col->feature, slot->column->feature))
                type = col->target_type;
            }
          if (info != NULL && !parse_id_number (info, &n))
            return hearsay_import_fail (error, t->path, slot->line, _("“[%s]” is not an annotation id"), info);
          if ((target = resolve (t, type, id, n, slot->line, error)) == NULL)
            return FALSE;
          rel = hearsay_cas_add_relation (t->cas, slot->span->type, slot->span, target, slot->line);
          rel->label = g_strdup (*slot->roles[k] ? slot->roles[k] : slot->column->feature);
        }
    }
  return TRUE;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = GPOINTER_TO_INT (*(gpointer *) a), y = GPOINTER_TO_INT (*(gpointer *) b);

  return x < y ? -1 : x > y;
}

/* Each element of a chain links to the next; referenceRelation names it. */
static void
resolve_chains (Tsv *t)
{
  g_autoptr(GList) chain_ids = g_hash_table_get_keys (t->chains);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();

  for (GList *l = chain_ids; l != NULL; l = l->next)
    g_ptr_array_add (ordered, l->data);
  g_ptr_array_sort (ordered, compare_ints);
  for (guint c = 0; c < ordered->len; c++)
    {
      GHashTable *chain = g_hash_table_lookup (t->chains, g_ptr_array_index (ordered, c));
      g_autoptr(GList) keys = g_hash_table_get_keys (chain);
      g_autoptr(GPtrArray) elements = g_ptr_array_new ();

      for (GList *l = keys; l != NULL; l = l->next)
        g_ptr_array_add (elements, l->data);
      g_ptr_array_sort (elements, compare_ints);
      for (guint i = 0; i + 1 < elements->len; i++)
        {
          HearsayCasSpan *from = g_hash_table_lookup (chain, g_ptr_array_index (elements, i));
          HearsayCasSpan *to = g_hash_table_lookup (chain, g_ptr_array_index (elements, i + 1));
          const char *name = hearsay_cas_get_feature (from->features, "referenceRelation");
          HearsayCasRelation *rel = hearsay_cas_add_relation (t->cas, from->type, from, to, from->line);

          if (name != NULL)
            rel->label = g_strdup (name);
          else
            {
              const char *base = hearsay_cas_short_name (from->type);
              g_autofree char *cut = g_strndup (base, g_str_has_suffix (base, "Link") && strlen (base) > 4
                                                      ? strlen (base) - 4 : strlen (base));

              rel->label = hearsay_import_identifier (cut);
            }
        }
    }
  for (guint i = 0; i < t->cas->spans->len; i++)
    {
      HearsayCasSpan *span = g_ptr_array_index (t->cas->spans, i);

      if (span->chain)
        g_hash_table_remove (span->features, "referenceRelation");
    }
}

static gboolean
read_annotations (Tsv     *t,
                  GError **error)
{
  g_autoptr(HearsayOffsetReader) reader = hearsay_offset_reader_new (t->cas->text, &t->convention);
  g_autoptr(HearsayTextIndex) index = hearsay_text_index_new (t->cas->text);

  for (guint i = 0; i < t->units->len; i++)
    {
      Unit *u = g_ptr_array_index (t->units, i);

      if (!hearsay_import_convert_span (reader, &t->convention, u->fbegin, u->fend, &u->begin, &u->end,
                                        t->path, u->line, error))
        return FALSE;
      if (!hearsay_import_text_matches (index, u->begin, u->end, u->fields[2]))
        {
          const char *s = hearsay_text_index_pointer (index, u->begin);
          g_autofree char *found = g_strndup (s, hearsay_text_index_pointer (index, u->end) - s);
          g_autofree char *unit = hearsay_offset_convention_describe (&t->convention);

          return hearsay_import_fail (error, t->path, u->line,
                                      _("the row says “%s” but the text at %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT
                                        " (%s) is “%s”"),
                                      u->fields[2], u->fbegin, u->fend, unit, found);
        }
    }
  for (guint i = 0; i < t->units->len; i++)
    if (!read_unit (t, g_ptr_array_index (t->units, i), error))
      return FALSE;
  if (!resolve_relations (t, error) || !resolve_slots (t, error))
    return FALSE;
  resolve_chains (t);
  /* Relations joining tokens are not annotations' relations. */
  for (guint i = t->cas->relations->len; i > 0; i--)
    {
      HearsayCasRelation *rel = g_ptr_array_index (t->cas->relations, i - 1);

      if (rel->from == NULL || rel->to == NULL)
        g_ptr_array_remove_index (t->cas->relations, i - 1);
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, t->token_relations);
    while (g_hash_table_iter_next (&iter, &key, &value))
      hearsay_import_skip (t->ctx, t->path, 0,
                           _("%u relations of %s join tokens, which Hearsay does not keep; they are left out"),
                           GPOINTER_TO_UINT (value), (const char *) key);
  }
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
  t.relations = g_ptr_array_new_with_free_func (pending_relation_free);
  t.slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t.slot_order = g_ptr_array_new_with_free_func (pending_slot_free);
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
  ok = ok && read_body (&t, lines, i, error) && read_annotations (&t, error);
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
